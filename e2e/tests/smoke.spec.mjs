// Smoke test: the release build loads, the wasm app starts and renders, nothing throws.
import { test, expect } from './helpers.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.artifacts');

test('app loads and becomes ready without page errors', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));

  await page.goto('/');
  await expect(page).toHaveTitle('Sổ kế hoạch CCHC');
  await expect(page.locator('[data-testid="app-ready"]')).toBeAttached({ timeout: 15_000 });
  // The app removes the static loading notice once it has started.
  await expect(page.locator('#loading')).toHaveCount(0);

  await page.screenshot({ path: path.join(ARTIFACTS, 'smoke.png'), fullPage: true });
  expect(pageErrors, `uncaught errors in the page:\n${pageErrors.join('\n')}`).toEqual([]);
});
