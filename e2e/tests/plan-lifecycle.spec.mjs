// A plan's first complete loop: create it, add a ratio target "trên 90%", record progress
// while the gauge previews live, see the status go from not met to met, reload and find
// everything kept, with both entries in the history.
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, setRule, setThreshold,
  openProgress, recordEntry, expectStatus, statusOf, backToWorkbook, watchErrors,
} from './helpers.mjs';

const LABEL = 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 90%';

test('create a plan, add a ratio target, record progress until it is met, and keep it', async ({ page, pageErrors }) => {
  await openApp(page);
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();

  await createPlan(page, {
    unit: 'Phường Bình Tân',
    level: 'ward',
    superior: 'UBND Thành phố Hồ Chí Minh',
    year: '2026',
    number: '01/KH-UBND',
    date: '15/01/2026',
  });
  await expect(page.locator(tid('plan-title'))).toContainText('2026');
  const details = page.locator(tid('plan-details'));
  await expect(details.locator(tid('plan-unit'))).toHaveValue('Phường Bình Tân');
  await expect(details.locator(tid('plan-number'))).toHaveValue('01/KH-UBND');
  await expect(details.locator(tid('plan-date'))).toHaveValue('15/01/2026');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/0 chỉ tiêu đạt');

  // A ratio target: the editor of the new target opens by itself.
  const card = await addTarget(page, { kind: 'ratio', area: 'procedures', label: LABEL });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  await expect(card.locator(tid('target-rule'))).toContainText('trên 90%');
  await expectStatus(card, 'no-data');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/1 chỉ tiêu đạt');

  // Typing an entry previews it on the gauge at once, with no save button pressed.
  const form = await openProgress(card);
  await form.locator(tid('entry-numerator')).fill('80');
  await expect(card.locator(tid('preview-tag'))).toHaveCount(0); // 80/"" is not a figure yet
  await form.locator(tid('entry-denominator')).fill('100');
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('target-value'))).toHaveText('80,00% (80/100)');
  await expect(card.locator(tid('target-margin'))).toContainText('−10');
  await expect(card.locator(tid('gauge')).first()).toHaveClass(/gauge-preview/);
  // The preview is not saved: the history is still empty.
  await expect(card.locator(tid('show-history'))).toHaveText('Lịch sử (0)');
  await form.locator(tid('entry-submit')).click();
  await expect(form).toBeHidden();
  await expect(card.locator(tid('preview-tag'))).toHaveCount(0);
  await expectStatus(card, 'not-met');
  await expect(statusOf(card)).toContainText('Chưa đạt');
  await expect(card.locator(tid('show-history'))).toHaveText('Lịch sử (1)');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/1 chỉ tiêu đạt');

  // A second entry, with a comment: the latest counts.
  const second = await openProgress(card);
  await second.locator(tid('entry-numerator')).fill('95');
  await second.locator(tid('entry-denominator')).fill('100');
  await second.locator(tid('entry-comment')).fill('Số liệu quý II, Bộ phận Một cửa');
  await second.locator(tid('entry-submit')).click();
  await expect(second).toBeHidden();
  await expectStatus(card, 'met');
  await expect(statusOf(card)).toContainText('Đạt');
  await expect(card.locator(tid('target-value'))).toHaveText('95,00% (95/100)');
  await expect(card.locator(tid('target-margin'))).toContainText('+5');
  await expect(page.locator(tid('summary-headline'))).toHaveText('1/1 chỉ tiêu đạt');

  // Kept in the browser: a reload shows the same plan, status and history.
  await reloadApp(page);
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Bình Tân');
  const kept = page.locator(tid('target-card'));
  await expect(kept).toHaveCount(1);
  await expect(kept.locator(tid('target-label'))).toHaveText(LABEL);
  await expectStatus(kept, 'met');
  await expect(kept.locator(tid('target-value'))).toHaveText('95,00% (95/100)');
  await expect(page.locator(tid('summary-headline'))).toHaveText('1/1 chỉ tiêu đạt');
  await kept.locator(tid('show-history')).click();
  const rows = kept.locator(tid('history-row'));
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '95,00% (95/100)' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '80,00% (80/100)' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '95,00% (95/100)' })).toContainText('Số liệu quý II, Bộ phận Một cửa');

  // A closed tab and a new one (same browser profile) show the same workbook.
  const url = page.url();
  const tab = await page.context().newPage();
  watchErrors(tab, pageErrors);
  await page.close();
  await openApp(tab, url);
  await expect(tab.locator(tid('plan-title'))).toContainText('Phường Bình Tân');
  await expectStatus(tab.locator(tid('target-card')), 'met');
  page = tab;

  // The workbook lists the plan with its result.
  await backToWorkbook(page);
  const row = page.locator(tid('plan-row'));
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Phường Bình Tân');
  await expect(row).toContainText('01/KH-UBND · 15/01/2026');
  await expect(row.locator(tid('row-result'))).toHaveText('1/1 chỉ tiêu đạt');
});

