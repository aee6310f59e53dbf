// Every kind of target the issue lists, defined through the editor the way real plans phrase
// them, with the gauge and status following the figures entered: range (with both choices for
// above the range), reduce to, all items, count per period, higher than last year, milestone,
// compound, free text, per-field breakdown and sub-target.
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, openEditor, setRule,
  setThreshold, openProgress, recordEntry, expectStatus, statusOf, cardById,
} from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Bình Tân', year: '2026', date: '15/01/2026' });
});

test('range "từ 30% đến 40%": inside is met, above is out of range or exceeded as chosen', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'ratio',
    label: 'Đưa tỷ lệ từ 30% đến 40% TTHC được giải quyết trực tuyến mức độ 3, 4',
  });
  await setRule(card, 'range');
  await setThreshold(card, 'threshold-min', '30');
  await setThreshold(card, 'threshold-max', '40');
  await card.locator(tid('above-range')).selectOption('out');
  await expect(card.locator(tid('target-rule'))).toContainText('từ 30% đến 40%');
  await expect(card.locator(tid('target-rule'))).toContainText('vượt trần là không đạt');

  await recordEntry(card, { numerator: '35', denominator: '100' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('35,00% (35/100)');

  await recordEntry(card, { numerator: '41', denominator: '100' });
  await expectStatus(card, 'not-met');
  await expect(statusOf(card)).toContainText('vượt mức trên');

  await recordEntry(card, { numerator: '29', denominator: '100' });
  await expectStatus(card, 'not-met');

  // The same 41% counts as met-and-exceeded when the plan says so.
  await recordEntry(card, { numerator: '41', denominator: '100' });
  await expectStatus(card, 'not-met');
  await openEditor(card);
  await card.locator(tid('above-range')).selectOption('met');
  await expectStatus(card, 'met');
  await expect(statusOf(card)).toContainText('vượt chỉ tiêu');
});

test('reduce to "giảm xuống còn 50% - 52%" on a directly entered value: lower is better', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'value',
    area: 'apparatus',
    label: 'Giảm tỷ lệ hồ sơ giấy xuống còn 50% - 52%',
  });
  await setRule(card, 'reduce_to');
  await setThreshold(card, 'threshold-min', '50');
  await setThreshold(card, 'threshold-max', '52');
  await expect(card.locator(tid('target-rule'))).toContainText('giảm xuống còn 50% – 52%');

  await recordEntry(card, { value: '53' });
  await expectStatus(card, 'not-met');
  await recordEntry(card, { value: '51' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('51%');
});

test('at most and strictly below, on a value in days', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'value',
    label: 'Thời gian giải quyết hồ sơ tối đa 5 ngày',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('value-unit')).selectOption('days');
  await setRule(card, 'at_most');
  await setThreshold(card, 'threshold', '5');
  await expect(card.locator(tid('target-rule'))).toContainText('tối đa 5 ngày');
  await recordEntry(card, { value: '5' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('5 ngày');
  // "dưới 5 ngày" is strict: exactly 5 days does not meet it, 4,5 does.
  await setRule(card, 'below');
  await expect(card.locator(tid('target-rule'))).toContainText('dưới 5 ngày');
  await expectStatus(card, 'not-met');
  await recordEntry(card, { value: '4,5' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('4,5 ngày');
});

test('all items "100%": 119/120 is not met, 120/120 is, shown as x/y', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'ratio',
    label: '100% thủ tục hành chính được công khai đầy đủ',
  });
  await setRule(card, 'all_items');
  await expect(card.locator(tid('threshold'))).toHaveCount(0);
  await expect(card.locator(tid('target-rule'))).toContainText('100% (tất cả)');

  await recordEntry(card, { numerator: '119', denominator: '120' });
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('target-value'))).toHaveText('119/120 (99,17%)');
  await recordEntry(card, { numerator: '120', denominator: '120' });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText('120/120 (100,00%)');
});

