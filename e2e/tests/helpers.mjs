// Shared helpers for the end-to-end specs.
//
// * `test` is Playwright's test with the page's uncaught errors (`pageerror`: wasm panics,
//   exceptions in the glue) and every Content-Security-Policy violation (docs/security.md)
//   collected for every page of every context and asserted empty when the test ends, so no
//   spec can forget it. A test that provokes a violation on purpose takes it out of
//   `pageErrors` with `takeCspViolations` (see csp.spec.mjs).
// * Selectors are the app's `data-testid` attributes (see src/components/*.rs).
// * The browser runs in vi-VN (e2e/playwright.config.mjs), so the interface is Vietnamese.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', '.artifacts');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** How a Content-Security-Policy violation starts in `pageErrors`. */
export const CSP_VIOLATION = 'Content-Security-Policy violation';

/**
 * Collects uncaught page errors of a page into `sink`, and the console errors Chromium prints
 * for Content-Security-Policy violations ("Refused to … because it violates the following
 * Content Security Policy directive …").
 */
export function watchErrors(page, sink) {
  page.on('pageerror', (err) => sink.push(`${err.name}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
      sink.push(`${CSP_VIOLATION} (console): ${msg.text()}`);
    }
  });
}

/**
 * Records every `securitypolicyviolation` event of every page of `context` (present and
 * future, across navigations) into `sink`: a script in each document listens from its very
 * start and reports through a binding to the test process.
 */
export async function watchCspViolations(context, sink) {
  await context.exposeBinding('__e2eCspViolation', ({ page }, v) => {
    sink.push(
      `${CSP_VIOLATION} (event): ${v.directive} blocked ${v.blocked || '(inline)'}` +
        ` at ${v.source || page.url()}:${v.line}${v.sample ? ` sample ${JSON.stringify(v.sample)}` : ''}`,
    );
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__e2eCspViolation({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: e.sourceFile,
          line: e.lineNumber,
          sample: e.sample,
        });
      },
      true,
    );
  });
}

/** Removes the Content-Security-Policy violations from `sink` and returns them. */
export function takeCspViolations(sink) {
  const taken = sink.filter((e) => e.startsWith(CSP_VIOLATION));
  const rest = sink.filter((e) => !e.startsWith(CSP_VIOLATION));
  sink.splice(0, sink.length, ...rest);
  return taken;
}

export const test = base.extend({
  pageErrors: async ({}, use) => {
    const errors = [];
    await use(errors);
    expect(
      errors,
      `uncaught errors or Content-Security-Policy violations in the page:\n${errors.join('\n')}`,
    ).toEqual([]);
  },
  context: async ({ context, pageErrors }, use) => {
    await watchCspViolations(context, pageErrors);
    await use(context);
  },
  page: async ({ page, pageErrors }, use) => {
    watchErrors(page, pageErrors);
    await use(page);
  },
});
export { expect };

/** Options for a context made by hand: the same as the config's (new contexts share nothing). */
export const CONTEXT_OPTIONS = {
  baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 8089}`,
  locale: 'vi-VN',
  viewport: { width: 1366, height: 768 },
  acceptDownloads: true,
};

/** A page in a fresh browser context (empty storage), with its errors and CSP violations collected. */
export async function freshPage(browser, pageErrors) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await watchCspViolations(context, pageErrors);
  const page = await context.newPage();
  watchErrors(page, pageErrors);
  await openApp(page);
  return { context, page };
}

export const tid = (id) => `[data-testid="${id}"]`;

/** Opens the app and waits until the WebAssembly has started and rendered. */
export async function openApp(page, url = '/') {
  await page.goto(url);
  await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('#loading')).toHaveCount(0);
}

/** Waits until the app has finished writing plans to storage (IndexedDB is asynchronous). */
export async function savedToStorage(page) {
  await expect(page.locator(tid('app-ready'))).toHaveAttribute('data-pending-writes', '0');
}

/** Reloads once every change is written, and waits for the app again. */
export async function reloadApp(page) {
  await savedToStorage(page);
  await page.reload();
  await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
}

