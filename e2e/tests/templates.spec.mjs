// Plan templates (docs/templates.md): a plan started from the commune template has its 31
// targets grouped by reform area, with the suggested thresholds marked «gợi ý»; a plan saved
// as a template for the subordinate units, imported in a fresh browser, starts a plan with the
// same target ids; a unit's plan is not taken as a template.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  test, expect, tid, openApp, reloadApp, freshPage, cardById, setThreshold, recordEntry,
  addTarget, FIXTURES,
} from './helpers.mjs';

const AREAS = [
  ['direction', 7],
  ['institutions', 2],
  ['procedures', 12],
  ['apparatus', 2],
  ['civil_service', 2],
  ['public_finance', 2],
  ['digital_government', 3],
  ['impact', 1],
];
const MARK = 'gợi ý — sửa theo kế hoạch của tỉnh';

/** Fills the new-plan form, chooses a template (by option value or label) and creates the plan. */
async function createFromTemplate(page, { unit, level = 'commune', superior = '', year = '2026', template }) {
  await page.locator(tid('new-plan')).click();
  const form = page.locator(tid('new-plan-form'));
  await expect(form).toBeVisible();
  await form.locator(tid('new-plan-unit')).fill(unit);
  await form.locator(tid('new-plan-level')).selectOption(level);
  if (superior) await form.locator(tid('new-plan-superior')).fill(superior);
  await form.locator(tid('new-plan-year')).fill(year);
  await form.locator(tid('new-plan-template')).selectOption(template);
  await form.locator(tid('new-plan-submit')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText(unit);
}

const cardIds = (page) =>
  page.locator(tid('target-card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));

test('a plan from the commune template: 31 targets grouped by area, suggested thresholds marked', async ({ page }) => {
  await openApp(page);
  await createFromTemplate(page, { unit: 'Xã Mường Bú', template: 'xa-2026' });

  await expect(page.locator(tid('target-card'))).toHaveCount(31);
  const areas = page.locator(tid('area'));
  await expect(areas).toHaveCount(AREAS.length);
  for (const [i, [area, count]] of AREAS.entries()) {
    await expect(areas.nth(i)).toHaveAttribute('data-area', area);
    await expect(areas.nth(i).locator(tid('target-card'))).toHaveCount(count);
  }
  const ids = await cardIds(page);
  expect(ids).toEqual(Array.from({ length: 31 }, (_, i) => `xa-2026/t${String(i + 1).padStart(2, '0')}`));

  // The thresholds the template only suggests carry the mark, in words, beside the rule.
  const marks = page.locator(tid('suggested-mark'));
  await expect(marks).toHaveCount(14);
  await expect(marks.first()).toHaveText(MARK);
  const t01 = cardById(page, 'xa-2026/t01');
  await expect(t01.locator(tid('target-rule'))).toContainText('31/01/2026');
  await expect(t01.locator(tid('suggested-mark'))).toBeVisible();
  const t10 = cardById(page, 'xa-2026/t10');
  await expect(t10.locator(tid('target-rule'))).toContainText('từng lĩnh vực đều đạt');
  await expect(t10.locator(tid('suggested-mark'))).toHaveCount(0);

  // «Giữ ngưỡng này» keeps the figure as the plan's own; typing a threshold does too.
  await t01.locator(tid('keep-suggested')).click();
  await expect(t01.locator(tid('suggested-mark'))).toHaveCount(0);
  const t13 = cardById(page, 'xa-2026/t13');
  await setThreshold(t13, 'threshold', '60');
  await expect(t13.locator(tid('target-rule'))).toContainText('60%');
  await expect(t13.locator(tid('suggested-mark'))).toHaveCount(0);
  await expect(marks).toHaveCount(12);

  await reloadApp(page);
  await expect(page.locator(tid('target-card'))).toHaveCount(31);
  await expect(page.locator(tid('suggested-mark'))).toHaveCount(12);
});

test('a plan saved as a template starts a subordinate plan in a fresh browser with the same target ids', async ({ page, browser, pageErrors }) => {
  await openApp(page);
  await createFromTemplate(page, { unit: 'UBND tỉnh Sơn La', level: 'province', template: 'xa-2026' });
  // The province adds a target of its own and records some progress of its own year.
  await addTarget(page, { kind: 'ratio', area: 'procedures', label: 'Tỷ lệ hồ sơ thanh toán phí trực tuyến' });
  await recordEntry(cardById(page, 'xa-2026/t13'), { numerator: '120', denominator: '200' });
  const ids = await cardIds(page);
  expect(ids).toHaveLength(32);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('save-template')).click(),
  ]);
  const name = download.suggestedFilename();
  expect(name).toBe('mau-chi-tieu_ubnd-tinh-son-la-2026_v1.json');
  await expect(page.locator(tid('notice-success'))).toContainText(`«${name}»`);
  const file = await download.path();
  const doc = JSON.parse(await readFile(file, 'utf8'));
  expect(doc.format).toBe('cchc-workbook/plan');
  expect(doc.plan.template).toEqual({
    id: 'ubnd-tinh-son-la-2026',
    version: 1,
    name: 'Mẫu chỉ tiêu của UBND tỉnh Sơn La năm 2026',
  });
  expect(doc.plan.unit.name).toBe('');
  expect(doc.plan.unit.superior.name).toBe('UBND tỉnh Sơn La');
  // The file lists the targets in plan order (the page groups them by area).
  expect(doc.plan.targets.map((t) => t.id).sort()).toEqual([...ids].sort());
  expect(doc.plan.targets.every((t) => t.entries.length === 0 && !t.notes)).toBe(true);

  // A fresh browser: the file goes through the normal import, which offers it as a template.
  const { page: other } = await freshPage(browser, pageErrors);
  await expect(other.locator(tid('empty-workbook'))).toBeVisible();
  await other.locator(tid('import-input')).setInputFiles(file);
  await expect(other.locator(tid('review-finding'))).toHaveText('Tệp mẫu chỉ tiêu');
  await expect(other.locator(tid('review-plan'))).toContainText('Mẫu chỉ tiêu của UBND tỉnh Sơn La năm 2026 (phiên bản 1)');
  await expect(other.locator(tid('review-choice'))).toHaveValue('use-as-template');
  await other.locator(tid('review-apply')).click();
  await expect(other.locator(tid('notice-success'))).toContainText('thư viện mẫu');
  await expect(other.locator(tid('empty-workbook'))).toBeVisible();

  // Kept across a reload, and offered in the new-plan form.
  await reloadApp(other);
  await createFromTemplate(other, {
    unit: 'Xã Chiềng Mung',
    template: { label: 'Mẫu chỉ tiêu của UBND tỉnh Sơn La năm 2026 (phiên bản 1)' },
  });
  expect(await cardIds(other)).toEqual(ids);
  await expect(other.locator(tid('plan-superior'))).toHaveValue('UBND tỉnh Sơn La');
  await expect(cardById(other, 'xa-2026/t13').locator(tid('status'))).toHaveAttribute('data-status', 'no-data');
});