test('count per period "ít nhất 2 lần/năm"', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'value',
    area: 'direction',
    label: 'Kiểm tra công tác cải cách hành chính ít nhất 2 lần/năm',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('value-unit')).selectOption('count');
  await editor.locator(tid('count-noun')).fill('lần');
  // "per period" is offered only for counted things.
  await setRule(card, 'per_period');
  await setThreshold(card, 'threshold-min', '2');
  await expect(editor.locator(tid('period'))).toBeVisible();
  await expect(card.locator(tid('target-rule'))).toContainText('ít nhất 2');

  await recordEntry(card, { value: '1' });
  await expectStatus(card, 'not-met');
  await recordEntry(card, { value: '2' });
  await expectStatus(card, 'met');
});

test('higher than last year: waits for last year\'s figure, then compares', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'value',
    area: 'impact',
    label: 'Phấn đấu Chỉ số CCHC (PAR Index) cao hơn năm trước',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('value-unit')).selectOption('points');
  await setRule(card, 'higher_than_previous');
  await expect(editor.locator(tid('threshold-previous'))).toHaveValue('');
  await expectStatus(card, 'waiting');

  await recordEntry(card, { value: '85,5' });
  await expectStatus(card, 'waiting');
  await expect(statusOf(card)).toContainText('Chờ số liệu');

  await setThreshold(card, 'threshold-previous', '84,2');
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-rule'))).toContainText('cao hơn năm trước');

  await setThreshold(card, 'threshold-previous', '85,5');
  await expectStatus(card, 'not-met');
});

test('milestone with a deadline, done on time with the document that proves it', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'milestone',
    area: 'direction',
    label: 'Ban hành Kế hoạch cải cách hành chính năm 2026',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('deadline')).fill('31/01/2026');
  await expect(card.locator(tid('target-rule'))).toContainText('hoàn thành trước 31/01/2026');
  // An impossible deadline is refused with the message, the previous one is kept.
  await editor.locator(tid('deadline')).fill('30/02/2026');
  await expect(editor.locator('.field-error')).toContainText('28 ngày');
  await expect(card.locator(tid('target-rule'))).toContainText('hoàn thành trước 31/01/2026');
  await editor.locator(tid('deadline')).fill('31/01/2026');

  await recordEntry(card, { 'done-on': '15/01/2026', evidence: 'Kế hoạch số 01/KH-UBND ngày 15/01/2026' });
  await expectStatus(card, 'met');
  await expect(statusOf(card)).toContainText('hoàn thành đúng hạn');
  await expect(card.locator(tid('target-value'))).toHaveText('15/01/2026');
  await expect(card.locator(tid('target-gauges'))).toContainText('Kế hoạch số 01/KH-UBND ngày 15/01/2026');

  // Done after the deadline: not met, late.
  await recordEntry(card, { 'done-on': '02/02/2026', evidence: 'Kế hoạch bổ sung' });
  await expectStatus(card, 'not-met');
  await expect(statusOf(card)).toContainText('hoàn thành trễ hạn');
});

test('compound target: met only when both conditions hold', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'compound',
    area: 'impact',
    label: 'Ít nhất 40% hồ sơ được đánh giá, với từ 80% hài lòng',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('condition-label')).nth(0).fill('Hồ sơ được đánh giá');
  await editor.locator(tid('condition-label')).nth(1).fill('Ý kiến hài lòng');
  // The defaults are "at least 40%" and "at least 80%".
  await expect(editor.locator(tid('threshold')).nth(0)).toHaveValue('40');
  await expect(editor.locator(tid('threshold')).nth(1)).toHaveValue('80');
  await expect(card.locator(tid('target-rule'))).toContainText('tối thiểu 40%');
  await expect(card.locator(tid('target-rule'))).toContainText('tối thiểu 80%');

  const form = await openProgress(card);
  await form.locator(tid('entry-first-numerator')).fill('45');
  await form.locator(tid('entry-first-denominator')).fill('100');
  await form.locator(tid('entry-second-numerator')).fill('75');
  await form.locator(tid('entry-second-denominator')).fill('100');
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  await expectStatus(card, 'not-met');
  await expect(card.locator(tid('gauge'))).toHaveCount(2);
  await expect(card.locator(tid('target-value'))).toHaveText(['45,00% (45/100)', '75,00% (75/100)']);
  await expect(card.locator('.condition-title')).toHaveText(['Hồ sơ được đánh giá', 'Ý kiến hài lòng']);
  await form.locator(tid('entry-submit')).click();
  await expectStatus(card, 'not-met');

  await recordEntry(card, {
    'first-numerator': '35', 'first-denominator': '100',
    'second-numerator': '85', 'second-denominator': '100',
  });
  await expectStatus(card, 'not-met');

  await recordEntry(card, {
    'first-numerator': '45', 'first-denominator': '100',
    'second-numerator': '85', 'second-denominator': '100',
  });
  await expectStatus(card, 'met');
  await expect(card.locator(tid('target-value'))).toHaveText(['45,00% (45/100)', '85,00% (85/100)']);
});

