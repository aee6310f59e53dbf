// Consolidation (issue 4): a superior unit imports its 11 wards' plan files, rolls them up,
// reads the matrix and the whole area's figures (ratios as Σ numerators / Σ denominators),
// adjusts it (a cell left out, units expected), exports it as its own plan file, and that
// file imported into a fresh browser shows the same figures. A newer file of one ward
// updates the consolidation and marks what changed.
//
// The files are tests/fixtures/consolidation/*.json; the native test
// crates/domain/tests/consolidation_fixtures.rs pins the same figures.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, tid, openApp, freshPage, dropFiles, reloadApp, FIXTURES } from './helpers.mjs';

const WARDS = path.join(FIXTURES, 'consolidation');
const WARD_FILES = fs.readdirSync(WARDS).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(WARDS, f));
const NEWER = path.join(FIXTURES, 'consolidation-newer', 'ke-hoach-cchc_xa-ha-hung_2026_2026-07-15.json');
const OTHER_TEMPLATE = path.join(FIXTURES, 'consolidation-other-template', 'ke-hoach-cchc_xa-khac-mau_2026_2026-06-30.json');
// The day the tests run on, so that deadlines judge the same way on any day.
const TODAY = new Date('2026-11-23T09:00:00+07:00');

/** Imports files through the file picker and applies the report's default choices. */
async function importFiles(page, files) {
  await page.locator(tid('import-input')).setInputFiles(files);
  await expect(page.locator(tid('import-review'))).toBeVisible();
  await expect(page.locator(tid('review-row'))).toHaveCount(files.length);
  await expect(page.locator(tid('review-apply'))).toBeEnabled();
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('import-review'))).toHaveCount(0);
}

const aggregate = (page, target) => page.locator(`${tid('aggregate-row')}[data-target="${target}"]`);

async function openConsolidation(page) {
  await page.locator(tid('open-consolidation')).click();
  await expect(page.locator(tid('consolidation-page'))).toBeVisible();
}

/** The Vietnamese number in a text (`66,27%` → 66.27). */
const number = (text) => {
  const m = /(\d[\d.]*(?:,\d+)?)/.exec(text);
  return m ? Number(m[1].replaceAll('.', '').replace(',', '.')) : NaN;
};

