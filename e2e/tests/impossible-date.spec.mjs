// An impossible issue date (30/02/2019, the seed article's own) is refused with a message that
// names it, never moved to a nearby day: not when creating a plan, not when editing one.
import {
  test, expect, tid, openApp, reloadApp, createPlan, storageSnapshot,
} from './helpers.mjs';

const MESSAGE = 'Ngày 30/02/2019 không có thật: tháng 02/2019 chỉ có 28 ngày.';

test('a new plan dated 30/02/2019 is refused with a clear message and not created', async ({ page }) => {
  await openApp(page);
  await page.locator(tid('new-plan')).click();
  const form = page.locator(tid('new-plan-form'));
  await form.locator(tid('new-plan-unit')).fill('Quận 2');
  await form.locator(tid('new-plan-level')).selectOption('legacy_district');
  await form.locator(tid('new-plan-superior')).fill('UBND Thành phố Hồ Chí Minh');
  await form.locator(tid('new-plan-year')).fill('2019');
  await form.locator(tid('new-plan-number')).fill('39/KH-UBND-NV');
  await form.locator(tid('new-plan-date')).fill('30/02/2019');

  // Shown as soon as the full date is typed …
  const error = form.locator(tid('new-plan-date-error'));
  await expect(error).toBeVisible();
  await expect(error).toContainText('30/02/2019');
  await expect(error).toContainText('28 ngày');
  await expect(error).toHaveText(MESSAGE);

  // … and submitting does not create the plan.
  await form.locator(tid('new-plan-submit')).click();
  await expect(form).toBeVisible();
  await expect(error).toHaveText(MESSAGE);
  await expect(page.locator(tid('plan-page'))).toHaveCount(0);
  await form.getByRole('button', { name: /^Hu[ỷủ]$/ }).click();
  await expect(form).toHaveCount(0);
  await expect(page.locator(tid('plan-row'))).toHaveCount(0);
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  const stored = await storageSnapshot(page);
  expect(Object.keys(stored).filter((k) => k.startsWith('indexeddb:plans/'))).toEqual([]);

  // After a reload too.
  await reloadApp(page);
  await expect(page.locator(tid('plan-row'))).toHaveCount(0);
});

test('correcting the date to a real day creates the plan with that day', async ({ page }) => {
  await openApp(page);
  await page.locator(tid('new-plan')).click();
  const form = page.locator(tid('new-plan-form'));
  await form.locator(tid('new-plan-unit')).fill('Quận 2');
  await form.locator(tid('new-plan-level')).selectOption('legacy_district');
  await form.locator(tid('new-plan-year')).fill('2019');
  await form.locator(tid('new-plan-date')).fill('30/02/2019');
  await expect(form.locator(tid('new-plan-date-error'))).toBeVisible();
  await form.locator(tid('new-plan-date')).fill('18/02/2019');
  await expect(form.locator(tid('new-plan-date-error'))).toHaveCount(0);
  await form.locator(tid('new-plan-submit')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-date'))).toHaveValue('18/02/2019');
});

test('typing 30/02/2019 in the plan details shows the message and keeps the stored date', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { date: '15/01/2026' });
  const before = await storageSnapshot(page);

  const date = page.locator(tid('plan-date'));
  await expect(date).toHaveValue('15/01/2026');
  await date.fill('30/02/2019');
  const error = page.locator(tid('plan-date-error'));
  await expect(error).toBeVisible();
  await expect(error).toContainText('30/02/2019');
  await expect(error).toContainText('28 ngày');
  await expect(error).toHaveText(MESSAGE);
  // Nothing was written: the stored plan is byte for byte the same.
  expect(await storageSnapshot(page)).toEqual(before);

  // A reload shows the previous, real date.
  await reloadApp(page);
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-date'))).toHaveValue('15/01/2026');
  await expect(page.locator(tid('plan-date-error'))).toHaveCount(0);
  await page.locator('a.brand').click();
  await expect(page.locator(tid('plan-row'))).toContainText('01/KH-UBND · 15/01/2026');
});
