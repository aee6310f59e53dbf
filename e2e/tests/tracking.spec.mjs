// The target tracking panel (issue 6): previous years' results with their chart (the seed's
// online processing 2016–2019: 4,28 → 27,34 → 51,38 → 53,58), refused rows that change
// nothing, kept across a reload and in the file; an index's band and published rank;
// per-report targets that move the pace badge; the pace kind that hides it.
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, openApp, reloadApp, createPlan, loadExample, addTarget, openEditor,
  setRule, setThreshold, recordEntry, cardById, cardByLabel,
} from './helpers.mjs';

const ONLINE = 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh';
const JUNE_30 = new Date('2026-06-30T09:00:00+07:00');

async function openTracking(card) {
  const panel = card.locator(tid('tracking-panel'));
  if (!(await panel.isVisible())) {
    await card.locator(tid('show-tracking')).click();
  }
  await expect(panel).toBeVisible();
  return panel;
}

async function addYear(panel, year, value, { enter = false } = {}) {
  await panel.locator(tid('history-year')).fill(year);
  await panel.locator(tid('history-value')).fill(value);
  if (enter) {
    await panel.locator(tid('history-value')).press('Enter');
  } else {
    await panel.locator(tid('add-history-year')).click();
  }
}

test('previous years: rows and chart, refusals that change nothing, kept on reload and in the file', async ({ page }) => {
  await openApp(page);
  await loadExample(page); // the 2019 plan; this target stands at 53,58% (9.156/17.087)
  const card = cardByLabel(page, ONLINE);
  await expect(card.locator(tid('show-tracking'))).toHaveAttribute('aria-expanded', 'false');
  const panel = await openTracking(card);
  await expect(card.locator(tid('show-tracking'))).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.locator(tid('no-history-years'))).toBeVisible();
  // Before any previous year, the chart shows this year alone.
  await expect(panel.locator(tid('history-chart'))).toHaveAttribute('data-points', '1');

  await addYear(panel, '2016', '4,28');
  await addYear(panel, '2017', '27,34', { enter: true });
  await addYear(panel, '2018', '51,38');
  const rows = panel.locator(tid('history-row'));
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('2016');
  await expect(rows.nth(0)).toContainText('4,28%');
  await expect(rows.nth(2)).toContainText('51,38%');
  await expect(panel.locator(tid('history-year'))).toHaveValue('');
  const chart = panel.locator(tid('history-chart'));
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('data-points', '4');
  await expect(chart).toHaveAttribute(
    'aria-label',
    'Diễn biến qua các năm: 2016: 4,28%; 2017: 27,34%; 2018: 51,38%; 2019 (năm nay, đến nay): 53,58%',
  );
  await expect(chart.locator('circle')).toHaveCount(3);
  await expect(chart.locator('rect.chart-now')).toHaveCount(1);

  // The plan's own year, a later one and a year already there are refused; nothing changes.
  const error = panel.locator(tid('tracking-error'));
  await addYear(panel, '2019', '53,58');
  await expect(error).toHaveText('Năm 2019 không trước năm kế hoạch 2019: chỉ nhập kết quả các năm trước.');
  await addYear(panel, '2017', '30');
  await expect(error).toHaveText('Năm 2017 đã có kết quả; bỏ dòng cũ trước nếu muốn nhập lại.');
  await addYear(panel, '2015', '4.2');
  await expect(error).toContainText('Kết quả: Dấu chấm ngăn cách hàng nghìn');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('27,34%');
  await expect(chart).toHaveAttribute('data-points', '4');
  // The typed text stays for correcting.
  await expect(panel.locator(tid('history-year'))).toHaveValue('2015');

  // Removing a row, then undoing it (an undo draws the page again: the panel is reopened).
  await panel.locator(tid('remove-history-year')).nth(0).click();
  await expect(rows).toHaveCount(2);
  await expect(error).toHaveCount(0);
  await page.locator(tid('undo')).click();
  const undone = await openTracking(card);
  await expect(undone.locator(tid('history-row'))).toHaveCount(3);
  await expect(undone.locator(tid('history-row')).nth(0)).toContainText('2016');

  // Kept across a reload.
  await reloadApp(page);
  const again = await openTracking(cardByLabel(page, ONLINE));
  await expect(again.locator(tid('history-row'))).toHaveCount(3);
  await expect(again.locator(tid('history-chart'))).toHaveAttribute('data-points', '4');

  // And in the exported file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('export-plan')).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  const target = doc.plan.targets.find((t) => t.label.startsWith(ONLINE));
  expect(target.previousYears).toEqual([
    { year: 2016, value: '4.28' },
    { year: 2017, value: '27.34' },
    { year: 2018, value: '51.38' },
  ]);
});

