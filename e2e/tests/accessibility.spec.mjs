// Accessibility (issue 6): axe-core scans every screen for WCAG 2.1 A and AA rules, and the
// test fails on any serious or critical violation. axe is evaluated in the page through the
// DevTools protocol (as a test tool, not part of the app: the page's Content-Security-Policy
// stays as it is and no script is added to it).
import path from 'node:path';
import { readFile, readdir } from 'node:fs/promises';
import {
  test, expect, tid, openApp, loadExample, cardByLabel, openEditor, openProgress, FIXTURES, ROOT,
  watchErrors,
} from './helpers.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page) {
  const source = await readFile(AXE, 'utf8');
  await page.evaluate(source);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found;
}

test('no serious or critical accessibility violation on any screen', async ({ page, context, pageErrors }) => {
  test.setTimeout(120_000);
  const report = [];
  const scan = async (screen) => {
    for (const v of await violations(page)) report.push(`${screen}: ${v}`);
  };

  await openApp(page);
  await scan('empty workbook');
  // The keyboard help panel lists the shortcuts.
  await page.locator(tid('shortcuts')).locator('summary').click();
  await expect(page.locator(tid('shortcuts'))).toContainText('Ctrl+Z');
  await expect(page.locator(tid('shortcuts'))).toContainText('Hoàn tác thay đổi vừa làm');
  await scan('keyboard shortcuts panel');
  await page.locator(tid('shortcuts')).locator('summary').click();
  await page.locator(tid('new-plan')).click();
  await page.locator(tid('new-plan-date')).fill('30/02/2019');
  await page.locator(tid('new-plan-date-error')).waitFor();
  await scan('new plan form with an impossible date');
  await page.getByRole('button', { name: /^Hu[ỷủ]$/ }).click();
  await page.locator(tid('storage-health')).locator('summary').click();
  await scan('workbook with the storage panel open');

  await loadExample(page);
  await scan('plan page (example)');
  // The reporting card with its cut-offs form open and a snapshot's figures shown.
  const reporting = page.locator(tid('reporting'));
  await reporting.locator(tid('cutoffs')).locator('summary').click();
  await reporting.locator(tid('take-snapshot')).click();
  await reporting.locator(tid('snapshot-toggle')).click();
  await reporting.locator(tid('snapshot-figure')).first().waitFor();
  await scan('reporting card with cut-offs and a snapshot');
  // The target tracking panel: previous years with their chart, and an index's band and rank.
  const tracked = cardByLabel(page, 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh');
  await tracked.locator(tid('show-tracking')).click();
  const trackingPanel = tracked.locator(tid('tracking-panel'));
  await trackingPanel.locator(tid('history-year')).fill('2018');
  await trackingPanel.locator(tid('history-value')).fill('51,38');
  await trackingPanel.locator(tid('add-history-year')).click();
  await trackingPanel.locator(tid('history-row')).first().waitFor();
  await trackingPanel.locator(tid('history-year')).fill('2019');
  await trackingPanel.locator(tid('add-history-year')).click();
  await trackingPanel.locator(tid('tracking-error')).waitFor();
  const parIndex = cardByLabel(page, 'PAR Index');
  await parIndex.locator(tid('show-tracking')).click();
  await parIndex.locator(tid('index-rank')).waitFor();
  await scan('target tracking panel');
  const card = cardByLabel(page, 'Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực');
  await openEditor(card);
  await scan('target editor');
  const other = cardByLabel(page, 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh');
  const form = await openProgress(other);
  await form.locator(tid('entry-numerator')).fill('10.000');
  await form.locator(tid('entry-denominator')).fill('17.087');
  await scan('progress form');
  await page.locator(tid('lang-en')).click();
  await page.locator(tid('summary-headline')).waitFor();
  await scan('plan page in English');
  await page.locator(tid('lang-vi')).click();

  await page.locator('a.brand').click();
  await page.locator(tid('import-input')).setInputFiles([
    path.join(FIXTURES, 'valid', 'plan-v1-base.json'),
    path.join(FIXTURES, 'invalid', 'numerator-above-denominator.json'),
  ]);
  await page.locator(tid('review-row')).nth(1).waitFor();
  await scan('import report');
  await page.locator(tid('review-apply')).click();
  await page.locator(tid('import-log')).locator('summary').click();
  await scan('import log');

  const dir = path.join(FIXTURES, 'consolidation');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  await page.locator(tid('import-input')).setInputFiles(files);
  await page.locator(tid('review-apply')).click();
  await page.locator(tid('open-consolidation')).click();
  await page.locator(tid('matrix-row')).first().waitFor();
  await scan('consolidation');

  // A second tab only views the workbook.
  const second = await context.newPage();
  watchErrors(second, pageErrors);
  await openApp(second, page.url());
  await second.locator(tid('read-only-tab')).waitFor();
  for (const v of await violations(second)) report.push(`second tab (viewing): ${v}`);
  await second.close();

  expect(report, report.join('\n')).toEqual([]);
});
