// A plan's tasks (nhiệm vụ) and shortened procedures (cắt giảm thời gian giải quyết TTHC),
// with "today" fixed at 23/11/2026 so that overdue is judged on a known day: tasks added
// with Enter, completed, an overdue task flagged with icon and words, the list ordered by
// deadline and filtered by department, everything found again after a reload; a milestone
// target shows where it stands against its deadline; two shortened procedures with their
// totals; the plan exported with its tasks and procedures, imported in a fresh browser.
import { readFile } from 'node:fs/promises';
import {
  test, expect, tid, openApp, reloadApp, createPlan, addTarget, recordEntry, CONTEXT_OPTIONS,
  watchCspViolations, watchErrors, savedToStorage,
} from './helpers.mjs';

const TODAY = new Date('2026-11-23T09:00:00+07:00');

const rows = (page) => page.locator(tid('task-row'));
const rowByTitle = (page, title) =>
  rows(page).filter({ has: page.locator(tid('task-row-title'), { hasText: title }) });
const titles = (page) => page.locator(tid('task-row-title')).allInnerTexts();

/** Types a task into the add form and presses Enter in the last input typed. */
async function addTask(page, { title, department = '', deadline = '', output = '', stage, link }) {
  const form = page.locator(tid('task-form'));
  const before = await rows(page).count();
  await form.locator(tid('task-title')).fill(title);
  await form.locator(tid('task-department')).fill(department);
  await form.locator(tid('task-deadline')).fill(deadline);
  if (stage) await form.locator(tid('task-stage')).selectOption(stage);
  if (link) {
    await form.locator('summary').click();
    await form.locator(tid('task-link')).first().check();
  }
  const last = form.locator(tid('task-output'));
  await last.fill(output);
  await last.press('Enter');
  await expect(rows(page)).toHaveCount(before + 1);
  // Ready for the next task: empty, the cursor in the first input, the department kept.
  await expect(form.locator(tid('task-title'))).toHaveValue('');
  await expect(form.locator(tid('task-title'))).toBeFocused();
  await expect(form.locator(tid('task-department'))).toHaveValue(department);
}

const QUY_CHE = 'Xây dựng dự thảo quy chế làm việc';
const RA_SOAT = 'Rà soát, công bố thủ tục hành chính thuộc thẩm quyền';
const BAO_CAO = 'Báo cáo kết quả cải cách hành chính năm';
const TUYEN_TRUYEN = 'Tuyên truyền về cải cách hành chính';
const VP = 'Văn phòng HĐND và UBND';

