// Importing several files at once: every file is read and checked, a report lists them with
// what was found, and nothing changes until the officer applies the rows chosen. A newer
// revision of a plan held here shows its differences and can be resolved either way.
// Imported text is shown as text: a script payload runs nothing.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, tid, openApp, freshPage, createPlan, addTarget, setRule, setThreshold,
  recordEntry, backToWorkbook, storageSnapshot, planRowsText, dropFiles, FIXTURES,
} from './helpers.mjs';

const fixture = (dir, name) => path.join(FIXTURES, dir, name);

/** Exports the open plan from its page; returns the downloaded file's path (under its own
 * folder, with the name the app proposed, so two exports of one day do not overwrite). */
let exports = 0;
async function exportOpenPlan(page) {
  const download = page.waitForEvent('download');
  await page.locator(tid('export-plan')).click();
  const d = await download;
  const file = await d.path();
  const dir = path.join(path.dirname(file), `export-${++exports}`);
  fs.mkdirSync(dir, { recursive: true });
  const named = path.join(dir, d.suggestedFilename());
  fs.copyFileSync(file, named);
  return named;
}

/** Review rows as [file, finding] pairs. */
async function reviewRows(page) {
  const rows = page.locator(tid('review-row'));
  const out = [];
  for (const row of await rows.all()) {
    out.push([
      (await row.locator(tid('review-file')).innerText()).trim(),
      (await row.locator(tid('review-finding')).innerText()).trim(),
    ]);
  }
  return out;
}

test('three files dropped at once: a report first, then two plans added and nothing else changed', async ({ page }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Phường Bình Tân', year: '2026' });
  const card = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ đúng hạn trên 90%' });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  await recordEntry(card, { numerator: '95', denominator: '100' });
  await backToWorkbook(page);
  const rowsBefore = await planRowsText(page);
  const storedBefore = await storageSnapshot(page);

  await dropFiles(page, [
    fixture('valid', 'plan-v1-base.json'),
    fixture('invalid', 'numerator-above-denominator.json'),
    fixture('valid', 'plan-v1-minimal.json'),
  ]);
  const review = page.locator(tid('import-review'));
  await expect(review).toBeVisible();
  await expect(page.locator(tid('review-row'))).toHaveCount(3);
  expect(await reviewRows(page)).toEqual([
    ['plan-v1-base.json', 'Kế hoạch mới'],
    ['numerator-above-denominator.json', 'Nội dung không hợp lệ'],
    ['plan-v1-minimal.json', 'Kế hoạch mới'],
  ]);
  const broken = page.locator(tid('review-row')).nth(1);
  await expect(broken.locator(tid('review-error'))).toContainText('tử số (9.200) lớn hơn mẫu số (9.156)');
  await expect(broken.locator(tid('review-choice-fixed'))).toHaveText('Bỏ qua');

  // Nothing has changed while the report is open.
  expect(await storageSnapshot(page)).toEqual(storedBefore);
  await page.screenshot({ path: path.join('e2e', '.artifacts', 'screenshots', 'import-review.png') });

  await page.locator(tid('review-apply')).click();
  await expect(review).toHaveCount(0);
  const rows = page.locator(tid('plan-row'));
  await expect(rows).toHaveCount(3);
  // The plan that was there is exactly as it was.
  const storedAfter = await storageSnapshot(page);
  for (const [key, value] of Object.entries(storedBefore)) {
    if (key.startsWith('indexeddb:plans/')) expect(storedAfter[key], `${key} untouched`).toBe(value);
  }
  expect(await planRowsText(page)).toEqual(expect.arrayContaining(rowsBefore));
  // The log says what happened to each file.
  const log = page.locator(tid('import-log'));
  await log.locator('summary').click();
  await expect(log.locator(tid('log-row'))).toHaveCount(3);
  await expect(log).toContainText('numerator-above-denominator.json');
  await expect(log).toContainText('Không nhập');
  await expect(log).toContainText('Đã thêm');
});

