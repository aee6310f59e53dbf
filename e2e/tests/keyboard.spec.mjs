// The whole plan filled with the keyboard alone (issue 6): Tab and Shift+Tab move between
// controls, arrows choose in a list, Enter submits a form or presses a button, Space ticks.
// No click, no `fill`: every character is typed.
import { test, expect, tid, openApp, reloadApp, expectStatus } from './helpers.mjs';

/**
 * Presses Tab (or Shift+Tab) until the control with `testid` has the focus; with `within`,
 * the one inside the element matching that selector.
 */
async function tabTo(page, testid, { back = false, max = 80, within } = {}) {
  for (let i = 0; i < max; i++) {
    const there = await page.evaluate(
      ([id, scope]) => {
        const a = document.activeElement;
        if (a?.getAttribute('data-testid') !== id) return false;
        return !scope || !!a.closest(scope);
      },
      [testid, within ?? null],
    );
    if (there) return;
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

test('a plan from the commune template, kept through the year with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(new Date('2026-06-30T09:00:00+07:00'));
  await openApp(page);
  await tabTo(page, 'new-plan');
  await page.keyboard.press('Enter');
  await typeInto(page, 'new-plan-unit', 'Xã Mường Bú');
  await choose(page, 'new-plan-level', 'Xã');
  await typeInto(page, 'new-plan-year', '2026');
  await choose(page, 'new-plan-template', 'Xã, phường 2026');
  await tabTo(page, 'new-plan-submit');
  await page.keyboard.press('Enter');
  await expect(page.locator(tid('plan-title'))).toContainText('Xã Mường Bú');
  await expect(page.locator(tid('target-card'))).toHaveCount(31);

  // A figure for the second target (all tasks on time): 11 of 12 by the six-month review.
  const t02 = '[data-target-id="xa-2026/t02"]';
  await tabTo(page, 'record-progress', { within: t02, max: 200 });
  await page.keyboard.press('Enter');
  await typeInto(page, 'entry-numerator', '11');
  await typeInto(page, 'entry-denominator', '12');
  await page.keyboard.press('Enter');
  const card = page.locator(`${tid('target-card')}${t02}`);
  await expect(card.locator(tid('progress-form'))).toBeHidden();
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('pace'))).toHaveAttribute('data-pace', 'off-track');

  // A task already past its deadline, added with Enter: flagged overdue.
  await tabTo(page, 'task-title', { max: 400 });
  await typeInto(page, 'task-title', 'Rà soát quy chế làm việc của UBND xã');
  await typeInto(page, 'task-department', 'Văn phòng HĐND và UBND');
  await typeInto(page, 'task-deadline', '31/05/2026');
  await page.keyboard.press('Enter');
  const row = page.locator(tid('task-row')).first();
  await expect(row).toHaveAttribute('data-state', 'overdue');
  await expect(row.locator(tid('task-state'))).toContainText('Quá hạn 30 ngày');

  // The six-month review frozen with the keyboard.
  await choose(page, 'snapshot-period', 'Sơ kết 6 tháng');
  await tabTo(page, 'take-snapshot');
  await page.keyboard.press('Enter');
  await expect(page.locator(tid('snapshot'))).toHaveAttribute('data-period', 'six_months');
  await expect(page.locator(tid('snapshot'))).toContainText('đúng tiến độ 0/1');

  // Next year's plan, still with the keyboard: same ids, the overdue task offered again.
  await tabTo(page, 'copy-next-year', { back: true, max: 400 });
  await page.keyboard.press('Enter');
  await expect(page.locator(tid('plan-title'))).toContainText('2027');
  await expect(page.locator(`${tid('target-card')}[data-target-id="xa-2026/t02"]`)).toHaveCount(1);
  await expect(page.locator(tid('snapshot'))).toHaveCount(0);
  await expect(page.locator(tid('task-row-title'))).toHaveText(['Rà soát quy chế làm việc của UBND xã']);
});
