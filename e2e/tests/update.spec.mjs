// A second build deployed while the app is open (docs/offline.md): the new version is offered,
// never forced; reloading asks the app to save first and refuses while changes are not saved;
// after the reload the new build runs from its own cache, the old cache is gone, and every
// edit is still there.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, tid, createPlan, savedToStorage, ARTIFACTS,
} from './helpers.mjs';
import {
  buildOf, runSwHook, copyDist, serve, openControlled, cachesOf,
} from './sw-helpers.mjs';

const SHOTS = path.join(ARTIFACTS, 'screenshots');

/** A copy of the build served under /cchc/ on a server of the test's own, open and controlled. */
async function firstBuild(page) {
  const { root, app } = copyDist('cchc/');
  const server = await serve(root, 8095);
  const url = `${server.origin}/cchc/`;
  await openControlled(page, url);
  await page.evaluate(() => { window.__sameDocument = true; });
  return {
    app, url, version: buildOf(app).version,
    cleanUp: async () => {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Deploys "a second build" over the served copy: index.html changes and sw.js is written
 * again by the build's own generator, as `trunk build` would. */
function deploySecondBuild(app) {
  const index = path.join(app, 'index.html');
  // Each file is replaced whole, as a deploy does: a check of the browser's may come at any moment.
  fs.writeFileSync(`${index}.part`, fs.readFileSync(index, 'utf8')
    .replace('</head>', '<meta name="cchc-build" content="2" />\n</head>'));
  fs.renameSync(`${index}.part`, index);
  runSwHook(app);
  return buildOf(app).version;
}

/**
 * What the browser does at the next load or after an hour: look for a new sw.js, asking again
 * until it is found (a check the browser began by itself just before the deploy may answer
 * the first ask with the old file).
 */
async function lookForUpdate(page) {
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg.installing && !reg.waiting) await reg.update().catch(() => {});
    return reg.installing !== null || reg.waiting !== null;
  }), { timeout: 15_000, intervals: [250, 500, 1000] }).toBe(true);
}

const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

test('a second build is offered and never forced; reloading saves first, keeps the edit, runs the new build', async ({ page }) => {
  test.setTimeout(60_000);
  const build = await firstBuild(page);
  try {
    let flushes = 0;
    await page.exposeFunction('__e2eFlushed', () => { flushes += 1; });
    await page.evaluate(() => addEventListener('cchc:flush', () => window.__e2eFlushed()));
    await createPlan(page, { unit: 'Phường Cập Nhật' });

    const second = deploySecondBuild(build.app);
    expect(second).not.toBe(build.version);
    await lookForUpdate(page);
    const offer = page.locator(tid('update-offer'));
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer).toHaveAttribute('role', 'status');
    await expect(offer.locator('p')).toHaveText('Đã có phiên bản mới của Sổ kế hoạch CCHC.');
    await expect(offer.locator(tid('update-reload'))).toHaveText('Tải lại để dùng bản mới');
    await expect(offer.locator(tid('update-later'))).toHaveText('Để sau');
    // The new version waits; the page was not reloaded and its worker has not changed.
    const workers = () => page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { active: r.active?.state, waiting: r.waiting?.state };
    });
    expect(await workers()).toEqual({ active: 'activated', waiting: 'installed' });
    await page.waitForTimeout(1_000);
    expect(await sameDocument(page)).toBe(true);

    // Editing goes on with the offer on screen; it covers neither the top bar nor the fields.
    await page.locator(tid('plan-superior')).fill('UBND Thành phố (trước khi tải lại)');
    const box = await offer.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.y).toBeGreaterThan((await page.locator('header.topbar').boundingBox()).height);
    await fs.promises.mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'update-offer.png') });

    // Reload: the app is asked to write what is pending, then the new worker takes over.
    const reloaded = page.waitForEvent('load');
    await offer.locator(tid('update-reload')).click();
    await reloaded;
    await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
    expect(flushes).toBe(1);
    expect(await sameDocument(page)).toBe(false);
    // The new build's page, from the new cache; the old cache is gone; no offer.
    await expect(page.locator('meta[name="cchc-build"]')).toHaveAttribute('content', '2');
    await expect.poll(async () => Object.keys(await cachesOf(page)))
      .toEqual([`cchc-workbook ${build.url} ${second}`]);
    expect(await workers()).toEqual({ active: 'activated', waiting: undefined });
    await expect(page.locator(tid('update-offer'))).toHaveCount(0);
    // Every edit is there.
    await expect(page.locator(tid('plan-title'))).toContainText('Phường Cập Nhật');
    await expect(page.locator(tid('plan-superior'))).toHaveValue('UBND Thành phố (trước khi tải lại)');
  } finally {
    await build.cleanUp();
  }
});