/**
 * Creates a plan through the new-plan form and waits for its page.
 * Defaults make a ward plan for 2026.
 */
export async function createPlan(page, opts = {}) {
  const p = {
    unit: 'Phường Bình Tân',
    level: 'ward',
    superior: 'UBND Thành phố Hồ Chí Minh',
    year: '2026',
    number: '01/KH-UBND',
    date: '15/01/2026',
    ...opts,
  };
  await page.locator(tid('new-plan')).click();
  const form = page.locator(tid('new-plan-form'));
  await expect(form).toBeVisible();
  await form.locator(tid('new-plan-unit')).fill(p.unit);
  await form.locator(tid('new-plan-level')).selectOption(p.level);
  await form.locator(tid('new-plan-superior')).fill(p.superior);
  await form.locator(tid('new-plan-year')).fill(p.year);
  await form.locator(tid('new-plan-number')).fill(p.number);
  await form.locator(tid('new-plan-date')).fill(p.date);
  await form.locator(tid('new-plan-submit')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText(p.unit);
  return p;
}

/** Opens the one-click example plan. */
export async function loadExample(page) {
  await page.locator(tid('load-example')).click();
  await expect(page.locator(tid('plan-page'))).toBeVisible();
  await expect(page.locator(tid('plan-title'))).toContainText('Quận 2');
}

/**
 * Adds a target of a kind (`ratio`, `value`, `compound`, `milestone`, `free_text`) in an area
 * and returns its card; the editor of a new target opens by itself.
 */
export async function addTarget(page, { kind = 'ratio', area = 'procedures', label } = {}) {
  const before = await page.locator(tid('target-card')).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-target-id')),
  );
  await page.locator(tid('add-target-area')).selectOption(area);
  await page.locator(tid('add-target-kind')).selectOption(kind);
  await page.locator(tid('add-target-submit')).click();
  // The new card is the one whose id was not there before.
  await expect(page.locator(tid('target-card'))).toHaveCount(before.length + 1);
  const ids = await page.locator(tid('target-card')).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-target-id')),
  );
  const id = ids.find((x) => !before.includes(x));
  const card = cardById(page, id);
  await expect(card.locator(tid('target-editor'))).toBeVisible();
  if (label !== undefined) {
    await card.locator(tid('target-label-input')).fill(label);
    await expect(card.locator(tid('target-label'))).toHaveText(label);
  }
  return card;
}

export const cardById = (page, id) => page.locator(`${tid('target-card')}[data-target-id="${id}"]`);

/** The target card whose wording contains `text`. */
export const cardByLabel = (page, text) =>
  page.locator(tid('target-card')).filter({
    has: page.locator(tid('target-label'), { hasText: text }),
  });

/** Makes sure the card's editor is open. */
export async function openEditor(card) {
  const editor = card.locator(tid('target-editor'));
  if (!(await editor.isVisible())) {
    await card.locator(tid('edit-target')).click();
  }
  await expect(editor).toBeVisible();
  return editor;
}

/** Chooses a rule in the card's (single-condition) editor. */
export async function setRule(card, rule, index = 0) {
  const editor = await openEditor(card);
  await editor.locator(tid('rule')).nth(index).selectOption(rule);
}

/** Types a threshold into the editor; `which` is threshold, threshold-min, -max or -previous. */
export async function setThreshold(card, which, value, index = 0) {
  const editor = await openEditor(card);
  const input = editor.locator(tid(which)).nth(index);
  await input.fill(value);
  await expect(input).toHaveValue(value);
}

/** Opens the progress form of a card. */
export async function openProgress(card) {
  const form = card.locator(tid('progress-form'));
  if (!(await form.isVisible())) {
    await card.locator(tid('record-progress')).click();
  }
  await expect(form).toBeVisible();
  return form;
}

/**
 * Records one progress entry. `fields` maps a data-testid (without the `entry-` prefix, e.g.
 * `numerator`, `value`, `first-numerator`, `done-on`) to what is typed.
 */
