// The whole plan filled with the keyboard alone (issue 6): Tab and Shift+Tab move between
// controls, arrows choose in a list, Enter submits a form or presses a button, Space ticks.
// No click, no `fill`: every character is typed.
import { test, expect, tid, openApp, reloadApp, expectStatus } from './helpers.mjs';

/** Presses Tab (or Shift+Tab) until the control with `testid` has the focus. */
async function tabTo(page, testid, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    const current = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (current === testid) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${testid} cannot be reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Moves to a text field, clears it and types. */
async function typeInto(page, testid, text) {
  await tabTo(page, testid);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** Moves to a list and picks the option whose label contains `label`, with the arrow keys. */
async function choose(page, testid, label) {
  await tabTo(page, testid);
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i++) {
    const text = await page.evaluate(() => {
      const s = document.activeElement;
      return s && s.tagName === 'SELECT' ? s.options[s.selectedIndex]?.text ?? '' : '';
    });
    if (text.includes(label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${label} in ${testid}`);
}

test('a plan created and filled with the keyboard alone', async ({ page }) => {
  await openApp(page);
  await tabTo(page, 'new-plan');
  await page.keyboard.press('Enter');
  await typeInto(page, 'new-plan-unit', 'Phường Bình Tân');
  await choose(page, 'new-plan-level', 'Phường');
  await typeInto(page, 'new-plan-superior', 'UBND Thành phố Hồ Chí Minh');
  await typeInto(page, 'new-plan-year', '2026');
  await typeInto(page, 'new-plan-number', '01/KH-UBND');
  await typeInto(page, 'new-plan-date', '15/01/2026');
  // Enter in a field of the form creates the plan.
  await page.keyboard.press('Enter');
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText('Phường Bình Tân');

  // A target: area and kind chosen with the arrows, added with Enter.
  await choose(page, 'add-target-area', 'thủ tục hành chính');
  await choose(page, 'add-target-kind', 'Tỷ lệ');
  await tabTo(page, 'add-target-submit');
  await page.keyboard.press('Enter');
  const card = page.locator(tid('target-card')).first();
  await expect(card.locator(tid('target-editor'))).toBeVisible();
  await typeInto(page, 'target-label-input', 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 90%');
  await choose(page, 'rule', 'Trên (');
  await typeInto(page, 'threshold', '90');
  await expect(card.locator(tid('target-rule'))).toContainText('trên 90%');

  // Progress: the form opens with Enter and records with Enter.
  await tabTo(page, 'record-progress');
  await page.keyboard.press('Enter');
  await typeInto(page, 'entry-numerator', '9.156');
  await typeInto(page, 'entry-denominator', '10.000');
  await page.keyboard.press('Enter');
  await expect(card.locator(tid('progress-form'))).toBeHidden();
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toContainText('91,56%');

  // Undo with the keyboard, outside a text field, then redo.
  await tabTo(page, 'record-progress', { back: true });
  await page.keyboard.press('Control+z');
  await expectStatus(card, 'no-data');
  await page.keyboard.press('Control+y');
  await expectStatus(page.locator(tid('target-card')).first(), 'met');

  await reloadApp(page);
  await expectStatus(page.locator(tid('target-card')).first(), 'met');
});
