// A province's plans over a whole year fit the browser's storage: 168 commune plans (Hồ Chí
// Minh City) with a progress entry every month for each of their 32 targets, kept in
// IndexedDB. The same records do not fit localStorage, which is why plans live in IndexedDB
// (docs/storage.md). The test prints the figures it measured.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, tid, openApp, reloadApp, savedToStorage, storageSnapshot, FIXTURES,
} from './helpers.mjs';

const PLANS = 168;
const ENTRIES = 12;
const WARD = path.join(FIXTURES, 'consolidation', 'ke-hoach-cchc_xa-an-loc_2026_2026-06-30.json');

/** 168 stored plan records made from one ward's plan: other ids, names and codes, and 12
 * dated entries per target instead of one. Stored records are not hash-checked (the app wrote
 * them), so the envelope keeps the ward's hash. */
function provincePlans() {
  const file = JSON.parse(fs.readFileSync(WARD, 'utf8'));
  const records = [];
  for (let i = 0; i < PLANS; i++) {
    const plan = structuredClone(file.plan);
    plan.id = `scale-${String(i).padStart(3, '0')}`;
    plan.unit.id = String(27000 + i);
    plan.unit.name = `Phường Thử ${i + 1}`;
    for (const t of plan.targets) {
      const first = t.entries[0];
      if (!first) continue;
      t.entries = Array.from({ length: ENTRIES }, (_, k) => ({
        ...structuredClone(first),
        id: `e-${String(k + 1).padStart(2, '0')}`,
        date: new Date(Date.UTC(2026, 0, 1 + 15 * k)).toISOString().slice(0, 10),
      }));
    }
    records.push([plan.id, JSON.stringify({ ...file, plan })]);
  }
  return records;
}

test('168 plans with a year of monthly progress fit in IndexedDB, not in localStorage', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const records = provincePlans();
  const chars = records.reduce((n, [, text]) => n + text.length, 0);

  // localStorage refuses them well before the last one.
  const local = await page.evaluate((records) => {
    let fitted = 0;
    let error = '';
    try {
      for (const [id, text] of records) {
        localStorage.setItem(`probe.${id}`, text);
        fitted++;
      }
    } catch (e) {
      error = e.name;
    }
    for (const [id] of records) localStorage.removeItem(`probe.${id}`);
    return { fitted, error };
  }, records);
  expect(local.error).toBe('QuotaExceededError');
  expect(local.fitted).toBeLessThan(PLANS);

  // IndexedDB keeps every one.
  await page.evaluate(async (records) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('cchc-workbook');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('plans', 'readwrite');
    for (const [id, text] of records) tx.objectStore('plans').put(text, id);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, records);
  await reloadApp(page);
  await expect(page.locator(tid('plan-row'))).toHaveCount(PLANS);
  await expect(page.locator(tid('save-failed'))).toHaveCount(0);

  // And the workbook keeps saving: an edit of one of them is written.
  await page.locator('.plan-link', { hasText: 'Phường Thử 168' }).click();
  await page.locator(tid('plan-superior')).fill('UBND Thành phố Hồ Chí Minh (thử)');
  await savedToStorage(page);
  await expect(page.locator(tid('save-failed'))).toHaveCount(0);
  const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  console.log(
    `[storage-scale] ${PLANS} plans × ${ENTRIES} entries per target: ${chars} characters ` +
      `(${Math.round(chars / PLANS)} per plan); localStorage took ${local.fitted} of them; ` +
      `IndexedDB took all (navigator.storage.estimate usage ${estimate} B)`,
  );
});

test('plans an earlier version kept in localStorage move into IndexedDB, nothing lost', async ({ page }) => {
  const text = fs.readFileSync(path.join(FIXTURES, 'valid', 'plan-v1-base.json'), 'utf8');
  await page.addInitScript((text) => {
    // Once, as an earlier version of the app left it.
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('cchc.plan.from-v1', text);
      localStorage.setItem('cchc.plan.broken', '{ not a plan');
    }
  }, text);
  await openApp(page);
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
  // The unreadable entry is reported, and kept.
  await expect(page.locator(tid('notice-error'))).toContainText('cchc.plan.broken');
  // It is listed on the workbook page and downloads exactly as stored.
  const entry = page.locator(tid('unreadable-entry'));
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('cchc.plan.broken');
  const download = page.waitForEvent('download');
  await entry.locator(tid('download-raw')).click();
  const raw = await download;
  expect(raw.suggestedFilename()).toBe('muc-khong-doc-duoc_cchc.plan.broken.json');
  expect(fs.readFileSync(await raw.path(), 'utf8')).toBe('{ not a plan');
  const stored = await storageSnapshot(page);
  expect(Object.keys(stored).filter((k) => k.startsWith('cchc.plan.'))).toEqual([]);
  expect(stored['indexeddb:plans/from-v1']).toBe(text);
  expect(stored['indexeddb:plans/broken']).toBe('{ not a plan');
  await reloadApp(page);
  await expect(page.locator(tid('plan-row'))).toHaveCount(1);
});