export async function recordEntry(card, fields, { date } = {}) {
  const form = await openProgress(card);
  if (date !== undefined) await form.locator(tid('entry-date')).fill(date);
  for (const [key, value] of Object.entries(fields)) {
    await form.locator(tid(`entry-${key}`)).fill(value);
  }
  await form.locator(tid('entry-submit')).click();
  await expect(form).toBeHidden();
}

/** The card's status (`met`, `not-met`, `no-data`, `waiting`, `tracked`, …). */
export const statusOf = (card) => card.locator(tid('status')).first();

export async function expectStatus(card, status) {
  await expect(statusOf(card)).toHaveAttribute('data-status', status);
}

/**
 * Everything the app keeps: localStorage by key, and each plan record of IndexedDB as
 * `indexeddb:plans/<id>`, as a plain object sorted by key; by default once pending writes
 * are done (`{ waitForWrites: false }` reads it as it is now).
 */
export async function storageSnapshot(page, { waitForWrites = true } = {}) {
  if (waitForWrites) await savedToStorage(page);
  return page.evaluate(async () => {
    const out = {};
    for (const k of Object.keys(localStorage).sort()) out[k] = localStorage.getItem(k);
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('cchc-workbook');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (db.objectStoreNames.contains('plans')) {
      const store = db.transaction('plans').objectStore('plans');
      const get = (req) => new Promise((resolve) => { req.onsuccess = () => resolve(req.result); });
      const [keys, values] = await Promise.all([get(store.getAllKeys()), get(store.getAll())]);
      keys.forEach((k, i) => { out[`indexeddb:plans/${k}`] = values[i]; });
    }
    db.close();
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** The plan records the app keeps in IndexedDB, by plan id. */
export async function storedPlans(page, options) {
  const all = await storageSnapshot(page, options);
  return Object.fromEntries(Object.entries(all)
    .filter(([k]) => k.startsWith('indexeddb:plans/'))
    .map(([k, v]) => [k.slice('indexeddb:plans/'.length), v]));
}

/** The rows of the workbook table as visible text. */
export async function planRowsText(page) {
  return page.locator(tid('plan-row')).allInnerTexts();
}

/** Goes back to the workbook (the list of plans). */
export async function backToWorkbook(page) {
  await page.locator('a.brand').click();
  await expect(page.locator(tid('plan-page'))).toHaveCount(0);
}

/**
 * What the plan page shows, target by target: wording, status, status words, figures, in
 * page order. Used to compare a plan before and after a round trip.
 */
export async function planPageSnapshot(page) {
  const cards = await page.locator(tid('target-card')).evaluateAll((els) =>
    els.map((el) => ({
      label: el.querySelector('[data-testid="target-label"]')?.textContent ?? '',
      rule: el.querySelector('[data-testid="target-rule"]')?.textContent ?? '',
      status: el.getAttribute('data-status'),
      statusText: el.querySelector('[data-testid="status"]')?.textContent ?? '',
      values: [...el.querySelectorAll('[data-testid="target-value"]')].map((v) => v.textContent),
      margins: [...el.querySelectorAll('[data-testid="target-margin"]')].map((v) => v.textContent),
      history: el.querySelector('[data-testid="show-history"]')?.textContent ?? '',
    })),
  );
  return {
    title: await page.locator(tid('plan-title')).innerText(),
    headline: await page.locator(tid('summary-headline')).innerText(),
    summary: await page.locator(tid('plan-summary')).innerText(),
    unit: await page.locator(tid('plan-unit')).inputValue(),
    level: await page.locator(tid('plan-level')).inputValue(),
    superior: await page.locator(tid('plan-superior')).inputValue(),
    year: await page.locator(tid('plan-year')).inputValue(),
    number: await page.locator(tid('plan-number')).inputValue(),
    date: await page.locator(tid('plan-date')).inputValue(),
    cards,
  };
}

/** Drops files on the page the way a file manager does (a `drop` with a DataTransfer of files). */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({
    name: path.basename(f),
    bytes: [...fs.readFileSync(f)],
  }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/json' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.locator(tid('drop-hint'))).toBeVisible();
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.locator(tid('drop-hint'))).toHaveCount(0);
}