test('a template file and a plan file in one import: the template goes to the library, the plan to the workbook', async ({ page }) => {
  await openApp(page);
  await page.locator(tid('import-input')).setInputFiles([
    path.join(FIXTURES, 'valid', 'plan-v2-template-saved-from-plan.json'),
    path.join(FIXTURES, 'valid', 'plan-v2-base.json'),
  ]);
  const rows = page.locator(tid('review-row'));
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator(tid('review-finding'))).toHaveText('Tệp mẫu chỉ tiêu');
  // A template is never offered as a plan of the workbook.
  const options = await rows.nth(0).locator(`${tid('review-choice')} option`).evaluateAll((els) => els.map((e) => e.value));
  expect(options).toEqual(['use-as-template', 'skip']);
  await expect(rows.nth(1).locator(tid('review-finding'))).toHaveText('Kế hoạch mới');
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('notice-success'))).toContainText('Đã thêm mẫu «Mẫu chỉ tiêu của UBND tỉnh Sơn La năm 2026» vào thư viện mẫu');
  await page.locator('a.brand').click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);

  // A plan of 2027 from it: the ids stay, the deadline and the years of the wording move.
  await createFromTemplate(page, {
    unit: 'Xã Chiềng Mung',
    year: '2027',
    template: 'lib:ubnd-tinh-son-la-2026#3',
  });
  expect(await cardIds(page)).toEqual(['xa-2026/t01', 'xa-2026/t13', 't-8f3a2c', 'xa-2026/t31']);
  await expect(page.locator(tid('plan-superior'))).toHaveValue('UBND tỉnh Sơn La');
  const t01 = cardById(page, 'xa-2026/t01');
  await expect(t01.locator(tid('target-label'))).toContainText('năm 2027');
  await expect(t01.locator(tid('target-rule'))).toContainText('20/01/2027');
  const t31 = cardById(page, 'xa-2026/t31');
  await expect(t31.locator(tid('target-label'))).toContainText('năm 2027 của xã, phường cao hơn năm 2026');
  await expect(t31.locator(tid('suggested-mark'))).toBeVisible();
});
