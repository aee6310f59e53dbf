// Pacing and reporting periods (issue 6): on 30/06/2026 a cumulative target at 40% of its
// year-end value is at risk and at 55% is on track; the reporting card shows the Ministry's
// reports with their cut-offs (editable, 30/02 refused); a six-month snapshot keeps the
// figures as they were reported while progress goes on, across a reload and in the file.
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, openEditor, setRule,
  setThreshold, recordEntry, cardById,
} from './helpers.mjs';

const JUNE_30 = new Date('2026-06-30T09:00:00+07:00');

async function countTarget(page) {
  const card = await addTarget(page, {
    kind: 'value',
    label: 'Tiếp nhận ít nhất 1.000 hồ sơ qua dịch vụ bưu chính công ích',
  });
  const editor = await openEditor(card);
  await editor.locator(tid('value-unit')).selectOption('count');
  await editor.locator(tid('count-noun')).fill('hồ sơ');
  await setRule(card, 'at_least');
  await setThreshold(card, 'threshold', '1.000');
  await card.locator(tid('edit-target')).click();
  return card;
}

test('a count at 40% of the year on 30 June is at risk, at 55% on track; a six-month snapshot stays as reported', async ({ page }) => {
  await page.clock.setFixedTime(JUNE_30);
  await openApp(page);
  await createPlan(page, { year: '2026', date: '15/01/2026' });

  // The reporting card: four reports from 15/12/2025, today in the third quarter.
  const reporting = page.locator(tid('reporting'));
  await expect(reporting.locator(tid('reporting-period'))).toHaveCount(4);
  await expect(reporting.locator(`${tid('reporting-period')}[data-period="first_quarter"]`))
    .toContainText('15/12/2025 – 14/03/2026');
  await expect(reporting.locator(`${tid('reporting-period')}[data-period="third_quarter"]`))
    .toContainText('15/06/2026 – 14/09/2026');
  await expect(reporting.locator(tid('reporting-now'))).toHaveText(
    'Hôm nay thuộc kỳ báo cáo quý III (số liệu chốt ngày 14/09/2026).',
  );
  await expect(reporting.locator(tid('no-snapshots'))).toBeVisible();

  const card = await countTarget(page);
  const id = await card.getAttribute('data-target-id');
  await recordEntry(card, { value: '400' }, { date: '30/06/2026' });
  const pace = cardById(page, id).locator(tid('pace'));
  await expect(pace).toHaveAttribute('data-pace', 'at-risk');
  await expect(pace).toContainText('Có nguy cơ chậm');
  await expect(pace).toContainText('tính đến 30/06/2026: 400 hồ sơ, dự kiến');
  await recordEntry(card, { value: '550' }, { date: '30/06/2026' });
  await expect(pace).toHaveAttribute('data-pace', 'on-track');
  await expect(pace).toContainText('Đúng tiến độ');
  await expect(reporting.locator(tid('pace-summary'))).toContainText('Đúng tiến độ 1');

  // Freeze the six-month review.
  await reporting.locator(tid('snapshot-period')).selectOption('six_months');
  await reporting.locator(tid('take-snapshot')).click();
  await expect(page.locator(tid('notice-success')).last()).toContainText('sơ kết 6 tháng (1 chỉ tiêu)');
  const snapshot = reporting.locator(tid('snapshot'));
  await expect(snapshot).toHaveCount(1);
  await expect(snapshot).toHaveAttribute('data-period', 'six_months');
  await expect(snapshot).toContainText('Sơ kết 6 tháng · chốt ngày 30/06/2026');
  await expect(snapshot).toContainText('đúng tiến độ 1/1');

  // Progress goes on (a correction downward); the snapshot keeps 550 and "on track".
  await recordEntry(card, { value: '300' }, { date: '30/06/2026' });
  await expect(pace).toHaveAttribute('data-pace', 'at-risk');
  await snapshot.locator(tid('snapshot-toggle')).click();
  await expect(snapshot.locator(tid('snapshot-value'))).toContainText('550');
  await expect(snapshot.locator(`${tid('snapshot-figure')} td[data-pace="on-track"]`)).toHaveCount(1);

  // The province sets its own cut-offs: an impossible day is refused and nothing changes.
  await reporting.locator(tid('cutoffs')).locator('summary').click();
  await reporting.locator(tid('cutoff-six_months')).fill('30/02');
  await reporting.locator(tid('save-cutoffs')).click();
  await expect(reporting.locator(tid('cutoffs-error'))).toContainText('6 tháng');
  await expect(reporting.locator(`${tid('reporting-period')}[data-period="six_months"]`))
    .toContainText('15/12/2025 – 14/06/2026');
  await reporting.locator(tid('cutoff-six_months')).fill('20/06');
  await reporting.locator(tid('save-cutoffs')).click();
  await expect(reporting.locator(tid('cutoffs-error'))).toHaveCount(0);
  await expect(reporting.locator(`${tid('reporting-period')}[data-period="six_months"]`))
    .toContainText('15/12/2025 – 20/06/2026');
  await expect(reporting.locator(`${tid('reporting-period')}[data-period="third_quarter"]`))
    .toContainText('21/06/2026 – 14/09/2026');

  // All of it survives a reload.
  await reloadApp(page);
  await expect(page.locator(tid('snapshot'))).toHaveCount(1);
  await page.locator(tid('snapshot-toggle')).click();
  await expect(page.locator(tid('snapshot-value'))).toContainText('550');
  await expect(cardById(page, id).locator(tid('pace'))).toHaveAttribute('data-pace', 'at-risk');
  await expect(page.locator(`${tid('reporting-period')}[data-period="six_months"]`))
    .toContainText('20/06/2026');

  // And travels in the file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('export-plan')).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(doc.plan.reportingCutoffs.sixMonths).toBe('06-20');
  expect(doc.plan.snapshots).toHaveLength(1);
  expect(doc.plan.snapshots[0].period).toBe('six_months');

  // Reset to the Ministry's days; deleting the snapshot asks first.
  await page.locator(tid('cutoffs')).locator('summary').click();
  await page.locator(tid('reset-cutoffs')).click();
  await expect(page.locator(`${tid('reporting-period')}[data-period="six_months"]`))
    .toContainText('14/06/2026');
  page.once('dialog', (d) => d.accept());
  await page.locator(tid('snapshot-delete')).click();
  await expect(page.locator(tid('snapshot'))).toHaveCount(0);
});

