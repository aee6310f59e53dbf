// "Gauges update while typing, with no save button": typed key by key (not pasted), the gauge
// follows every keystroke, and the input being typed in keeps the focus and every character.
import {
  test, expect, tid, openApp, createPlan, addTarget, setRule, setThreshold, recordEntry,
  openEditor, openProgress, expectStatus,
} from './helpers.mjs';

test('typing progress key by key previews the gauge at each step and keeps the focus', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  const card = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ đúng hạn trên 90%' });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  const form = await openProgress(card);
  const num = form.locator(tid('entry-numerator'));
  const den = form.locator(tid('entry-denominator'));
  await den.click();
  await den.pressSequentially('100', { delay: 20 });
  await num.click();
  await num.pressSequentially('9', { delay: 20 });
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  await expect(card.locator(tid('target-value'))).toHaveText('9,00% (9/100)');
  await expectStatus(card, 'not-met');
  await num.pressSequentially('5', { delay: 20 });
  await expect(card.locator(tid('target-value'))).toHaveText('95,00% (95/100)');
  await expectStatus(card, 'met');
  await expect(num).toBeFocused();
  await expect(num).toHaveValue('95');
  // A numerator above the denominator shows its problem next to the input, and no preview.
  await num.pressSequentially('0', { delay: 20 });
  await expect(form.locator('.field-error')).toHaveText('Tử số không được lớn hơn mẫu số.');
  await expect(card.locator(tid('preview-tag'))).toHaveCount(0);
  await expectStatus(card, 'no-data');
  await num.press('Backspace');
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  // Enter records the entry.
  await num.press('Enter');
  await expect(form).toBeHidden();
  await expectStatus(card, 'met');
  await expect(card.locator(tid('show-history'))).toHaveText('Lịch sử (1)');
});

// Regression test: before 132da8f the plan page rebuilt a whole reform-area section whenever
// its scorecard changed, so a keystroke that flipped a status re-created (or closed) the editor:
// the focus and the following keystrokes were lost and "80" silently became "trên 8%".
test('typing a threshold key by key keeps the focus and every digit when the status flips', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  const first = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ đúng hạn trên 90%' });
  await setRule(first, 'above');
  await setThreshold(first, 'threshold', '90');
  await recordEntry(first, { numerator: '85', denominator: '100' });
  await expectStatus(first, 'not-met');
  // A second target in the same area, so the first is no longer "the one just added".
  const second = await addTarget(page, { kind: 'ratio', label: 'Chỉ tiêu khác' });

  const editor = await openEditor(first);
  const threshold = editor.locator(tid('threshold'));
  await threshold.click();
  await threshold.press('Control+a');
  await threshold.pressSequentially('80', { delay: 30 });
  await expect(first.locator(tid('target-editor'))).toBeVisible({ timeout: 2_000 });
  await expect(threshold).toHaveValue('80', { timeout: 2_000 });
  await expect(threshold).toBeFocused({ timeout: 2_000 });
  await expect(first.locator(tid('target-rule'))).toContainText('trên 80%', { timeout: 2_000 });
  await expectStatus(first, 'met');

  // The same for the target just added, whose editor is open since it was created.
  await recordEntry(second, { numerator: '85', denominator: '100' });
  await expectStatus(second, 'not-met'); // the default rule is "tối thiểu 90%"
  const editor2 = await openEditor(second);
  const threshold2 = editor2.locator(tid('threshold'));
  await threshold2.click();
  await threshold2.press('Control+a');
  await threshold2.pressSequentially('80', { delay: 30 });
  await expect(threshold2).toHaveValue('80', { timeout: 2_000 });
  await expect(threshold2).toBeFocused({ timeout: 2_000 });
  await expect(second.locator(tid('target-rule'))).toContainText('tối thiểu 80%', { timeout: 2_000 });
  await expectStatus(second, 'met');
  await expect(page.locator(tid('summary-headline'))).toHaveText('2/2 chỉ tiêu đạt');
});
