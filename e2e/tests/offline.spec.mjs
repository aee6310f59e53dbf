// Truly offline (docs/offline.md): the service worker precaches every file of the build, under
// a cache named for the build, and the app then starts and works with the network off and
// the server gone: create a plan, edit it, reload, export it.
import fs from 'node:fs';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, createPlan, addTarget, setRule, setThreshold, recordEntry, expectStatus,
  savedToStorage, openApp,
} from './helpers.mjs';
import {
  DIST, listFiles, buildOf, runSwHook, copyDist, serve, waitForServiceWorker, cachesOf,
  openControlled,
} from './sw-helpers.mjs';

const LABEL = 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 90%';

test('every file of the build is precached, in one cache named for this build', async ({ page, baseURL }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  const build = buildOf(DIST);
  const files = listFiles(DIST).filter((f) => f !== 'sw.js');
  expect(build.files).toEqual(files);
  // What the build emits, whatever the hashes: the app, the bootstrap the CSP hook wrote,
  // the manifest and its icons.
  for (const pattern of [/^cchc-workbook-[0-9a-f]+_bg\.wasm$/, /^cchc-workbook-[0-9a-f]+\.js$/,
    /^bootstrap-[0-9a-f]{16}\.js$/, /^sw-register-[0-9a-f]+\.js$/, /^main-[0-9a-f]+\.css$/,
    /^offline-[0-9a-f]+\.css$/, /^index\.html$/, /^manifest\.webmanifest$/, /^favicon\.svg$/,
    /^icons\/icon-192\.png$/, /^icons\/icon-512\.png$/, /^icons\/maskable-512\.png$/]) {
    expect(files.filter((f) => pattern.test(f)), `${pattern}`).toHaveLength(1);
  }
  expect(build.version).toMatch(/^[0-9a-f]{16}$/);
  const root = `${baseURL}/`;
  expect(await cachesOf(page)).toEqual({
    [`cchc-workbook ${root} ${build.version}`]: files.map((f) => root + f),
  });
});

