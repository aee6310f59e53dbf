// Storage that cannot be written never loses work silently: a lasting banner says changes are
// not being kept, the work stays on screen, and the banner offers a backup export.
import {
  test, expect, tid, openApp, createPlan, storedPlans, savedToStorage,
} from './helpers.mjs';
import { readFile } from 'node:fs/promises';

test('a full storage shows a lasting banner, keeps the work, and clears when saving works again', async ({ page }) => {
  await openApp(page);
  // From now on every write of a plan to IndexedDB fails the way Chromium reports a full quota.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    window.__restorePut = () => { IDBObjectStore.prototype.put = original; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("Failed to execute 'put' on 'IDBObjectStore': exceeded the quota.", 'QuotaExceededError');
    };
  });
  await createPlan(page, { unit: 'Phường Đầy Bộ Nhớ' });
  const banner = page.locator(tid('save-failed'));
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('bộ nhớ trình duyệt đã đầy');
  await expect(banner.getByRole('button')).toBeVisible();
  // The work is still there while storage is full.
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Đầy Bộ Nhớ');
  // The backup export offers the plan as a file.
  const download = page.waitForEvent('download');
  await banner.getByRole('button').click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  // Space is back: the next change is saved and the banner goes away.
  await page.evaluate(() => window.__restorePut());
  await page.locator(tid('plan-superior')).fill('UBND Thành phố');
  await expect(banner).toHaveCount(0);
  await expect(page.locator(tid('notice-success')).last()).toContainText('Đã lưu được trở lại');
  const stored = await storedPlans(page);
  expect(Object.keys(stored)).toHaveLength(1);
  expect(Object.values(stored)[0]).toContain('Phường Đầy Bộ Nhớ');
});

test('when storage is disabled the app still starts and says changes are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['indexedDB', 'localStorage']) {
      Object.defineProperty(window, name, {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }
  });
  await openApp(page);
  const banner = page.locator(tid('save-failed'));
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('bộ nhớ trình duyệt bị tắt');
  await createPlan(page, { unit: 'Phường Không Lưu' });
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Không Lưu');
  await expect(banner).toBeVisible();
});

test('changes are written shortly after typing stops, and at once when the page is hidden', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await createPlan(page, { unit: 'Phường Lưu Ngay' });
  await savedToStorage(page);
  const written = async () => Object.values(await storedPlans(page, { waitForWrites: false })).join('');
  // Time stands still: the change waits for its write.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.locator(tid('plan-superior')).fill('UBND Thành phố Chờ Ghi');
  await expect(page.locator(tid('app-ready'))).toHaveAttribute('data-pending-writes', '1');
  expect(await written()).not.toContain('Chờ Ghi');
  // The tab is hidden (another window, the PC locked): written at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await expect.poll(written).toContain('Chờ Ghi');
  // And without hiding, the write follows a moment after the last change.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
  });
  await page.locator(tid('plan-superior')).fill('UBND Thành phố Sau Giây Lát');
  expect(await written()).not.toContain('Sau Giây Lát');
  await page.clock.runFor(400);
  await expect.poll(written).toContain('Sau Giây Lát');
});

test('storage full while editing: the banner shows, editing goes on, and the backup holds every edit', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Hết Chỗ', number: '01/KH-UBND' });
  await savedToStorage(page);
  // Storage fills up. Headless Chromium gives a site about 10 GB, and CDP's
  // Storage.overrideQuotaForOrigin has no effect on this build, so IndexedDB's refusal is
  // produced the way Chromium words it when the quota is reached.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    window.__restorePut = () => { IDBObjectStore.prototype.put = original; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("Failed to execute 'put' on 'IDBObjectStore': exceeded the quota.", 'QuotaExceededError');
    };
  });

  // Edits go on; saving them fails, and the banner says so.
  const details = page.locator(tid('plan-details'));
  await details.locator(tid('plan-superior')).fill('UBND tỉnh Đồng Nai — sửa khi đầy');
  await details.locator(tid('plan-number')).fill('07/KH-UBND');
  const banner = page.locator(tid('save-failed'));
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('bộ nhớ trình duyệt đã đầy');
  await details.locator(tid('plan-notes-internal')).fill('Ghi chú gõ khi bộ nhớ đầy');
  await page.waitForTimeout(400);
  await expect(banner).toBeVisible();

  // The backup holds every edit, including those storage refused.
  const download = page.waitForEvent('download');
  await banner.getByRole('button').click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  for (const edit of ['Phường Hết Chỗ', 'UBND tỉnh Đồng Nai — sửa khi đầy', '07/KH-UBND', 'Ghi chú gõ khi bộ nhớ đầy']) {
    expect(text).toContain(edit);
  }

  // Space freed: the next change saves everything, and the banner goes.
  await page.evaluate(() => window.__restorePut());
  await details.locator(tid('plan-unit-code')).fill('26734');
  await expect(banner).toHaveCount(0);
  await savedToStorage(page);
  const stored = Object.values(await storedPlans(page)).join('\n');
  for (const edit of ['UBND tỉnh Đồng Nai — sửa khi đầy', '07/KH-UBND', 'Ghi chú gõ khi bộ nhớ đầy', '26734']) {
    expect(stored).toContain(edit);
  }
});
