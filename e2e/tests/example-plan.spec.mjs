// The one-click example: the 2019 district plan (seed 000) with the Bình Tân 2019 results
// (seed 002) as progress. Figures and statuses are those crates/domain/tests/seed_cases.rs
// expects (4 met, 0 not met, 11 gauged targets of 12; PAR Index waiting for last year's index).
import {
  test, expect, tid, openApp, reloadApp, loadExample, cardByLabel, expectStatus, statusOf,
} from './helpers.mjs';

test('load the example plan and see its summary, figures and statuses', async ({ page }) => {
  await openApp(page);
  await loadExample(page);
  await expect(page.locator(tid('notice-info'))).toContainText('Đã mở kế hoạch mẫu');

  await expect(page.locator(tid('plan-title'))).toContainText('Quận 2');
  await expect(page.locator(tid('plan-title'))).toContainText('2019');
  const headline = page.locator(tid('summary-headline'));
  await expect(headline).toHaveText(/^\d+\/\d+ chỉ tiêu đạt$/);
  await expect(headline).toHaveText('4/11 chỉ tiêu đạt');
  await expect(page.locator(tid('target-card'))).toHaveCount(12);
  await expect(page.locator(`${tid('target-card')}[data-status="met"]`)).toHaveCount(4);
  await expect(page.locator(`${tid('target-card')}[data-status="not-met"]`)).toHaveCount(0);
  await expect(page.locator(`${tid('target-card')}[data-status="tracked"]`)).toHaveCount(1);
  await expect(page.locator(`${tid('target-card')}[data-status="invalid"]`)).toHaveCount(0);
  await expect(page.locator(tid('plan-problems'))).toHaveCount(0);
  // Four reform areas, each with its own score.
  await expect(page.locator(tid('area'))).toHaveCount(4);

  // The plan's date: the article's 30/02/2019 does not exist, so it is left empty and explained.
  await expect(page.locator(tid('plan-number'))).toHaveValue('39/KH-UBND-NV');
  await expect(page.locator(tid('plan-date'))).toHaveValue('');
  const note = page.locator(tid('date-note'));
  await expect(note).toContainText('30/02/2019');
  await expect(note).toContainText('28');

  // The household-business target shows the article's figures, Vietnamese style.
  const household = cardByLabel(page, 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh');
  await expectStatus(household, 'met');
  await expect(household.locator(tid('target-value'))).toHaveText('53,58% (9.156/17.087)');
  // Its two sub-targets say whose they are.
  await expect(page.locator('.target-parent', { hasText: 'Chỉ tiêu con của' })).toHaveCount(2);

  // Level 4: 3.518/4.118 = 85,43%, with a mid-year entry before the year-end one.
  const level4 = cardByLabel(page, 'Đạt từ 30% hồ sơ');
  await expectStatus(level4, 'met');
  await expect(level4.locator(tid('target-value'))).toHaveText('85,43% (3.518/4.118)');
  await expect(level4.locator(tid('show-history'))).toHaveText('Lịch sử (2)');

  // Satisfaction 98,97% against "trên 80%".
  const satisfaction = cardByLabel(page, 'Đạt trên 80% ý kiến hài lòng');
  await expectStatus(satisfaction, 'met');
  await expect(satisfaction.locator(tid('target-value'))).toHaveText('98,97%');
  await expect(satisfaction.locator(tid('target-margin'))).toContainText('+18,97');

  // PAR Index "higher than last year": last year's index is not known, so it waits.
  const par = cardByLabel(page, 'Phấn đấu Chỉ số Cải cách hành chính (PAR Index)');
  await expectStatus(par, 'waiting');
  await expect(statusOf(par)).toHaveAttribute('data-status', 'waiting');
  await expect(statusOf(par)).toContainText('Chờ số liệu');

  // The per-field target lists its fields, each with its figures, and the weakest field.
  const perField = cardByLabel(page, 'Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực');
  await expectStatus(perField, 'met');
  await expect(perField.locator(tid('target-rule'))).toContainText('từng lĩnh vực đều đạt');
  const fields = perField.locator(`${tid('field-results')} li`);
  expect(await fields.count()).toBeGreaterThanOrEqual(6);
  await expect(fields.filter({ hasText: 'Hộ tịch' })).toHaveCount(1);
  for (const li of await fields.all()) {
    await expect(li).toHaveAttribute('data-status', 'met');
    await expect(li).toContainText('100,00%');
  }
  await expect(perField.locator('.condition-title')).toContainText('Lĩnh vực thấp nhất');

  // The free-text target is tracked, not gauged.
  await expect(page.locator(`${tid('target-card')}[data-status="tracked"] ${tid('status')}`)).toContainText('Theo dõi');

  // Every gauged target draws a gauge.
  expect(await page.locator(tid('gauge')).count()).toBeGreaterThanOrEqual(10);

  // English, then back to Vietnamese.
  await page.locator(tid('lang-en')).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(headline).toHaveText('4/11 targets met');
  await expect(statusOf(par)).toContainText('Waiting for the figure');
  await expect(statusOf(household)).toContainText('Met');
  await expect(page.locator(tid('export-plan'))).not.toContainText('Xuất');
  await expect(page.locator(tid('date-note'))).toContainText('Note on the issue date');

  await page.locator(tid('lang-vi')).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(headline).toHaveText('4/11 chỉ tiêu đạt');
  await expect(statusOf(par)).toContainText('Chờ số liệu');

  // The example is kept like any plan, and the language choice is remembered.
  await page.locator(tid('lang-en')).click();
  await reloadApp(page);
  await expect(headline).toHaveText('4/11 targets met');
  await page.locator(tid('lang-vi')).click();
  await page.locator('a.brand').click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  await expect(page.locator(tid('row-result'))).toHaveText('4/11 chỉ tiêu đạt');
});