test('the cache name changes with any file of the build; an unchanged build keeps its sw.js', () => {
  const { root, app } = copyDist('');
  try {
    // The same files give the same sw.js, byte for byte: the browser sees no update.
    runSwHook(app);
    expect(fs.readFileSync(path.join(app, 'sw.js'), 'utf8')).toBe(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'));
    const versions = new Set([buildOf(app).version]);
    const icon = 'icons/icon-192.png';
    for (const [what, change] of [
      ['a byte of index.html', () => fs.appendFileSync(path.join(app, 'index.html'), '\n')],
      ['a byte of an icon', () => fs.appendFileSync(path.join(app, icon), '\0')],
      ['an icon renamed', () => fs.renameSync(path.join(app, icon), path.join(app, 'icons/icon-192-x.png'))],
      ['a new wasm-bindgen snippet', () => {
        fs.mkdirSync(path.join(app, 'snippets', 'cchc-workbook-0123'), { recursive: true });
        fs.writeFileSync(path.join(app, 'snippets', 'cchc-workbook-0123', 'inline0.js'), 'export {};\n');
      }],
    ]) {
      change();
      runSwHook(app);
      const build = buildOf(app);
      expect(versions.has(build.version), `${what} gives a new version`).toBe(false);
      versions.add(build.version);
      expect(build.files).toEqual(listFiles(app).filter((f) => f !== 'sw.js'));
    }
    expect(buildOf(app).files).toContain('snippets/cchc-workbook-0123/inline0.js');
    // Under `trunk serve` (the page loads Trunk's autoreload script) the worker caches nothing
    // and removes itself.
    const index = path.join(app, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>',
      '<script src="./trunk-autoreload-0123456789abcdef.js" integrity="sha384-x"></script></head>'));
    expect(runSwHook(app)).toContain('trunk serve');
    const dev = fs.readFileSync(path.join(app, 'sw.js'), 'utf8');
    expect(dev).toContain('self.registration.unregister()');
    expect(dev).not.toMatch(/addEventListener\('fetch'|cache\.addAll/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('under trunk serve no worker is registered, and one a release build left at the address goes', async ({ page }) => {
  test.setTimeout(60_000);
  const { root, app } = copyDist('');
  const server = await serve(root, 8098);
  try {
    await openControlled(page, `${server.origin}/`);
    expect(Object.keys(await cachesOf(page))).toHaveLength(1);
    // The same address now serves a `trunk serve` build: its page loads Trunk's autoreload
    // script (moved into a file by csp_hook.py), and the hook wrote the worker of dev mode.
    fs.writeFileSync(path.join(app, 'trunk-autoreload-0123456789abcdef.js'), 'window.__trunkServe = true;\n');
    const index = path.join(app, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8')
      .replace('</body>', '<script src="./trunk-autoreload-0123456789abcdef.js"></script></body>'));
    expect(runSwHook(app)).toContain('trunk serve');
    // The old worker still answers this load from its cache, and the browser finds the new
    // sw.js, which clears the caches and unregisters itself.
    // (The browser looks for it at this load; if a check it started earlier is still running,
    // that one answers with the old sw.js, so the test asks again as a later load would.)
    await page.reload();
    await expect.poll(() => page.evaluate(async () => {
      const regs = await navigator.serviceWorker.getRegistrations();
      for (const r of regs) if (!r.installing && !r.waiting) await r.update().catch(() => {});
      return [(await navigator.serviceWorker.getRegistrations()).length, (await caches.keys()).length];
    }), { timeout: 15_000, intervals: [500, 1000] }).toEqual([0, 0]);
    // From then on, the dev server's page, with no worker. The worker that unregistered itself
    // may still answer the very next load (Chromium lets it finish with the page it controls),
    // and Python's server sends no Cache-Control, so the browser may reuse its copy once: the
    // dev page is asked for until it comes, which takes at most a load or two.
    await expect.poll(async () => {
      await page.reload();
      await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
      return page.evaluate(() => window.__trunkServe ?? false);
    }, { timeout: 30_000, intervals: [500] }).toBe(true);
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(async () => ({
      controlled: navigator.serviceWorker.controller !== null,
      registrations: (await navigator.serviceWorker.getRegistrations()).length,
    }))).toEqual({ controlled: false, registrations: 0 });
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('with the network off and the server gone, the app starts and works: create, edit, reload, export', async ({ page, context }) => {
  test.setTimeout(60_000);
  // A copy of the build under a sub-path, on a server of this test's own that it can stop.
  const { root } = copyDist('cchc/');
  const server = await serve(root, 8096);
  try {
    const url = `${server.origin}/cchc/`;
    await openControlled(page, url);
    await server.stop();
    await context.setOffline(true);

    // Every response of the reload comes from the service worker.
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.reload();
    await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
    expect(responses.length).toBeGreaterThanOrEqual(6);
    for (const r of responses) {
      expect(r.fromServiceWorker(), `${r.url()} from the service worker`).toBe(true);
      expect(r.status(), r.url()).toBe(200);
    }
    // Really offline: what is not precached cannot be fetched.
    expect(await page.evaluate(() => fetch('not-precached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');

    // Create a plan, add a target, record progress, edit the plan's details.
    await createPlan(page, { unit: 'Phường Không Mạng' });
    const card = await addTarget(page, { kind: 'ratio', label: LABEL });
    await setRule(card, 'above');
    await setThreshold(card, 'threshold', '90');
    await recordEntry(card, { numerator: '95', denominator: '100' });
    await expectStatus(card, 'met');
    await page.locator(tid('plan-superior')).fill('UBND Thành phố (ngoại tuyến)');
    await savedToStorage(page);

    // Reload, still offline: everything is there.
    await page.reload();
    await expect(page.locator(tid('plan-title'))).toContainText('Phường Không Mạng', { timeout: 15_000 });
    await expect(page.locator(tid('plan-superior'))).toHaveValue('UBND Thành phố (ngoại tuyến)');
    await expectStatus(page.locator(tid('target-card')), 'met');

    // Export: a real download, with every edit in it.
    const download = page.waitForEvent('download');
    await page.locator(tid('export-plan')).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^ke-hoach-cchc_phuong-khong-mang_2026_\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(await readFile(await d.path(), 'utf8'));
    expect(doc.format).toBe('cchc-workbook/plan');
    expect(doc.plan.unit.name).toBe('Phường Không Mạng');
    expect(doc.plan.unit.superior.name).toBe('UBND Thành phố (ngoại tuyến)');
    expect(doc.plan.targets).toHaveLength(1);
    expect(doc.plan.targets[0].label).toBe(LABEL);
    expect(doc.plan.targets[0].entries).toHaveLength(1);
    expect(JSON.stringify(doc.plan.targets[0].entries[0])).toMatch(/95/);
  } finally {
    await context.setOffline(false);
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