test('tasks: added with Enter, completed, overdue flagged, ordered by deadline, filtered by department, kept after a reload', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await createPlan(page, { unit: 'Phường Bình Tân', year: '2026', date: '05/01/2026' });

  // A milestone target due 31/03/2026 and not done: overdue by 237 days on 23/11/2026.
  const milestone = await addTarget(page, {
    kind: 'milestone', area: 'apparatus', label: 'Ban hành quy chế làm việc của UBND phường',
  });
  await milestone.locator(tid('deadline')).fill('31/03/2026');
  const against = milestone.locator(tid('milestone-deadline'));
  await expect(against).toHaveText('quá hạn 237 ngày');
  await expect(against).toHaveAttribute('data-state', 'overdue');

  const tasks = page.locator(tid('tasks'));
  await expect(tasks.locator(tid('no-tasks'))).toBeVisible();
  // An impossible deadline is refused with its reason, and Enter adds nothing.
  const form = page.locator(tid('task-form'));
  await form.locator(tid('task-title')).fill(BAO_CAO);
  await form.locator(tid('task-deadline')).fill('31/02/2026');
  await form.locator(tid('task-deadline')).press('Enter');
  await expect(page.locator(tid('task-form-error'))).toHaveText(
    'Hạn hoàn thành: Ngày 31/02/2026 không có thật: tháng 02/2026 chỉ có 28 ngày.',
  );
  await expect(rows(page)).toHaveCount(0);
  await form.locator(tid('task-title')).fill('');
  await form.locator(tid('task-deadline')).fill('');

  await addTask(page, { title: BAO_CAO, department: VP, deadline: '14/12/2026', output: 'Báo cáo năm' });
  await addTask(page, {
    title: QUY_CHE, department: VP, deadline: '31/03/2026', output: 'Quyết định ban hành quy chế', link: true,
  });
  await addTask(page, { title: TUYEN_TRUYEN, department: 'Phòng Văn hóa – Xã hội' });
  await addTask(page, {
    title: RA_SOAT, department: 'Trung tâm Phục vụ hành chính công', deadline: '30/09/2026',
    output: 'Danh mục TTHC', stage: 'in_progress',
  });
  expect(await titles(page)).toEqual([BAO_CAO, QUY_CHE, TUYEN_TRUYEN, RA_SOAT]);

  // Overdue tasks are flagged with an icon and words, against today (23/11/2026).
  const raSoat = rowByTitle(page, RA_SOAT);
  await expect(raSoat).toHaveAttribute('data-state', 'overdue');
  await expect(raSoat.locator(tid('task-state'))).toHaveText('⚠ Quá hạn 54 ngày');
  await expect(raSoat).toContainText('(đang thực hiện)');
  const quyChe = rowByTitle(page, QUY_CHE);
  await expect(quyChe.locator(tid('task-state'))).toHaveText('⚠ Quá hạn 237 ngày');
  await expect(quyChe).toContainText('Gắn với chỉ tiêu: «Ban hành quy chế làm việc của UBND phường»');
  await expect(rowByTitle(page, BAO_CAO).locator(tid('task-state'))).toHaveText('○ Chưa bắt đầu');
  await expect(rowByTitle(page, BAO_CAO)).toContainText('còn 21 ngày đến hạn');
  await expect(rowByTitle(page, TUYEN_TRUYEN).locator(tid('task-row-deadline'))).toHaveText('Không đặt hạn');
  await expect(page.locator(tid('task-tally'))).toHaveText('4 nhiệm vụ · 0 hoàn thành · 2 quá hạn');

  // Completed today, after its deadline: done late.
  await quyChe.locator(tid('task-complete')).click();
  await expect(quyChe.locator(tid('task-state'))).toHaveText('✔ Hoàn thành trễ hạn 237 ngày');
  await expect(quyChe.locator(tid('task-complete'))).toHaveCount(0);
  // It was in fact done on 28/03/2026: on time.
  await quyChe.locator(tid('task-edit')).click();
  const edit = page.locator(tid('task-edit-form'));
  await expect(edit.locator(tid('task-title'))).toHaveValue(QUY_CHE);
  await expect(edit.locator(tid('task-done-on'))).toHaveValue('23/11/2026');
  await edit.locator(tid('task-done-on')).fill('28/03/2026');
  await edit.locator(tid('task-done-on')).press('Enter');
  await expect(edit).toHaveCount(0);
  await expect(quyChe.locator(tid('task-state'))).toHaveText('✔ Hoàn thành đúng hạn');
  await expect(quyChe).toContainText('ngày 28/03/2026');
  await expect(page.locator(tid('task-tally'))).toHaveText('4 nhiệm vụ · 1 hoàn thành · 1 quá hạn');

  // Ordered by deadline, earliest first; a task without deadline last.
  await page.locator(tid('task-order')).selectOption('deadline');
  expect(await titles(page)).toEqual([QUY_CHE, RA_SOAT, BAO_CAO, TUYEN_TRUYEN]);
  // Filtered by department.
  await page.locator(tid('task-department-filter')).selectOption({ label: VP });
  expect(await titles(page)).toEqual([QUY_CHE, BAO_CAO]);
  await page.locator(tid('task-department-filter')).selectOption({ label: 'Tất cả đơn vị' });
  await expect(rows(page)).toHaveCount(4);
  await page.screenshot({ path: 'e2e/.artifacts/tasks.png', fullPage: true });

  // Everything is there after a reload.
  await reloadApp(page);
  await expect(rows(page)).toHaveCount(4);
  expect(await titles(page)).toEqual([BAO_CAO, QUY_CHE, TUYEN_TRUYEN, RA_SOAT]);
  await expect(rowByTitle(page, RA_SOAT).locator(tid('task-state'))).toHaveText('⚠ Quá hạn 54 ngày');
  await expect(rowByTitle(page, QUY_CHE).locator(tid('task-state'))).toHaveText('✔ Hoàn thành đúng hạn');
  await expect(rowByTitle(page, RA_SOAT).locator(tid('task-row-department'))).toHaveText('Trung tâm Phục vụ hành chính công');
  await expect(page.locator(tid('milestone-deadline'))).toHaveText('quá hạn 237 ngày');

  // The milestone done late, then on time.
  const card = page.locator(tid('target-card')).first();
  await recordEntry(card, { 'done-on': '02/04/2026', evidence: '12/QĐ-UBND' }, { date: '02/04/2026' });
  await expect(card.locator(tid('milestone-deadline'))).toHaveText('hoàn thành trễ hạn 2 ngày');
  await recordEntry(card, { 'done-on': '30/03/2026', evidence: '12/QĐ-UBND' }, { date: '03/04/2026' });
  await expect(card.locator(tid('milestone-deadline'))).toHaveText('hoàn thành đúng hạn');

  // Deleting a task asks first.
  page.once('dialog', (d) => d.accept());
  await rowByTitle(page, TUYEN_TRUYEN).locator(tid('task-delete')).click();
  await expect(rows(page)).toHaveCount(3);
});

