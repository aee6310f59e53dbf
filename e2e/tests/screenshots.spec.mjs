// Full-page screenshots of every screen at 1366×768 (an office laptop), written to
// e2e/.artifacts/screenshots/ (gitignored) for people to look at. Nothing here judges the
// visuals: a screen that cannot be reached is skipped with a note, never a failure.
import path from 'node:path';
import { mkdir, readdir } from 'node:fs/promises';
import {
  test, tid, openApp, loadExample, cardByLabel, openEditor, openProgress, FIXTURES, ARTIFACTS,
} from './helpers.mjs';

const DIR = path.join(ARTIFACTS, 'screenshots');

test('screenshots of every screen', async ({ page }) => {
  test.setTimeout(60_000);
  await mkdir(DIR, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  const missed = [];
  const shot = async (name, prepare) => {
    try {
      await prepare();
      // Let the layout settle (fonts, SVG) before taking the picture.
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true });
    } catch (e) {
      missed.push(`${name}: ${e.message.split('\n')[0]}`);
    }
  };

  await shot('01-empty-workbook', async () => {
    await openApp(page);
  });
  await shot('02-new-plan-form', async () => {
    await page.locator(tid('new-plan')).click();
    await page.locator(tid('new-plan-unit')).fill('Phường Bình Tân');
    await page.locator(tid('new-plan-number')).fill('01/KH-UBND');
    await page.locator(tid('new-plan-date')).fill('30/02/2019');
    await page.locator(tid('new-plan-date-error')).waitFor();
  });
  await shot('03-plan-page-example', async () => {
    await page.getByRole('button', { name: /^Hu[ỷủ]$/ }).click();
    await loadExample(page);
  });
  await shot('03b-reporting-card-with-snapshot', async () => {
    const reporting = page.locator(tid('reporting'));
    await reporting.locator(tid('cutoffs')).locator('summary').click();
    await reporting.locator(tid('snapshot-period')).selectOption('six_months');
    await reporting.locator(tid('take-snapshot')).click();
    await reporting.locator(tid('snapshot-toggle')).click();
    await reporting.locator(tid('snapshot-figure')).first().waitFor();
  });
  await shot('04-target-editor-open', async () => {
    const card = cardByLabel(page, 'Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực');
    await openEditor(card);
    await card.scrollIntoViewIfNeeded();
  });
  await shot('05-progress-form-open', async () => {
    const card = cardByLabel(page, 'Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh');
    const form = await openProgress(card);
    await form.locator(tid('entry-numerator')).fill('10.000');
    await form.locator(tid('entry-denominator')).fill('17.087');
  });
  await shot('06-plan-page-english', async () => {
    await page.locator(tid('lang-en')).click();
    await page.locator(tid('summary-headline')).waitFor();
  });
  await shot('07-workbook-with-plan', async () => {
    await page.locator(tid('lang-vi')).click();
    await page.locator('a.brand').click();
    await page.locator(tid('plan-row')).first().waitFor();
  });
  await shot('08-import-report', async () => {
    await page.locator(tid('import-input')).setInputFiles([
      path.join(FIXTURES, 'valid', 'plan-v1-base.json'),
      path.join(FIXTURES, 'invalid', 'numerator-above-denominator.json'),
      path.join(FIXTURES, 'invalid', 'excalidraw.json'),
    ]);
    await page.locator(tid('review-row')).nth(2).waitFor();
  });
  await shot('09-import-log', async () => {
    await page.locator(tid('review-apply')).click();
    await page.locator(tid('import-log')).locator('summary').click();
    await page.locator(tid('log-row')).first().scrollIntoViewIfNeeded();
  });

  await shot('10-consolidation', async () => {
    const dir = path.join(FIXTURES, 'consolidation');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
    await page.locator('a.brand').click();
    await page.locator(tid('import-input')).setInputFiles(files);
    await page.locator(tid('review-apply')).click();
    await page.locator(tid('open-consolidation')).click();
    await page.locator(tid('matrix-row')).first().waitFor();
  });
  await shot('11-consolidation-matrix', async () => {
    await page.locator(tid('matrix')).scrollIntoViewIfNeeded();
  });
  await shot('12-consolidation-english', async () => {
    await page.locator(tid('lang-en')).click();
    await page.locator(tid('matrix-row')).first().waitFor();
  });

  // A second tab of the same workbook only views it.
  await page.locator(tid('lang-vi')).click();
  const second = await page.context().newPage();
  await second.setViewportSize({ width: 1366, height: 768 });
  try {
    await openApp(second, page.url());
    await second.locator(tid('read-only-tab')).waitFor();
    await second.waitForTimeout(150);
    await second.screenshot({ path: path.join(DIR, '13-second-tab-viewing.png') });
  } catch (e) {
    missed.push(`13-second-tab-viewing: ${e.message.split('\n')[0]}`);
  }
  await second.close();

  if (missed.length) test.info().annotations.push({ type: 'screenshots missed', description: missed.join('\n') });
  console.log(`screenshots in ${DIR}${missed.length ? `; missed:\n${missed.join('\n')}` : ''}`);
});
