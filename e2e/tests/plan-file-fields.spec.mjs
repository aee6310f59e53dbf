// The plan's own facts that travel in its file: unit and superior codes, status, revision, and
// notes. Internal notes stay home unless the officer chooses to send them.
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, openEditor,
} from './helpers.mjs';

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return JSON.parse(await readFile(await d.path(), 'utf8'));
}

test('codes, status and notes are kept, and the revision grows once per round of changes', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Sài Gòn', year: '2026' });
  await expect(page.locator(tid('plan-revision'))).toHaveText('1');
  await page.locator(tid('plan-unit-code')).fill('26734');
  await page.locator(tid('plan-superior-code')).fill('79');
  await page.locator(tid('plan-status')).selectOption('submitted');
  await page.locator(tid('plan-notes-superior')).fill('Số liệu 6 tháng đã đối chiếu với Cổng dịch vụ công.');
  // Still the first round of changes of a new plan.
  await expect(page.locator(tid('plan-revision'))).toHaveText('1');

  const first = await download(page, () => page.locator(tid('export-plan')).click());
  expect(first.plan.revision).toBe(1);
  expect(first.plan.status).toBe('submitted');
  expect(first.plan.unit).toMatchObject({ id: '26734', superior: { id: '79' } });
  expect(first.plan.notes.forSuperior).toContain('đối chiếu');

  // After an export, the next change starts revision 2; more changes stay in it.
  await page.locator(tid('plan-unit')).fill('Phường Sài Gòn (mới)');
  await expect(page.locator(tid('plan-revision'))).toHaveText('2');
  await page.locator(tid('plan-unit')).fill('Phường Sài Gòn');
  await expect(page.locator(tid('plan-revision'))).toHaveText('2');

  await reloadApp(page);
  await expect(page.locator(tid('plan-unit-code'))).toHaveValue('26734');
  await expect(page.locator(tid('plan-status'))).toHaveValue('submitted');
  await expect(page.locator(tid('plan-revision'))).toHaveText('2');
});

test('export asks about internal notes: leave them out, or send them', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Xã Định Hưng', level: 'commune', year: '2026' });
  await page.locator(tid('plan-notes-internal')).fill('Chưa tin số liệu của bộ phận một cửa.');
  const card = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ đúng hạn trên 90%' });
  await openEditor(card);
  await card.locator(tid('target-notes-internal')).fill('Hỏi lại anh Nam.');
  await card.locator(tid('target-notes-superior')).fill('Đã có kế hoạch khắc phục.');

  // Leave them out.
  await page.locator(tid('export-plan')).click();
  const dialog = page.locator(tid('export-dialog'));
  await expect(dialog).toBeVisible();
  const without = await download(page, () => dialog.locator(tid('export-without-internal')).click());
  await expect(dialog).toHaveCount(0);
  expect(without.plan.notes?.internal ?? '').toBe('');
  expect(without.plan.targets[0].notes.internal).toBe('');
  expect(without.plan.targets[0].notes.forSuperior).toBe('Đã có kế hoạch khắc phục.');
  // The notes are still in the workbook.
  await expect(page.locator(tid('plan-notes-internal'))).toHaveValue('Chưa tin số liệu của bộ phận một cửa.');

  // Send them.
  await page.locator(tid('export-plan')).click();
  const withNotes = await download(page, () => dialog.locator(tid('export-with-internal')).click());
  expect(withNotes.plan.notes.internal).toBe('Chưa tin số liệu của bộ phận một cửa.');
  expect(withNotes.plan.targets[0].notes.internal).toBe('Hỏi lại anh Nam.');

  // Cancel exports nothing.
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.locator(tid('export-plan')).click();
  await dialog.locator(tid('export-cancel')).click();
  await expect(dialog).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(downloaded).toBe(false);
});