test('free-text target is tracked, not gauged, and not counted in the summary', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'free_text',
    area: 'direction',
    label: 'Nâng cao trách nhiệm người đứng đầu trong cải cách hành chính',
  });
  await expectStatus(card, 'tracked');
  await expect(statusOf(card)).toContainText('Theo dõi');
  await expect(card.locator(tid('gauge'))).toHaveCount(0);
  await recordEntry(card, { text: 'Đã tổ chức hội nghị quán triệt ngày 20/02/2026.' });
  await expectStatus(card, 'tracked');
  await expect(card.locator(tid('target-value'))).toHaveText('Đã tổ chức hội nghị quán triệt ngày 20/02/2026.');
  await expect(page.locator(tid('summary-headline'))).toHaveText('0/0 chỉ tiêu đạt');
});

test('per-field breakdown: one field at 89/100 fails "trên 90%" and is named; 0/0 is not applicable', async ({ page }) => {
  const card = await addTarget(page, {
    kind: 'ratio',
    label: 'Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực đều đạt trên 90%',
  });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  const editor = await openEditor(card);
  await editor.locator(tid('by-field')).check();
  const name = editor.locator(tid('new-field-name'));
  for (const field of ['Hộ tịch', 'Đất đai', 'Xây dựng']) {
    await name.fill(field);
    await name.press('Enter');
    await expect(name).toHaveValue('');
  }
  await expect(editor.locator(`${tid('field-list')} li`)).toHaveCount(3);
  await expect(card.locator(tid('target-rule'))).toContainText('từng lĩnh vực đều đạt');

  const form = await openProgress(card);
  const rows = form.locator(tid('entry-field-row'));
  await expect(rows).toHaveCount(3);
  const fill = async (field, n, d) => {
    const row = rows.filter({ hasText: field });
    await row.locator(tid('entry-field-numerator')).fill(n);
    await row.locator(tid('entry-field-denominator')).fill(d);
  };
  await fill('Hộ tịch', '95', '100');
  await fill('Đất đai', '89', '100');
  await fill('Xây dựng', '0', '0');
  await expect(card.locator(tid('preview-tag'))).toBeVisible();
  await form.locator(tid('entry-submit')).click();
  await expect(form).toBeHidden();

  await expectStatus(card, 'not-met');
  const results = card.locator(`${tid('field-results')} li`);
  await expect(results).toHaveCount(3);
  const result = (field) => results.filter({ hasText: field });
  await expect(result('Hộ tịch')).toHaveAttribute('data-status', 'met');
  await expect(result('Đất đai')).toHaveAttribute('data-status', 'not-met');
  await expect(result('Đất đai')).toContainText('89,00% (89/100)');
  await expect(result('Xây dựng')).toHaveAttribute('data-status', 'not-applicable');
  await expect(result('Xây dựng')).toContainText('Không phát sinh');
  await expect(result('Xây dựng')).not.toContainText('%');
  // The gauge shows the weakest field, by name.
  await expect(card.locator('.condition-title')).toHaveText('Lĩnh vực thấp nhất: Đất đai');
  await expect(card.locator(tid('target-value'))).toHaveText('89,00% (89/100)');

  // Every applicable field above 90%: met; the field without dossiers does not fail it.
  await openProgress(card);
  await fill('Hộ tịch', '95', '100');
  await fill('Đất đai', '91', '100');
  await fill('Xây dựng', '0', '0');
  await form.locator(tid('entry-submit')).click();
  await expect(form).toBeHidden();
  await expectStatus(card, 'met');
  await expect(result('Xây dựng')).toHaveAttribute('data-status', 'not-applicable');
  await expect(result('Đất đai')).toHaveAttribute('data-status', 'met');
  await expect(card.locator('.condition-title')).toHaveText('Lĩnh vực thấp nhất: Đất đai');
  await expect(card.locator(tid('target-value'))).toHaveText('91,00% (91/100)');
  await expect(page.locator(tid('summary-headline'))).toHaveText('1/1 chỉ tiêu đạt');
});

