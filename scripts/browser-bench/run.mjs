// Opens the browser benchmark page in Debian's headless Chromium and prints its figures.
// The files are served from disk through Playwright's request routing: no server, no network.
//   node scripts/browser-bench/run.mjs DIR
// With BENCH_CPU_PROFILE=FILE, also writes Chromium's CPU profile of the whole run to FILE
// (a .cpuprofile, for Chromium's DevTools or any reader of that JSON).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/browser-bench/run.mjs DIR');
  process.exit(2);
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.route('http://localhost/**', (route) => {
    const name = path.basename(new URL(route.request().url()).pathname) || 'index.html';
    const file = path.join(dir, name);
    // Cross-origin isolation gives performance.now() a 5 µs resolution instead of 100 µs,
    // which the step-by-step figures need.
    route.fulfill({
      body: readFileSync(file),
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    });
  });
  page.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
  const profileTo = process.env.BENCH_CPU_PROFILE;
  const cdp = profileTo ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto('http://localhost/index.html');
  await page.waitForFunction(() => Array.isArray(window.__results), null, { timeout: 600_000, polling: 500 });
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  const results = await page.evaluate(() => window.__results);
  const version = browser.version();
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  console.log(`browser benchmark (Chromium ${version}, headless; timer ${isolated ? '5' : '100'} µs):`);
  for (const r of results) console.log(`  ${r}`);
  if (results.some((r) => r.startsWith('error'))) process.exitCode = 1;
} finally {
  await browser.close();
}
