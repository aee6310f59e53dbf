// Installable (docs/offline.md): the manifest parses without a problem, names the app in
// Vietnamese with its icons, and Chromium finds nothing that keeps the app from being
// installed. Once installed, a plan file opened with the app (manifest file_handlers, the
// browser's launchQueue) is imported like a file chosen in the picker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import {
  test, expect, tid, openApp, watchErrors, watchCspViolations, FIXTURES, CONTEXT_OPTIONS, ROOT,
} from './helpers.mjs';
import { DIST, serve, openControlled } from './sw-helpers.mjs';

test('the manifest is complete, and Chromium finds nothing against installing the app', async ({ browserName, pageErrors }) => {
  test.skip(browserName !== 'chromium', 'installability is asked through the Chrome DevTools Protocol');
  // Chromium never offers to install from an incognito profile, which every Playwright
  // context but a persistent one is: a profile of this test's own, on a server of its own.
  const server = await serve(DIST, 8097);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...CONTEXT_OPTIONS,
    baseURL: undefined,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await watchCspViolations(context, pageErrors);
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, pageErrors);
    await openControlled(page, `${server.origin}/`);
    const cdp = await context.newCDPSession(page);

    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${server.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const m = JSON.parse(manifest.data);
    expect(m).toMatchObject({
      name: 'Sổ kế hoạch CCHC',
      lang: 'vi',
      start_url: './',
      scope: './',
      display: 'standalone',
      file_handlers: [{ action: './', accept: { 'application/json': ['.json'] } }],
    });
    expect(m.short_name.length).toBeLessThanOrEqual(12);
    // Colours of style/main.css: --brand and --bg.
    expect(m.theme_color).toBe('#14407a');
    expect(m.background_color).toBe('#f3f5f8');
    const css = fs.readFileSync(path.join(ROOT, 'style', 'main.css'), 'utf8');
    expect(css).toContain(`--brand: ${m.theme_color};`);
    expect(css).toContain(`--bg: ${m.background_color};`);
    // Each icon exists, is a PNG of the size it claims (or the SVG favicon).
    for (const icon of m.icons) {
      const res = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(res.status(), icon.src).toBe(200);
      if (icon.type === 'image/png') {
        const png = await res.body();
        const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
      }
    }
    expect(m.icons.filter((i) => i.purpose === 'maskable')).toHaveLength(1);
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(m.theme_color);

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    expect((await cdp.send('Page.getAppId')).appId).toBe(`${server.origin}/`);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a plan file the installed app is opened with is imported (file_handlers, launchQueue)', async ({ page }) => {
  const text = fs.readFileSync(path.join(FIXTURES, 'valid', 'plan-v2-base.json'), 'utf8');
  // What the browser does when the app is opened with a file: a launchQueue whose consumer
  // gets the file's handle, here before the page has finished starting.
  await page.addInitScript((text) => {
    const launchQueue = {
      setConsumer(consumer) {
        window.__launchConsumerSet = true;
        consumer({
          files: [{
            kind: 'file',
            name: 'ke-hoach-quan-2.json',
            getFile: async () => new File([text], 'ke-hoach-quan-2.json', { type: 'application/json' }),
          }],
        });
      },
    };
    Object.defineProperty(window, 'launchQueue', { value: launchQueue, configurable: true });
  }, text);
  await openApp(page);
  expect(await page.evaluate(() => window.__launchConsumerSet)).toBe(true);
  // The same review as for a file chosen in the picker, with the file's name.
  const review = page.locator(tid('import-review'));
  await expect(review).toBeVisible();
  await expect(page.locator(tid('review-file'))).toHaveText('ke-hoach-quan-2.json');
  await expect(page.locator(tid('review-finding'))).toHaveText('Kế hoạch mới');
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('notice-success'))).toContainText('Đã thêm');
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText('Quận 2');
});

test('a launch without files changes nothing', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'launchQueue', {
      value: { setConsumer: (consumer) => consumer({ files: [] }) },
      configurable: true,
    });
  });
  await openApp(page);
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  await expect(page.locator(tid('import-review'))).toHaveCount(0);
});
