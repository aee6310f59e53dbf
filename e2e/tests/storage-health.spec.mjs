// Storage health on the workbook page: space used and allowed, whether the browser keeps the
// data for good, when each plan was last exported, and a reminder to export a backup when a
// plan changed and was not exported for the chosen number of days. Kept across reloads.
import {
  test, expect, tid, openApp, createPlan, backToWorkbook, reloadApp,
} from './helpers.mjs';

test('storage health shows space and persistence, and reminds to export a changed plan', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+07:00'));
  await openApp(page);
  await createPlan(page, { unit: 'Phường Sao Lưu' });
  await backToWorkbook(page);

  const health = page.locator(tid('storage-health'));
  await health.locator('summary').click();
  await expect(health.locator(tid('storage-usage'))).toContainText(/Đã dùng [\d.,]+ MB \/ [\d.,]+ MB được phép/);
  await expect(health.locator(tid('storage-persisted'))).toContainText(/Trình duyệt (giữ|có thể tự xoá)/);
  await expect(health).toContainText('Trình duyệt có thể xoá dữ liệu của trang không được mở');
  // Never exported: a backup is due.
  const row = health.locator(tid('backup-row'));
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-due', 'true');
  await expect(row).toContainText('chưa xuất lần nào');
  await expect(health.locator(tid('backup-due-count'))).toContainText('1');

  // Exported: recorded, nothing due.
  const download = page.waitForEvent('download');
  await page.locator(tid('row-export')).click();
  await download;
  await expect(row).toHaveAttribute('data-due', 'false');
  await expect(row).toContainText('xuất lần cuối 23/11/2026');
  await expect(health.locator(tid('backup-due-count'))).toHaveCount(0);

  // With a period of 0 days, the first change after the export calls for a backup again.
  await health.locator(tid('remind-days')).fill('0');
  await health.locator(tid('remind-days')).press('Tab');
  await page.locator('.plan-link', { hasText: 'Phường Sao Lưu' }).click();
  await page.locator(tid('plan-superior')).fill('UBND Thành phố (đã sửa)');
  await backToWorkbook(page);
  await page.locator(tid('storage-health')).locator('summary').click();
  await expect(page.locator(tid('backup-row'))).toHaveAttribute('data-due', 'true');
  await expect(page.locator(tid('backup-row'))).toContainText('xuất lần cuối 23/11/2026');

  // Kept across a reload.
  await reloadApp(page);
  await page.locator(tid('storage-health')).locator('summary').click();
  await expect(page.locator(tid('remind-days'))).toHaveValue('0');
  await expect(page.locator(tid('backup-row'))).toContainText('xuất lần cuối 23/11/2026');
});