test('11 ward files consolidated, adjusted, exported, and the export shows the same figures elsewhere', async ({ page, browser, pageErrors }) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await importFiles(page, WARD_FILES);
  await expect(page.locator(tid('plan-row'))).toHaveCount(11);

  await openConsolidation(page);
  await expect(page.locator(tid('consolidation-year'))).toHaveValue('2026');
  await expect(page.locator(tid('plans-chosen-summary'))).toContainText('11/11 kế hoạch được chọn');
  // The consolidating unit is the superior the wards' plans name.
  await expect(page.locator(tid('superior-name'))).toHaveValue('UBND Thành phố Hà Nội');

  // The whole area, by the rule of each kind of target.
  await expect(page.locator(tid('aggregate-row'))).toHaveCount(32);
  await expect(aggregate(page, 'tpl-10').locator(tid('aggregate-value'))).toContainText('99,06% (17.532/17.699)');
  await expect(aggregate(page, 'tpl-10').locator(tid('aggregate-units'))).toHaveText('7/11 đơn vị đạt (63,64%)');
  // Every field of a breakdown, Σ/Σ too.
  await expect(aggregate(page, 'tpl-10').locator(tid('aggregate-value'))).toContainText('Chứng thực: 98,68% (8.750/8.867)');
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('66,27% (12.585/18.991)');
  await expect(aggregate(page, 'tpl-01').locator(tid('aggregate-value'))).toHaveText('8/11 đơn vị đạt (72,73%)');
  await expect(aggregate(page, 'tpl-25').locator(tid('aggregate-value'))).toContainText('18 cuộc');
  await expect(aggregate(page, 'tpl-32').locator(tid('aggregate-value'))).toHaveText('11/11 đơn vị đã báo cáo');
  await expect(page.locator(tid('area-summaries')).locator('li')).not.toHaveCount(0);

  // The matrix, ranked by targets met.
  const rows = page.locator(tid('matrix-row'));
  await expect(rows).toHaveCount(11);
  await expect(rows.first().locator('th')).toContainText('Xã Hà Hưng');
  await expect(rows.first().locator(tid('matrix-met'))).toHaveText('21/28');
  await expect(rows.first().locator(tid('matrix-rank'))).toHaveText('1');
  await expect(rows.first().locator(tid('matrix-cell'))).toHaveCount(32);

  // Ranked by one target: the online-submission rate (tpl-13), highest first.
  const column = Number(await aggregate(page, 'tpl-13').locator('td').first().innerText());
  await page.locator(tid('sort-column')).nth(column - 1).click();
  await expect(page.locator('.matrix-head').nth(column - 1)).toHaveAttribute('aria-sort', 'descending');
  const rates = [];
  for (const row of await rows.all()) {
    const text = await row.locator(tid('matrix-cell')).nth(column - 1).locator('.cell-value').innerText();
    if (text.trim()) rates.push(number(text));
  }
  expect(rates.length).toBeGreaterThan(5);
  expect([...rates].sort((a, b) => b - a)).toEqual(rates);

  // A cell opens the unit's plan; «back» returns to the consolidation.
  const unit = (await rows.first().locator('th').innerText()).split('·')[0].trim();
  await rows.first().locator(tid('matrix-cell')).first().click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText(unit);
  await expect(page.locator(tid('back'))).toHaveText('← Về bảng tổng hợp');
  await page.locator(tid('back')).click();
  await expect(page.locator(tid('consolidation-page'))).toBeVisible();

  // One cell left out of the whole area: the figure changes and the view says so.
  await page.locator(tid('exclude-which')).selectOption({ label: 'Xã Hà Hưng' });
  const tpl10 = await page.locator(`${tid('exclude-into')} option[value="tpl-10"]`).innerText();
  await page.locator(tid('exclude-into')).selectOption({ label: tpl10 });
  await page.locator(tid('exclude-add')).click();
  await expect(page.locator(tid('exclude-list')).locator('li')).toHaveCount(1);
  await expect(aggregate(page, 'tpl-10')).toContainText('1 ô không tính: Xã Hà Hưng');
  await expect(aggregate(page, 'tpl-10').locator(tid('aggregate-value'))).not.toContainText('17.532/17.699');
  await expect(page.locator('.cell-excluded')).toHaveCount(1);
  await expect(page.locator('.cell-excluded')).toContainText('không tính');
  // Counted again.
  await page.locator(tid('exclude-undo')).click();
  await expect(aggregate(page, 'tpl-10').locator(tid('aggregate-value'))).toContainText('99,06% (17.532/17.699)');

  // Units expected: one that sent no plan is missing.
  await page.locator(tid('expected-units')).fill('19367; Phường Đông Hòa\n99999; Phường Chưa Nộp');
  await page.locator(tid('save-expected')).click();
  await expect(page.locator(tid('missing-units'))).toContainText('Phường Chưa Nộp (99999)');
  await expect(page.locator(tid('missing-units'))).not.toContainText('Đông Hòa');

  // The consolidation survives a reload (kept in storage).
  await reloadApp(page);
  await expect(page.locator(tid('consolidation-page'))).toBeVisible();
  await expect(page.locator(tid('missing-units'))).toContainText('Phường Chưa Nộp');

  // Exported as the superior unit's plan file, with its provenance.
  const download = page.waitForEvent('download');
  await page.locator(tid('export-consolidation')).click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.plan.unit.name).toBe('UBND Thành phố Hà Nội');
  expect(exported.plan.revision).toBe(1);
  expect(exported.plan.sources).toHaveLength(11);
  // Each source names a ward's plan at the revision and content hash of its file.
  const wards = WARD_FILES.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  expect(exported.plan.sources.map((s) => [s.plan, s.revision, s.contentHash]).sort())
    .toEqual(wards.map((w) => [w.plan.id, w.plan.revision, w.contentHash]).sort());
  expect(exported.plan.targets).toHaveLength(32);
  const named = path.join(path.dirname(file), 'consolidated', (await download).suggestedFilename());
  fs.mkdirSync(path.dirname(named), { recursive: true });
  fs.copyFileSync(file, named);

  // A fresh browser (another office) imports it like any plan file and sees the same figures.
  const other = await freshPage(browser, pageErrors);
  await other.page.clock.setFixedTime(TODAY);
  await importFiles(other.page, [named]);
  // One file imported opens its plan.
  await expect(other.page.locator(tid('plan-page'))).toBeVisible();
  await expect(other.page.locator(tid('plan-title'))).toContainText('UBND Thành phố Hà Nội');
  const card = (id) => other.page.locator(`${tid('target-card')}[data-target-id="${id}"]`);
  // A breakdown is judged field by field, each field Σ/Σ over the wards.
  await expect(card('tpl-10')).toContainText('98,68% (8.750/8.867)');
  await expect(card('tpl-10')).toContainText('99,76% (5.079/5.091)');
  await expect(card('tpl-13')).toContainText('66,27% (12.585/18.991)');
  await expect(card('tpl-01')).toContainText('8/11');
  await other.context.close();
});