test('an index shows its band and published rank; per-report targets move the pace; a target can be left unpaced', async ({ page }) => {
  await page.clock.setFixedTime(JUNE_30);
  await openApp(page);
  await createPlan(page, { year: '2026', date: '15/01/2026' });

  // An index in points: band from this year's value, rank as published.
  const index = await addTarget(page, {
    kind: 'value',
    area: 'impact',
    label: 'Chỉ số hài lòng của người dân, tổ chức (SIPAS) đạt từ 80 điểm',
  });
  const editor = await openEditor(index);
  await editor.locator(tid('value-unit')).selectOption('points');
  await setRule(index, 'at_least');
  await setThreshold(index, 'threshold', '80');
  await index.locator(tid('edit-target')).click();
  const indexId = await index.getAttribute('data-target-id');
  const indexPanel = await openTracking(cardById(page, indexId));
  await expect(indexPanel.locator(tid('index-band'))).toHaveAttribute('data-band', 'none');
  await recordEntry(cardById(page, indexId), { value: '91,5' }, { date: '30/06/2026' });
  const band = indexPanel.locator(tid('index-band'));
  await expect(band).toHaveAttribute('data-band', 'a');
  await expect(band).toContainText('Xếp loại A (≥ 90%)');
  await expect(band).toContainText('kết quả năm 2026: 91,5 điểm');
  await expect(indexPanel.locator(tid('index-rank'))).toHaveText('Chưa nhập xếp hạng.');
  await indexPanel.locator(tid('standing-position')).fill('64');
  await indexPanel.locator(tid('standing-of')).fill('63');
  await indexPanel.locator(tid('save-standing')).click();
  await expect(indexPanel.locator(tid('tracking-error'))).toContainText('không được lớn hơn tổng số');
  await expect(indexPanel.locator(tid('index-rank'))).toHaveText('Chưa nhập xếp hạng.');
  await indexPanel.locator(tid('standing-position')).fill('12');
  await indexPanel.locator(tid('standing-previous')).fill('13');
  await indexPanel.locator(tid('standing-previous')).press('Enter');
  await expect(indexPanel.locator(tid('index-rank'))).toHaveText('Xếp hạng 12/63, tăng 1 bậc');
  await expect(indexPanel.locator(tid('tracking-error'))).toHaveCount(0);
  // A previous year below 70 does not change the band of this year's value.
  await addYear(indexPanel, '2025', '68,2');
  await expect(band).toHaveAttribute('data-band', 'a');

  // A count of 1.000 with 400 on 30 June is at risk; a six-month target of 300 puts it on track.
  const count = await addTarget(page, {
    kind: 'value',
    label: 'Tiếp nhận ít nhất 1.000 hồ sơ qua dịch vụ bưu chính công ích',
  });
  const countEditor = await openEditor(count);
  await countEditor.locator(tid('value-unit')).selectOption('count');
  await countEditor.locator(tid('count-noun')).fill('hồ sơ');
  await setRule(count, 'at_least');
  await setThreshold(count, 'threshold', '1.000');
  await count.locator(tid('edit-target')).click();
  const countId = await count.getAttribute('data-target-id');
  await recordEntry(cardById(page, countId), { value: '400' }, { date: '30/06/2026' });
  const pace = cardById(page, countId).locator(tid('pace'));
  await expect(pace).toHaveAttribute('data-pace', 'at-risk');
  const panel = await openTracking(cardById(page, countId));
  // No band or rank for a count.
  await expect(panel.locator(tid('index-band'))).toHaveCount(0);
  await expect(panel.locator(tid('period-target-year'))).toHaveValue('1.000');
  await expect(panel.locator(tid('period-target-year'))).toHaveAttribute('readonly');
  await panel.locator(tid('period-target-six_months')).fill('-300');
  await panel.locator(tid('period-target-six_months')).press('Enter');
  await expect(panel.locator(tid('tracking-error'))).toHaveText('Giá trị không được âm.');
  await expect(pace).toHaveAttribute('data-pace', 'at-risk');
  await panel.locator(tid('period-target-six_months')).fill('300');
  await panel.locator(tid('period-target-six_months')).press('Enter');
  await expect(panel.locator(tid('tracking-error'))).toHaveCount(0);
  await expect(pace).toHaveAttribute('data-pace', 'on-track');
  await expect(pace).toContainText('Đúng tiến độ');

  // Not paced: the badge goes; automatic brings it back.
  const kind = panel.locator(tid('pace-kind'));
  await expect(kind).toHaveValue('auto');
  await kind.selectOption('none');
  await expect(cardById(page, countId).locator(tid('pace'))).toHaveCount(0);
  await kind.selectOption('auto');
  await expect(pace).toHaveAttribute('data-pace', 'on-track');
  await kind.selectOption('none');

  // Everything survives a reload and travels in the file.
  await reloadApp(page);
  await expect(cardById(page, countId).locator(tid('pace'))).toHaveCount(0);
  const reopened = await openTracking(cardById(page, countId));
  await expect(reopened.locator(tid('pace-kind'))).toHaveValue('none');
  await expect(reopened.locator(tid('period-target-six_months'))).toHaveValue('300');
  const reIndex = await openTracking(cardById(page, indexId));
  await expect(reIndex.locator(tid('index-rank'))).toHaveText('Xếp hạng 12/63, tăng 1 bậc');
  await expect(reIndex.locator(tid('standing-position'))).toHaveValue('12');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('export-plan')).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  const countTarget = doc.plan.targets.find((t) => t.id === countId);
  expect(countTarget.pace).toBe('none');
  expect(countTarget.periodTargets).toEqual({ sixMonths: '300' });
  const indexTarget = doc.plan.targets.find((t) => t.id === indexId);
  expect(indexTarget.standing).toMatchObject({ position: 12, of: 63 });
  expect(indexTarget.previousYears).toEqual([{ year: 2025, value: '68.2' }]);
});

test('last year\'s result entered in the panel is the reference of "higher than last year"', async ({ page }) => {
  await openApp(page);
  await loadExample(page);
  const par = cardByLabel(page, 'PAR Index');
  await expect(par.locator(tid('status')).first()).toHaveAttribute('data-status', 'waiting');
  const panel = await openTracking(par);
  // An earlier year is history only: still waiting for 2018's figure.
  await addYear(panel, '2017', '78,12');
  await expect(panel.locator(`${tid('history-row')}[data-year="2017"]`)).toBeVisible();
  await expect(par.locator(tid('status')).first()).toHaveAttribute('data-status', 'waiting');
  await addYear(panel, '2018', '81,5');
  await expect(par.locator(tid('target-rule'))).toContainText('81,5');
  await expect(par.locator(tid('status')).first()).not.toHaveAttribute('data-status', 'waiting');
});