test('in English: the reports, the pace, a snapshot and the tracking panel', async ({ page }) => {
  await page.clock.setFixedTime(JUNE_30);
  await openApp(page);
  await createPlan(page, { year: '2026', date: '15/01/2026' });
  const card = await countTarget(page);
  const id = await card.getAttribute('data-target-id');
  await recordEntry(card, { value: '400' }, { date: '30/06/2026' });
  await page.locator(tid('lang-en')).click();

  const reporting = page.locator(tid('reporting'));
  await expect(reporting.locator('h2')).toHaveText('Reporting periods and pace');
  await expect(reporting.locator(tid('reporting-now'))).toHaveText(
    'Today falls in the third quarter report (figures cut off on 14/09/2026).',
  );
  const pace = cardById(page, id).locator(tid('pace'));
  await expect(pace).toContainText('At risk');
  await expect(pace).toContainText('as of 30/06/2026: 400 hồ sơ, expected');
  await reporting.locator(tid('snapshot-period')).selectOption('six_months');
  await reporting.locator(tid('take-snapshot')).click();
  await expect(reporting.locator(tid('snapshot'))).toContainText('Six-month review · frozen on 30/06/2026');
  await cardById(page, id).locator(tid('show-tracking')).click();
  await expect(cardById(page, id).locator(tid('tracking-panel'))).toContainText("Previous years' results");
});