test('a newer file of one ward updates the consolidation and marks what changed', async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await importFiles(page, WARD_FILES);
  await openConsolidation(page);
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('66,27% (12.585/18.991)');
  await expect(page.locator(tid('consolidation-changes'))).toHaveCount(0);

  // Revision 2 of Xã Hà Hưng, dropped on the consolidation itself: online submissions
  // 710 → 500, and its one late field now on time.
  await dropFiles(page, [NEWER]);
  await expect(page.locator(tid('review-row'))).toHaveCount(1);
  await expect(page.locator(tid('review-finding'))).toContainText('mới hơn');
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('import-review'))).toHaveCount(0);
  await expect(page.locator(tid('consolidation-changes'))).toContainText('Xã Hà Hưng: phiên bản 1 → 2, 2 ô đã đổi');
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('65,16% (12.375/18.991)');
  await expect(page.locator('.cell-changed')).toHaveCount(2);
  await expect(page.locator('tr.row-changed')).toHaveCount(1);

  await page.locator(tid('mark-seen')).click();
  await expect(page.locator(tid('consolidation-changes'))).toHaveCount(0);
  await expect(page.locator('.cell-changed')).toHaveCount(0);
});

test('a ward that used another template is mapped by hand once, and the mapping is kept', async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await importFiles(page, WARD_FILES);
  await openConsolidation(page);
  await expect(page.locator(tid('plans-not-chosen'))).toHaveCount(0);
  // A twelfth ward's file arrives later, dropped on the consolidation: it is offered, not
  // slipped in.
  await dropFiles(page, [OTHER_TEMPLATE]);
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('plans-not-chosen'))).toContainText('1 kế hoạch của năm chưa đưa vào tổng hợp');
  await expect(page.locator(tid('matrix-row'))).toHaveCount(11);
  await page.locator(tid('choose-all-plans')).click();
  await expect(page.locator(tid('plans-not-chosen'))).toHaveCount(0);
  await expect(page.locator(tid('matrix-row'))).toHaveCount(12);
  await expect(page.locator(tid('aggregate-row'))).toHaveCount(33);
  await expect(aggregate(page, 'tpl-13')).toContainText('có ở 11/12 kế hoạch');

  // The lone target of Xã Khác Mẫu is mapped onto the online-submission rate of the others.
  const which = page.locator(tid('map-which'));
  await expect(which.locator('option')).toHaveCount(2);
  await which.selectOption('rieng-truc-tuyen');
  await page.locator(tid('map-into')).selectOption('tpl-13');
  await page.locator(tid('map-add')).click();
  await expect(page.locator(tid('map-list')).locator('li')).toHaveCount(1);
  await expect(page.locator(tid('map-list'))).toContainText('Xã Khác Mẫu: «Tỷ lệ hồ sơ tiếp nhận trực tuyến trên 50% (mẫu riêng của xã)» → «Tỷ lệ hồ sơ nộp trực tuyến');
  await expect(page.locator(tid('aggregate-row'))).toHaveCount(32);
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('66,45% (12.885/19.391)');
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-units'))).toHaveText('9/12 đơn vị đạt (75%)');
  await expect(aggregate(page, 'tpl-13')).toContainText('ghép từ 1 kế hoạch khác mẫu');
  await expect(page.locator(tid('map-nothing'))).toBeVisible();

  // Kept: after a reload the mapping still holds.
  await reloadApp(page);
  await expect(page.locator(tid('consolidation-page'))).toBeVisible();
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('66,45% (12.885/19.391)');
  // And undone.
  await page.locator(tid('map-undo')).click();
  await expect(page.locator(tid('aggregate-row'))).toHaveCount(33);
  await expect(aggregate(page, 'tpl-13').locator(tid('aggregate-value'))).toContainText('66,27% (12.585/18.991)');
});
