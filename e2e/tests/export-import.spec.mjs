// Export a plan as a JSON file with a readable name and a self-describing envelope, import it in
// a fresh browser (empty storage) and find the same plan and gauges; importing it again adds a
// second plan beside the first and overwrites nothing.
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, openApp, reloadApp, createPlan, loadExample, addTarget, setRule,
  setThreshold, recordEntry, freshPage, planPageSnapshot, backToWorkbook, storageSnapshot,
} from './helpers.mjs';

/** Clicks the plan page's export button and returns the file's name, path and text. */
async function exportFromPlanPage(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('export-plan')).click(),
  ]);
  const name = download.suggestedFilename();
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  return { name, file, text };
}

/** Today's date in the browser, as yyyy-mm-dd (the export date in the file name). */
async function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

function checkEnvelope(text) {
  // The envelope comes first, in this order, so a reader (or a person) sees at once what it is.
  expect(text).toMatch(/^\{\n {2}"format": "cchc-workbook\/plan",\n {2}"formatVersion": 2,\n {2}"app": \{/);
  const doc = JSON.parse(text);
  expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'app', 'exportedAt', 'contentHash', 'plan']);
  expect(doc.format).toBe('cchc-workbook/plan');
  expect(doc.formatVersion).toBe(2);
  expect(doc.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(doc.app.name).toBe('CCHC Workbook');
  expect(doc.app.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
  expect(Math.abs(Date.now() - Date.parse(doc.exportedAt))).toBeLessThan(10 * 60_000);
  expect(text.endsWith('\n')).toBe(true);
  return doc;
}

test('export the example plan, import it in a fresh browser, then import it again: identical, nothing changes', async ({ page, browser, pageErrors }) => {
  await openApp(page);
  await loadExample(page);
  const original = await planPageSnapshot(page);
  expect(original.headline).toMatch(/^\d+\/\d+ chỉ tiêu đạt$/);
  expect(original.cards.length).toBeGreaterThan(5);

  const { name, file, text } = await exportFromPlanPage(page);
  const today = await browserToday(page);
  expect(name).toMatch(/^ke-hoach-cchc_.+_\d{4}_\d{4}-\d{2}-\d{2}\.json$/);
  expect(name).toBe(`ke-hoach-cchc_quan-2-vi-du-tu-bai-viet-nam-2019_2019_${today}.json`);
  await expect(page.locator(tid('notice-success'))).toContainText(`«${name}»`);
  const doc = checkEnvelope(text);
  expect(doc.plan.unit.name).toBe('Quận 2 (ví dụ từ bài viết năm 2019)');
  expect(doc.plan.year).toBe(2019);
  expect(doc.plan.reference.number).toBe('39/KH-UBND-NV');
  // The impossible date of the article is not invented: it is written as empty.
  expect(doc.plan.reference.issuedOn ?? null).toBe(null);

  // A fresh browser context: nothing stored, the file is the only way the plan gets there.
  const fresh = await freshPage(browser, pageErrors);
  const other = fresh.page;
  await expect(other.locator(tid('empty-workbook'))).toBeVisible();
  await other.locator(tid('import-input')).setInputFiles(file);
  await expect(other.locator(tid('review-finding'))).toHaveText('Kế hoạch mới');
  await other.locator(tid('review-apply')).click();
  await expect(other.locator(tid('notice-success'))).toContainText('Đã thêm');
  await expect(other.locator(tid('plan-page'))).toBeVisible();
  const imported = await planPageSnapshot(other);
  expect(imported).toEqual(original);

  // Importing the same file again is recognised as identical and changes nothing.
  await backToWorkbook(other);
  await expect(other.locator(tid('plan-row'))).toHaveCount(1);
  const firstStored = await storageSnapshot(other);
  await other.locator(tid('import-input')).setInputFiles(file);
  await expect(other.locator(tid('review-finding'))).toHaveText('Giống hệt bản đang có');
  await other.locator(tid('review-apply')).click();
  await expect(other.locator(tid('notice-success')).last()).toContainText('Giống hệt, không thay đổi');
  const afterSecond = await storageSnapshot(other);
  for (const [key, value] of Object.entries(firstStored)) {
    if (key.startsWith('indexeddb:plans/')) expect(afterSecond[key], `${key} kept as it was`).toBe(value);
  }
  const planKeys = Object.keys(afterSecond).filter((k) => k.startsWith('indexeddb:plans/'));
  expect(planKeys).toHaveLength(1);

  const rows = other.locator(tid('plan-row'));
  await expect(rows).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Quận 2 (ví dụ từ bài viết năm 2019)');
    await expect(row).toContainText('2019');
    await expect(row.locator(tid('row-result'))).toHaveText(original.headline);
  }
  // It survives a reload of the fresh browser.
  await reloadApp(other);
  await expect(other.locator(tid('plan-row'))).toHaveCount(1);
  await fresh.context.close();
});

test('a plan made by hand survives export and import with its figures and statuses', async ({ page, browser, pageErrors }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Sài Gòn', year: '2026', number: '01/KH-UBND', date: '15/01/2026' });
  const ratio = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ trực tuyến trên 90%' });
  await setRule(ratio, 'above');
  await setThreshold(ratio, 'threshold', '90');
  await recordEntry(ratio, { numerator: '9.156', denominator: '17.087' }, { date: '31/03/2026' });
  await recordEntry(ratio, { numerator: '95', denominator: '100' }, { date: '30/06/2026' });
  const value = await addTarget(page, { kind: 'value', area: 'impact', label: 'Mức độ hài lòng trên 80%' });
  await setRule(value, 'above');
  await setThreshold(value, 'threshold', '80');
  await recordEntry(value, { value: '79,5' });
  await expect(page.locator(tid('summary-headline'))).toHaveText('1/2 chỉ tiêu đạt');
  const original = await planPageSnapshot(page);

  const { name, file, text } = await exportFromPlanPage(page);
  expect(name).toMatch(/^ke-hoach-cchc_phuong-sai-gon_2026_\d{4}-\d{2}-\d{2}\.json$/);
  const doc = checkEnvelope(text);
  expect(doc.plan.reference).toMatchObject({ number: '01/KH-UBND', issuedOn: '2026-01-15' });

  const fresh = await freshPage(browser, pageErrors);
  await fresh.page.locator(tid('import-input')).setInputFiles(file);
  await fresh.page.locator(tid('review-apply')).click();
  await expect(fresh.page.locator(tid('plan-page'))).toBeVisible();
  expect(await planPageSnapshot(fresh.page)).toEqual(original);
  await expect(fresh.page.locator(tid('summary-headline'))).toHaveText('1/2 chỉ tiêu đạt');
  await fresh.context.close();
});

test('a plan with problems to fix is not exported, and the user is told what to fix', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  const card = await addTarget(page, { kind: 'ratio', label: 'Từ 40% đến 30% (nhập nhầm)' });
  await setRule(card, 'range');
  await setThreshold(card, 'threshold-min', '40');
  await setThreshold(card, 'threshold-max', '30');
  await expect(page.locator(tid('plan-problems'))).toContainText('giá trị đầu lớn hơn giá trị cuối');
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.locator(tid('export-plan')).click();
  const notice = page.locator(tid('notice-error'));
  await expect(notice).toContainText('Chưa xuất được tệp vì kế hoạch còn chỗ cần sửa:');
  await expect(notice).toContainText('giá trị đầu lớn hơn giá trị cuối');
  await page.waitForTimeout(300);
  expect(downloaded).toBe(false);
  // Fixed, it exports.
  await setThreshold(card, 'threshold-min', '30');
  await setThreshold(card, 'threshold-max', '40');
  await expect(page.locator(tid('plan-problems'))).toHaveCount(0);
  const { name } = await exportFromPlanPage(page);
  expect(name).toMatch(/^ke-hoach-cchc_phuong-binh-tan_2026_\d{4}-\d{2}-\d{2}\.json$/);
});
