// Undo and redo (issue 5): every edit is a step (typing in one field is one step; moving to
// another control starts the next), with the header's buttons and the keyboard (Ctrl+Z,
// Ctrl+Y, Ctrl+Shift+Z), at least 50 steps, kept across reloads of the tab.
import { test, expect, tid, openApp, reloadApp, createPlan, savedToStorage } from './helpers.mjs';

const details = (page) => page.locator(tid('plan-details'));
const field = (page, id) => details(page).locator(tid(id));

/** Types a value into a plan field, then moves on (Tab), which ends the step. */
async function type(page, id, value) {
  await field(page, id).fill(value);
  await field(page, id).press('Tab');
}

/** Presses a shortcut with the focus outside any text field. */
async function shortcut(page, keys) {
  await page.locator(tid('plan-title')).click();
  await page.keyboard.press(keys);
}

test('undo and redo a sequence of edits with the buttons and the keyboard, across a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.locator(tid('undo'))).toBeDisabled();
  await createPlan(page, { unit: 'Phường Bình Tân', number: '01/KH-UBND' });
  await type(page, 'plan-unit', 'Phường Một');
  await type(page, 'plan-number', '02/KH-UBND');
  await type(page, 'plan-superior', 'UBND tỉnh Đồng Nai');
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Một');

  // The buttons: the last edit first.
  await page.locator(tid('undo')).click();
  await expect(field(page, 'plan-superior')).toHaveValue('UBND Thành phố Hồ Chí Minh');
  await page.locator(tid('undo')).click();
  await expect(field(page, 'plan-number')).toHaveValue('01/KH-UBND');
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Một');
  await page.locator(tid('redo')).click();
  await expect(field(page, 'plan-number')).toHaveValue('02/KH-UBND');

  // The keyboard.
  await shortcut(page, 'Control+z');
  await expect(field(page, 'plan-number')).toHaveValue('01/KH-UBND');
  await shortcut(page, 'Control+z');
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Bình Tân');
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Bình Tân');
  await shortcut(page, 'Control+y');
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Một');
  await shortcut(page, 'Control+Shift+z');
  await expect(field(page, 'plan-number')).toHaveValue('02/KH-UBND');
  await expect(page.locator(tid('redo'))).toBeEnabled();

  // Undone and redone states are saved like any edit, and the history survives a reload.
  await reloadApp(page);
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Một');
  await expect(field(page, 'plan-number')).toHaveValue('02/KH-UBND');
  await expect(field(page, 'plan-superior')).toHaveValue('UBND Thành phố Hồ Chí Minh');
  await expect(page.locator(tid('redo'))).toBeEnabled();
  await page.locator(tid('redo')).click();
  await expect(field(page, 'plan-superior')).toHaveValue('UBND tỉnh Đồng Nai');
  await page.locator(tid('undo')).click();
  await page.locator(tid('undo')).click();
  await page.locator(tid('undo')).click();
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Bình Tân');

  // Undoing the plan's making takes it away, and back to the workbook; redo brings it back.
  await page.locator(tid('undo')).click();
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  await page.locator(tid('redo')).click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  await savedToStorage(page);
});

test('a deleted plan comes back with undo', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Xã Hà Hưng' });
  page.on('dialog', (d) => d.accept());
  await page.locator(tid('delete-plan')).click();
  await expect(page.locator(tid('empty-workbook'))).toBeVisible();
  await page.locator(tid('undo')).click();
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  await expect(page.locator(tid('plan-row'))).toContainText('Xã Hà Hưng');
  await reloadApp(page);
  await expect(page.locator(tid('plan-row'))).toContainText('Xã Hà Hưng');
});

test('fifty steps back, after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createPlan(page, { number: 'start' });
  for (let i = 0; i < 55; i++) {
    await type(page, 'plan-number', `${i}/KH`);
  }
  await reloadApp(page);
  await expect(field(page, 'plan-number')).toHaveValue('54/KH');
  for (let i = 0; i < 50; i++) {
    await shortcut(page, 'Control+z');
    await expect(field(page, 'plan-number')).toHaveValue(`${53 - i}/KH`);
  }
  await expect(field(page, 'plan-number')).toHaveValue('4/KH');
  await reloadApp(page);
  await expect(field(page, 'plan-number')).toHaveValue('4/KH');
});
