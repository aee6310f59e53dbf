// Copying a plan to the next year (issue 6): the same targets with the same ids, no figures,
// the year moved on in wordings, and the new plan kept beside the old one.
import { test, expect, tid, openApp, loadExample, reloadApp, cardByLabel } from './helpers.mjs';

const targetIds = (page) =>
  page.locator(tid('target-card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));

test('copy the 2019 example plan to 2020', async ({ page }) => {
  await openApp(page);
  await loadExample(page);
  const ids2019 = await targetIds(page);
  await expect(page.locator(tid('copy-next-year'))).toHaveText('Sao chép sang năm 2020');
  await page.locator(tid('copy-next-year')).click();

  await expect(page.locator(tid('plan-title'))).toContainText('2020');
  await expect(page.locator(tid('notice-success')).last()).toContainText('Đã tạo kế hoạch năm 2020 từ kế hoạch năm 2019');
  expect(await targetIds(page)).toEqual(ids2019);
  // No figures yet: nothing is met, nothing recorded.
  await expect(page.locator(tid('summary-headline'))).toContainText('0/');
  await expect(page.locator(tid('show-history')).first()).toHaveText('Lịch sử (0)');
  await expect(cardByLabel(page, 'PAR Index')).toContainText('năm 2020 cao hơn năm 2019');
  await expect(page.locator(`${tid('plan-details')} ${tid('plan-number')}`)).toHaveValue('');

  await reloadApp(page);
  await page.locator('a.brand').click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(2);
  // Undo takes the copy away again.
  await page.locator(tid('undo')).click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
});