test('shortened procedures: totals in days and hours; tasks and procedures go out in the file and come back in a fresh browser', async ({ page, browser, pageErrors }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await createPlan(page, { unit: 'Phường Tây Hồ', year: '2026', date: '05/01/2026' });
  await addTask(page, { title: RA_SOAT, department: 'Trung tâm Phục vụ hành chính công', deadline: '30/09/2026' });
  await addTask(page, { title: BAO_CAO, department: VP, deadline: '14/12/2026' });
  await rowByTitle(page, BAO_CAO).locator(tid('task-complete')).click();

  const section = page.locator(tid('working-time'));
  await expect(section.locator(tid('no-procedures'))).toBeVisible();
  const name = section.locator(tid('procedure-name-input'));
  // A new time longer than the standard one is refused.
  await name.fill('Cấp giấy phép xây dựng');
  await section.locator(tid('procedure-standard')).fill('15');
  await section.locator(tid('procedure-new')).fill('20');
  await section.locator(tid('procedure-new')).press('Enter');
  await expect(section.locator(tid('procedure-form-error'))).toHaveText(
    'Thời gian sau khi rút ngắn (ngày): Thời gian mới dài hơn thời gian theo quy định.',
  );
  await expect(section.locator(tid('procedure-row'))).toHaveCount(0);
  await section.locator(tid('procedure-new')).fill('10');
  await section.locator(tid('procedure-new')).press('Enter');
  await expect(section.locator(tid('procedure-row'))).toHaveCount(1);
  await expect(name).toBeFocused();
  await name.fill('Đăng ký khai sinh');
  await section.locator(tid('procedure-standard')).fill('3');
  await section.locator(tid('procedure-new')).fill('1,5');
  await section.locator(tid('procedure-new')).press('Enter');
  await expect(section.locator(tid('procedure-row'))).toHaveCount(2);
  await expect(section.locator(tid('procedure-saved')).nth(0)).toHaveText('5 ngày = 40 giờ');
  await expect(section.locator(tid('procedure-saved')).nth(1)).toHaveText('1,5 ngày = 12 giờ');
  await expect(section.locator(tid('procedure-saved-total'))).toHaveText('6,5 ngày = 52 giờ');
  await expect(section.locator(tid('procedure-totals'))).toContainText('Tổng cộng 2 thủ tục');
  await page.screenshot({ path: 'e2e/.artifacts/working-time.png', fullPage: true });

  // The export carries both lists.
  await savedToStorage(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(tid('export-plan')).click(),
  ]);
  const file = await download.path();
  const doc = JSON.parse(await readFile(file, 'utf8'));
  expect(doc.plan.tasks.map((t) => [t.title, t.department, t.deadline, t.status, t.doneOn ?? null])).toEqual([
    [RA_SOAT, 'Trung tâm Phục vụ hành chính công', '2026-09-30', 'not_started', null],
    [BAO_CAO, VP, '2026-12-14', 'done', '2026-11-23'],
  ]);
  expect(doc.plan.shortenedProcedures.map((p) => [p.name, p.standardDays, p.newDays])).toEqual([
    ['Cấp giấy phép xây dựng', '15', '10'],
    ['Đăng ký khai sinh', '3', '1.5'],
  ]);

  // A fresh browser, the same day: the file is the only way in.
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await watchCspViolations(context, pageErrors);
  const other = await context.newPage();
  watchErrors(other, pageErrors);
  await other.clock.setFixedTime(TODAY);
  await openApp(other);
  await other.locator(tid('import-input')).setInputFiles(file);
  await expect(other.locator(tid('review-finding'))).toHaveText('Kế hoạch mới');
  await other.locator(tid('review-apply')).click();
  await expect(other.locator(tid('plan-page'))).toBeVisible();
  expect(await titles(other)).toEqual([RA_SOAT, BAO_CAO]);
  await expect(rowByTitle(other, RA_SOAT).locator(tid('task-state'))).toHaveText('⚠ Quá hạn 54 ngày');
  await expect(rowByTitle(other, BAO_CAO).locator(tid('task-state'))).toHaveText('✔ Hoàn thành đúng hạn');
  const imported = other.locator(tid('working-time'));
  await expect(imported.locator(tid('procedure-name'))).toHaveText(['Cấp giấy phép xây dựng', 'Đăng ký khai sinh']);
  await expect(imported.locator(tid('procedure-saved-total'))).toHaveText('6,5 ngày = 52 giờ');
  await context.close();
});
