// Broken files are refused one at a time: the import report names the file and the problem,
// and the workbook stays exactly as it was (same plans, same stored bytes, also after a
// reload).
// The files are the fixtures of the file-format work (tests/fixtures/invalid/, checked one by
// one in crates/domain/tests/file_format.rs).
import path from 'node:path';
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, setRule, setThreshold,
  recordEntry, backToWorkbook, storageSnapshot, planRowsText, FIXTURES,
} from './helpers.mjs';

const invalid = (name) => path.join(FIXTURES, 'invalid', name);

// [file, what the report must say about the problem]
const BROKEN = [
  // Not JSON at all (a CSV saved as .json): ImportError::NotJson at line 1, column 1.
  ['not-json.json', ['Tệp không phải là JSON hợp lệ', 'dòng 1, cột 1']],
  // Another program's JSON (an Excalidraw drawing): ImportError::NotAPlanFile.
  ['excalidraw.json', ['Đây không phải là tệp kế hoạch của CCHC Workbook', 'chương trình khác']],
  // A plan whose numerator (9.200) is above its denominator (9.156).
  ['numerator-above-denominator.json', ['tử số (9.200) lớn hơn mẫu số (9.156)']],
  // A negative count.
  ['negative-count.json', ['số lượng không thể âm («-3»)']],
  // The impossible issue date 2019-02-30.
  ['impossible-issued-on.json', ['2019-02-30', 'không có trên lịch', 'tháng 02/2019 chỉ có 28 ngày']],
  // An impossible progress-entry date.
  ['impossible-entry-date.json', ['mục tiến độ thứ 1', 'tháng 02/2019 chỉ có 28 ngày']],
  // A range whose minimum exceeds its maximum.
  ['range-min-above-max.json', ['khoảng «từ 40 đến 30» có giá trị đầu lớn hơn giá trị cuối']],
  // A file from a newer version of the app.
  ['newer-version.json', ['phiên bản mới hơn', 'cập nhật']],
  // An empty file.
  ['empty.json', ['Tệp trống']],
];

test('broken files are refused with the file and the problem named, and the workbook is unchanged', async ({ page }) => {
  await openApp(page);
  // A workbook with a plan made by hand (with a target and progress) and one imported plan
  // whose id is the same as the broken files' plan id.
  await createPlan(page, { unit: 'Phường Bình Tân', year: '2026' });
  const card = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ đúng hạn trên 90%' });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  await recordEntry(card, { numerator: '95', denominator: '100' });
  await backToWorkbook(page);
  await page.locator(tid('import-input')).setInputFiles(path.join(FIXTURES, 'valid', 'plan-v1-base.json'));
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('notice-success'))).toBeVisible();
  await backToWorkbook(page);
  await page.locator(tid('notice-success')).getByRole('button', { name: 'Đóng' }).click();

  const rows = page.locator(tid('plan-row'));
  await expect(rows).toHaveCount(2);
  const rowsBefore = await planRowsText(page);
  const storedBefore = await storageSnapshot(page);
  expect(Object.keys(storedBefore).filter((k) => k.startsWith('indexeddb:plans/'))).toHaveLength(2);

  for (const [file, expected] of BROKEN) {
    await test.step(file, async () => {
      await page.locator(tid('import-input')).setInputFiles(invalid(file));
      const row = page.locator(tid('review-row'));
      await expect(row).toHaveCount(1);
      await expect(row.locator(tid('review-file'))).toHaveText(file);
      const problem = row.locator(tid('review-error'));
      for (const words of expected) await expect(problem).toContainText(words);
      await expect(row.locator(tid('review-choice-fixed'))).toHaveText('Bỏ qua');
      // Nothing changed while the report is open, nor after it is closed.
      expect(await storageSnapshot(page)).toEqual(storedBefore);
      await page.locator(tid('review-cancel')).click();
      await expect(page.locator(tid('import-review'))).toHaveCount(0);
      await expect(page.locator(tid('plan-page'))).toHaveCount(0);
      await expect(rows).toHaveCount(2);
      expect(await planRowsText(page)).toEqual(rowsBefore);
      expect(await storageSnapshot(page)).toEqual(storedBefore);
    });
  }

  // After a reload the workbook is the same too.
  await reloadApp(page);
  await expect(rows).toHaveCount(2);
  expect(await planRowsText(page)).toEqual(rowsBefore);
  expect(await storageSnapshot(page)).toEqual(storedBefore);
  await expect(page.locator(tid('notice-error'))).toHaveCount(0);
});

test('a broken file among good ones: only the good one is added', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Xã Định Hưng', level: 'commune', year: '2026' });
  await backToWorkbook(page);
  await page.locator(tid('import-input')).setInputFiles([
    invalid('negative-count.json'),
    path.join(FIXTURES, 'valid', 'plan-v1-minimal.json'),
  ]);
  await expect(page.locator(tid('review-row'))).toHaveCount(2);
  await page.locator(tid('review-apply')).click();
  const notice = page.locator(tid('notice-success'));
  await expect(notice).toContainText('negative-count.json: Không nhập');
  await expect(notice).toContainText('plan-v1-minimal.json: Đã thêm');
  await expect(page.locator(tid('plan-row'))).toHaveCount(2);
  await expect(page.locator(tid('plan-row')).filter({ hasText: 'Xã Định Hưng' })).toHaveCount(1);
});

test('a text file that is not JSON, chosen from the picker, is refused', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  await backToWorkbook(page);
  const before = await storageSnapshot(page);
  await page.locator(tid('import-input')).setInputFiles({
    name: 'bao-cao.json',
    mimeType: 'application/json',
    buffer: Buffer.from('Báo cáo CCHC năm 2026: 8/9 chỉ tiêu đạt\n', 'utf8'),
  });
  await expect(page.locator(tid('review-file'))).toHaveText('bao-cao.json');
  await expect(page.locator(tid('review-error'))).toContainText('Tệp không phải là JSON hợp lệ');
  expect(await storageSnapshot(page)).toEqual(before);
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  // Only the import log changed.
  const after = await storageSnapshot(page);
  delete after['cchc.import-log'];
  expect(after).toEqual(before);
});
