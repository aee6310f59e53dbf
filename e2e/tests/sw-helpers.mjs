// Helpers of the offline specs (offline, update, install): a copy of the build served on a
// port of its own, under a sub-path, by a server the test can stop; the service worker.
// docs/offline.md explains what they test.
import { expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, tid } from './helpers.mjs';

export const DIST = path.join(ROOT, 'dist');

/** Every file of a built folder, relative, '/'-separated, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (sub) => {
    for (const e of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The BUILD object written into a sw.js by scripts/sw_hook.py. */
export function buildOf(dir) {
  const text = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  return JSON.parse(text.match(/^const BUILD = (\{.*\});$/m)[1]);
}

/** Runs scripts/sw_hook.py on a folder (as the build does), returns its output. */
export function runSwHook(dir) {
  return execFileSync('python3', [path.join(ROOT, 'scripts', 'sw_hook.py'), dir], { encoding: 'utf8' });
}

/**
 * A copy of dist/ in a new temporary folder, at `<root>/<sub>`; returns both paths. Its files
 * are dated a minute back, as a build deployed earlier would be: Python's server compares
 * `If-Modified-Since` to the second, so a file a test rewrites within the second the browser
 * first fetched it would otherwise be answered "304 not modified", and the browser would keep
 * the old copy for good.
 */
export function copyDist(sub = 'cchc/') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sw-'));
  const app = path.join(root, sub);
  fs.cpSync(DIST, app, { recursive: true });
  const earlier = new Date(Date.now() - 60_000);
  for (const f of fs.readdirSync(app, { recursive: true })) {
    fs.utimesSync(path.join(app, f), earlier, earlier);
  }
  return { root, app };
}

/**
 * Serves `dir` with Python's static server on 127.0.0.1:`port` (8095–8099: the config's
 * server keeps 8089) until `stop()`.
 */
export async function serve(dir, port) {
  const origin = `http://127.0.0.1:${port}`;
  const status = () => fetch(`${origin}/`).then((r) => r.status, () => 0);
  expect(await status(), `port ${port} is free`).toBe(0);
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  await expect.poll(status, { timeout: 10_000 }).toBe(200);
  expect(child.exitCode, `the server of ${dir} runs`).toBe(null);
  return {
    origin,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    }),
  };
}

/** Waits until a service worker controls the page (first visit: after it has precached). */
export async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), {
    timeout: 15_000,
  }).toBe('activated');
}

/** The page's caches: name -> cached URLs, sorted. */
export function cachesOf(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** Opens the app at `url`, waits for it and for the service worker. */
export async function openControlled(page, url) {
  await page.goto(url);
  await expect(page.locator(tid('app-ready'))).toBeAttached({ timeout: 15_000 });
  await waitForServiceWorker(page);
}