test('while changes are not saved, the offer does not reload and says so', async ({ page }) => {
  test.setTimeout(60_000);
  const build = await firstBuild(page);
  try {
    await createPlan(page, { unit: 'Phường Chưa Lưu' });
    await savedToStorage(page);
    deploySecondBuild(build.app);
    await lookForUpdate(page);
    const offer = page.locator(tid('update-offer'));
    const reload = offer.locator(tid('update-reload'));
    await expect(offer).toBeVisible({ timeout: 15_000 });
    const notSaved = 'Các thay đổi chưa lưu xong nên chưa tải lại. Hãy thử lại sau giây lát.';

    // A write that does not finish (the app's counter of pending writes stays up).
    await page.evaluate(() => {
      document.querySelector('[data-testid="app-ready"]').dataset.pendingWrites = '1';
    });
    await reload.click();
    await expect(reload).toBeDisabled();
    await expect(offer.locator('p')).toHaveText(notSaved, { timeout: 8_000 });
    await expect(reload).toBeEnabled();
    await fs.promises.mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'update-offer-not-saved.png') });
    expect(await sameDocument(page)).toBe(true);
    await page.evaluate(() => {
      document.querySelector('[data-testid="app-ready"]').dataset.pendingWrites = '0';
    });

    // Storage is full: the writes end, but failed (the app's lasting banner says so).
    await page.evaluate(() => {
      const original = IDBObjectStore.prototype.put;
      window.__restorePut = () => { IDBObjectStore.prototype.put = original; };
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator(tid('plan-superior')).fill('UBND Thành phố (bộ nhớ đầy)');
    await expect(page.locator(tid('save-failed'))).toBeVisible();
    await reload.click();
    await expect(reload).toBeDisabled();
    await expect(reload).toBeEnabled({ timeout: 8_000 });
    await expect(offer.locator('p')).toHaveText(notSaved);
    expect(await sameDocument(page)).toBe(true);

    // Space is back: the next change is written, and the reload goes ahead with it.
    await page.evaluate(() => window.__restorePut());
    await page.locator(tid('plan-superior')).fill('UBND Thành phố (đã lưu lại)');
    await expect(page.locator(tid('save-failed'))).toHaveCount(0);
    const reloaded = page.waitForEvent('load');
    await reload.click();
    await reloaded;
    await expect(page.locator(tid('plan-superior'))).toHaveValue('UBND Thành phố (đã lưu lại)', { timeout: 15_000 });
    await expect(page.locator('meta[name="cchc-build"]')).toHaveAttribute('content', '2');
  } finally {
    await build.cleanUp();
  }
});

test('the offer speaks the page\'s language, and "later" puts it off until the next load', async ({ page }) => {
  test.setTimeout(60_000);
  const build = await firstBuild(page);
  try {
    await createPlan(page, { unit: 'Phường Để Sau' });
    deploySecondBuild(build.app);
    await lookForUpdate(page);
    const offer = page.locator(tid('update-offer'));
    await expect(offer).toBeVisible({ timeout: 15_000 });

    await page.locator(tid('lang-en')).click();
    await expect(offer.locator('p')).toHaveText('A new version of the CCHC Workbook is available.');
    await expect(offer.locator(tid('update-reload'))).toHaveText('Reload to use the new version');
    await expect(offer.locator(tid('update-later'))).toHaveText('Later');
    await page.screenshot({ path: path.join(SHOTS, 'update-offer-en.png') });

    await offer.locator(tid('update-later')).click();
    await expect(offer).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(await sameDocument(page)).toBe(true);

    // The officer reloads later by hand: the old version still runs, and is offered again.
    await savedToStorage(page);
    await page.reload();
    await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
    await expect(page.locator('meta[name="cchc-build"]')).toHaveCount(0);
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer.locator('p')).toHaveText('A new version of the CCHC Workbook is available.');
    await expect(page.locator(tid('plan-title'))).toContainText('Phường Để Sau');
  } finally {
    await build.cleanUp();
  }
});