test('exactly 90/100 does not meet "trên 90%" (strictly greater), 90,01% does', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  const card = await addTarget(page, { kind: 'ratio', label: LABEL });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');

  const form = await openProgress(card);
  await form.locator(tid('entry-numerator')).fill('90');
  await form.locator(tid('entry-denominator')).fill('100');
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('target-value'))).toHaveText('90,00% (90/100)');
  await form.locator(tid('entry-submit')).click();
  await expectStatus(card, 'not-met');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/1 chỉ tiêu đạt');

  // 89.996 of 100.000 shows as 90,00% but is still below: exact values are compared.
  await recordEntry(card, { numerator: '89.996', denominator: '100.000' });
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('target-value'))).toHaveText('90,00% (89.996/100.000)');

  // Just above is met.
  await recordEntry(card, { numerator: '9.001', denominator: '10.000' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('90,01% (9.001/10.000)');
});

test('the new-plan form refuses a missing unit name, a bad year and the district level after 2025', async ({ page }) => {
  await openApp(page);
  await page.locator(tid('new-plan')).click();
  const form = page.locator(tid('new-plan-form'));
  await form.locator(tid('new-plan-year')).fill('20x6');
  await form.locator(tid('new-plan-submit')).click();
  await expect(form).toContainText('Hãy nhập tên đơn vị.');
  await expect(form).toContainText('Năm kế hoạch phải là số từ 2000 đến 2100.');
  await form.locator(tid('new-plan-unit')).fill('Quận 2');
  await form.locator(tid('new-plan-level')).selectOption('legacy_district');
  await form.locator(tid('new-plan-year')).fill('2026');
  await expect(form).toContainText('Cấp quận/huyện không còn từ 01/7/2025');
  await form.locator(tid('new-plan-submit')).click();
  await expect(page.locator(tid('plan-page'))).toHaveCount(0);
  // The same district for its 2019 plan is fine.
  await form.locator(tid('new-plan-year')).fill('2019');
  await expect(form).not.toContainText('Cấp quận/huyện không còn');
  await form.locator(tid('new-plan-submit')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-level'))).toHaveValue('legacy_district');
});

test('deleting asks first: declined keeps everything, accepted removes the target or the plan', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Bình Tân' });
  const card = await addTarget(page, { kind: 'ratio', label: 'Chỉ tiêu sẽ xoá' });
  await recordEntry(card, { numerator: '95', denominator: '100' });

  // Declined: nothing changes.
  page.once('dialog', (d) => d.dismiss());
  await card.locator(tid('target-editor')).locator(tid('delete-target')).click();
  await expect(page.locator(tid('target-card'))).toHaveCount(1);

  // Accepted: the target and its progress go.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await card.locator(tid('delete-target')).click();
  await expect(page.locator(tid('target-card'))).toHaveCount(0);
  expect(asked).toContain('Xoá chỉ tiêu này');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/0 chỉ tiêu đạt');

  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await page.locator(tid('delete-plan')).click();
  expect(asked).toContain('Xoá kế hoạch này khỏi sổ?');
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  await reloadApp(page);
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  await expect(page.locator(tid('plan-row'))).toHaveCount(0);
});
