// The Content-Security-Policy (docs/security.md): the built page carries it, the app runs
// under it without a single violation, and what an attacker would inject is blocked and
// reported. Every other spec also fails on any violation (the shared fixture in helpers.mjs).
import {
  test, expect, tid, openApp, loadExample, takeCspViolations,
} from './helpers.mjs';

/** The policy of index.html, directive by directive. A change here is a security decision. */
const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

const parsePolicy = (text) =>
  Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((w) => w[0])
      .map(([name, ...sources]) => [name, sources]),
  );

/** Waits until the violations recorded so far match `patterns` (one each, in any order), then
 * takes them out of `pageErrors` so that the fixture does not fail the test on them. */
async function expectViolations(pageErrors, patterns) {
  await expect
    .poll(() => patterns.every((p) => pageErrors.some((e) => p.test(e))), { timeout: 5_000 })
    .toBe(true);
  const taken = takeCspViolations(pageErrors);
  for (const p of patterns) {
    expect(taken.some((e) => p.test(e)), `a violation matching ${p}:\n${taken.join('\n')}`).toBe(true);
  }
  return taken;
}

test('the served page carries the policy above every script and stylesheet, and no inline script', async ({ page, request }) => {
  // The HTML exactly as served, before any script runs.
  const html = await (await request.get('/')).text();
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
  expect(metas).toHaveLength(1);
  expect(parsePolicy(metas[0][1])).toEqual(POLICY);
  const metaAt = metas[0].index;
  for (const m of html.matchAll(/<script\b|<link\b[^>]*rel="(?:stylesheet|modulepreload|preload)"|<style\b/g)) {
    expect(m.index, `${m[0]} comes after the policy`).toBeGreaterThan(metaAt);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(m[1], 'every script is loaded from a file').toMatch(/\ssrc="\.\/[^"/]+\.js"/);
    expect(m[2].trim()).toBe('');
  }
  expect(html).not.toMatch(/\sstyle="|\son[a-z]+="/i);
  // Trunk's bootstrap, moved into a file by scripts/csp_hook.py, with its integrity.
  expect(html).toMatch(/<script type="module" src="\.\/bootstrap-[0-9a-f]{16}\.js" integrity="sha384-[^"]+"><\/script>/);

  await openApp(page);
  const live = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(parsePolicy(live)).toEqual(POLICY);
});

test('the app starts and shows the example plan without any violation; the meter keeps its width', async ({ page, pageErrors }) => {
  await openApp(page);
  await loadExample(page);
  const headline = await page.locator(tid('summary-headline')).innerText();
  const [, met, gauged] = headline.match(/^(\d+)\/(\d+) /).map(Number);
  // The fill's width is set through the CSSOM (`style:width`), which the policy allows; a
  // `style="…"` attribute would have been dropped and the fill would have no width.
  const ratio = await page.locator('.summary .meter-fill').evaluate((fill) =>
    fill.getBoundingClientRect().width / fill.parentElement.clientWidth);
  expect(met).toBeGreaterThan(0);
  expect(ratio).toBeCloseTo(met / gauged, 2);
  expect(takeCspViolations(pageErrors)).toEqual([]);
});

test('an injected inline event handler does not run, and the violation is reported', async ({ page, pageErrors }) => {
  await openApp(page);
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="x-does-not-exist.png" onerror="window.__pwned = 1">';
    document.body.append(box);
  });
  // Chromium reports it twice: on the console and as a `securitypolicyviolation` event.
  await expectViolations(pageErrors, [
    /\(event\): script-src-attr blocked inline/,
    /\(console\): Executing inline event handler violates/,
  ]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The app is still alive.
  await expect(page.locator(tid('app-ready'))).toBeAttached();
});

test('an injected inline script, eval and a style attribute are all blocked and reported', async ({ page, pageErrors }) => {
  await openApp(page);

  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 2';
    document.head.append(s);
  });
  await expectViolations(pageErrors, [/\(event\): script-src-elem blocked inline/]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  // page.evaluate runs through DevTools, which is exempt from the policy; so eval is called
  // from a timer, as page code would call it.
  await page.evaluate(() => {
    setTimeout(() => {
      try {
        window.__evaluated = String(eval('6 * 7')); // eslint-disable-line no-eval
      } catch (e) {
        window.__evaluated = e.name;
      }
    });
  });
  await expect.poll(() => page.evaluate(() => window.__evaluated)).toBe('EvalError');
  await expectViolations(pageErrors, [/\(event\): script-src blocked eval/]);

  const width = await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<div id="styled" style="width: 123px; position: absolute">x</div>';
    document.body.append(box);
    return getComputedStyle(document.getElementById('styled')).width;
  });
  expect(width).not.toBe('123px');
  await expectViolations(pageErrors, [/\(event\): style-src-attr blocked inline/]);
});