test('cancelling the report (button or Escape) changes nothing', async ({ page }) => {
  await openApp(page);
  await createPlan(page);
  await backToWorkbook(page);
  const before = await storageSnapshot(page);
  await page.locator(tid('import-input')).setInputFiles([fixture('valid', 'plan-v1-base.json')]);
  await expect(page.locator(tid('import-review'))).toBeVisible();
  await page.locator(tid('review-cancel')).click();
  await expect(page.locator(tid('import-review'))).toHaveCount(0);
  await page.locator(tid('import-input')).setInputFiles([fixture('valid', 'plan-v1-base.json')]);
  await expect(page.locator(tid('import-review'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator(tid('import-review'))).toHaveCount(0);
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  expect(await storageSnapshot(page)).toEqual(before);
});

test('a newer revision of a held plan: see the differences, keep mine, then take theirs', async ({ page, browser, pageErrors }) => {
  // The ward makes its plan and sends revision 1.
  await openApp(page);
  await createPlan(page, { unit: 'Phường Sài Gòn', year: '2026' });
  const card = await addTarget(page, { kind: 'ratio', label: 'Tỷ lệ hồ sơ trực tuyến trên 90%' });
  await setRule(card, 'above');
  await setThreshold(card, 'threshold', '90');
  const first = await exportOpenPlan(page);

  // The superior unit imports it.
  const superior = await freshPage(browser, pageErrors);
  const sp = superior.page;
  await sp.locator(tid('import-input')).setInputFiles(first);
  await expect(sp.locator(tid('review-finding'))).toHaveText('Kế hoạch mới');
  await sp.locator(tid('review-apply')).click();
  await expect(sp.locator(tid('plan-page'))).toBeVisible();
  await expect(sp.locator(tid('plan-revision'))).toHaveText('1');
  await backToWorkbook(sp);

  // The ward changes the threshold and records progress: revision 2.
  await setThreshold(card, 'threshold', '95');
  await recordEntry(card, { numerator: '9.156', denominator: '17.087' }, { date: '30/06/2026' });
  await expect(page.locator(tid('plan-revision'))).toHaveText('2');
  const second = await exportOpenPlan(page);

  // Importing revision 2: the report names it newer and lists what changed.
  await sp.locator(tid('import-input')).setInputFiles(second);
  await expect(sp.locator(tid('review-finding'))).toHaveText('Bản mới hơn (phiên bản 2; đang có 1)');
  const diff = sp.locator(tid('review-diff'));
  await diff.locator('summary').click();
  await expect(diff).toContainText('trên 90%');
  await expect(diff).toContainText('trên 95%');
  await expect(diff).toContainText('30/06/2026');
  await sp.screenshot({ path: path.join('e2e', '.artifacts', 'screenshots', 'import-newer-revision.png') });
  // Keep mine: nothing changes.
  const before = await storageSnapshot(sp);
  await sp.locator(tid('review-choice')).selectOption('keep-mine');
  await sp.locator(tid('review-apply')).click();
  await expect(sp.locator(tid('import-review'))).toHaveCount(0);
  const after = await storageSnapshot(sp);
  for (const key of Object.keys(before).filter((k) => k.startsWith('indexeddb:plans/'))) {
    expect(after[key]).toBe(before[key]);
  }
  await expect(sp.locator(tid('plan-row'))).toHaveCount(1);

  // Take theirs: the held plan becomes revision 2, in place; still one plan.
  await sp.locator(tid('import-input')).setInputFiles(second);
  await expect(sp.locator(tid('review-choice'))).toHaveValue('take-theirs');
  await sp.locator(tid('review-apply')).click();
  await expect(sp.locator(tid('plan-page'))).toBeVisible();
  await expect(sp.locator(tid('plan-revision'))).toHaveText('2');
  await expect(sp.locator(tid('target-card'))).toContainText('53,58%');
  await backToWorkbook(sp);
  await expect(sp.locator(tid('plan-row'))).toHaveCount(1);

  // The older file now: "older", kept apart on request as a separate plan.
  await sp.locator(tid('import-input')).setInputFiles(first);
  await expect(sp.locator(tid('review-finding'))).toHaveText('Bản cũ hơn (phiên bản 1; đang có 2)');
  await expect(sp.locator(tid('review-choice'))).toHaveValue('keep-mine');
  await sp.locator(tid('review-choice')).selectOption('keep-both');
  await sp.locator(tid('review-apply')).click();
  await backToWorkbook(sp);
  await expect(sp.locator(tid('plan-row'))).toHaveCount(2);

  // The same file again is recognised as identical and changes nothing.
  await sp.locator(tid('import-input')).setInputFiles(second);
  await expect(sp.locator(tid('review-finding'))).toHaveText('Giống hệt bản đang có');
  await sp.locator(tid('review-apply')).click();
  await expect(sp.locator(tid('plan-row'))).toHaveCount(2);

  const log = sp.locator(tid('import-log'));
  await log.locator('summary').click();
  await expect(log.locator(tid('log-row'))).toHaveCount(5);
  await superior.context.close();
});

test('script payloads in an imported plan are shown as text and run nothing', async ({ page }) => {
  await openApp(page);
  const payload = '<img src=x onerror="window.__pwned=1">';
  const script = '<script>window.__pwned=2</script>';
  // A version-1 file (no content hash needed) with payloads in its texts.
  const doc = {
    format: 'cchc-workbook/plan',
    formatVersion: 1,
    plan: {
      id: 'plan-xss',
      unit: { name: `${payload} Phường 1`, level: 'ward', superior: script },
      year: 2026,
      reference: { number: `${script}01/KH-UBND` },
      targets: [{
        id: 't-1',
        area: 'procedures',
        label: `${payload} Tỷ lệ hồ sơ`,
        goal: { kind: 'free_text' },
        entries: [{ id: 'e-1', date: '2026-03-31', reading: { shape: 'text', text: script }, comment: payload }],
      }],
    },
  };
  await page.locator(tid('import-input')).setInputFiles({
    name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page.locator(tid('review-plan'))).toContainText(`${payload} Phường 1`);
  await page.locator(tid('review-apply')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-unit'))).toHaveValue(`${payload} Phường 1`);
  await expect(page.locator(tid('target-card'))).toContainText(`${payload} Tỷ lệ hồ sơ`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