test('sub-target ("trong đó") with its own denominator', async ({ page }) => {
  const parent = await addTarget(page, {
    kind: 'ratio',
    label: 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh được nộp trực tuyến',
  });
  const parentId = await parent.getAttribute('data-target-id');
  const child = await addTarget(page, {
    kind: 'ratio',
    label: 'Trong đó, ít nhất 10% hồ sơ được trả kết quả qua bưu chính',
  });
  const childId = await child.getAttribute('data-target-id');
  const editor = await openEditor(child);
  await editor.locator(tid('denominator-meaning')).fill('tổng số hồ sơ đăng ký hộ kinh doanh');
  await editor.locator(tid('target-parent')).selectOption(parentId);
  await expect(cardById(page, childId).locator('.target-parent')).toHaveText(
    'Chỉ tiêu con của: Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh được nộp trực tuyến',
  );
  // The parent is not a sub-target of anything.
  await expect(cardById(page, parentId).locator('.target-parent')).toHaveCount(0);
  // A sub-target cannot be the parent of another target.
  const third = await addTarget(page, { kind: 'ratio', label: 'Chỉ tiêu thứ ba' });
  const options = await (await openEditor(third)).locator(`${tid('target-parent')} option`).evaluateAll(
    (els) => els.map((e) => e.value),
  );
  expect(options).toContain(parentId);
  expect(options).not.toContain(childId);

  await reloadApp(page);
  await expect(cardById(page, childId).locator('.target-parent')).toContainText('Chỉ tiêu con của');
});

test('all kinds side by side: the summary counts met targets of the gauged ones', async ({ page }) => {
  const ratio = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ đúng hạn trên 90%' });
  await setRule(ratio, 'above');
  await setThreshold(ratio, 'threshold', '90');
  await recordEntry(ratio, { numerator: '95', denominator: '100' });
  const value = await addTarget(page, { kind: 'value', area: 'impact', label: 'Hài lòng tối thiểu 80%' });
  await recordEntry(value, { value: '70' });
  const milestone = await addTarget(page, { kind: 'milestone', area: 'direction', label: 'Ban hành kế hoạch' });
  await recordEntry(milestone, { 'done-on': '15/01/2026', evidence: '01/KH-UBND' });
  await addTarget(page, { kind: 'free_text', area: 'other', label: 'Theo dõi chung' });
  await addTarget(page, { kind: 'compound', area: 'impact', label: 'Đánh giá và hài lòng' });

  await expectStatus(ratio, 'met');
  await expectStatus(value, 'not-met');
  await expectStatus(milestone, 'met');
  // 2 met of 4 gauged (the compound has no data, the free text is not gauged).
  await expect(page.locator(tid('summary-headline'))).toHaveText('2/4 chỉ tiêu đạt');
  await expect(page.locator(tid('area'))).toHaveCount(4);
  await expect(page.locator(`${tid('area')}[data-area="impact"] .area-title-score`)).toHaveText('0/2 chỉ tiêu đạt');
  await reloadApp(page);
  await expect(page.locator(tid('summary-headline'))).toHaveText('2/4 chỉ tiêu đạt');
});
