// Service worker, update offer, launched files: see docs/offline.md (no comments: shipped as is).
'use strict';
(() => {
  const $ = (s) => document.querySelector(s);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const TEXT = {
    vi: ['Đã có phiên bản mới của Sổ kế hoạch CCHC.', 'Tải lại để dùng bản mới', 'Để sau',
      'Các thay đổi chưa lưu xong nên chưa tải lại. Hãy thử lại sau giây lát.'],
    en: ['A new version of the CCHC Workbook is available.', 'Reload to use the new version', 'Later',
      'Changes are not saved yet, so the page was not reloaded. Try again in a moment.'],
  };
  let sw;
  try { sw = navigator.serviceWorker; } catch {}
  const here = document.currentScript.src;
  let bar; let line = 0; let asked = false;

  const render = () => bar && [line, 1, 2].forEach((i, n) => {
    bar.children[n].textContent = TEXT[/^vi/.test(document.documentElement.lang) ? 'vi' : 'en'][i];
  });
  new MutationObserver(render).observe(document.documentElement, { attributeFilter: ['lang'] });

  const saved = (app = $('[data-testid=app-ready]')) =>
    !app || (app.dataset.pendingWrites === '0' && !$('[data-testid=save-failed]'));

  async function reloadNow(reg, button) {
    button.disabled = true;
    dispatchEvent(new Event('cchc:flush'));
    for (let ms = 0; !saved(); ms += 100) {
      if (ms >= 5000) {
        line = 3;
        render();
        button.disabled = false;
        return;
      }
      await sleep(100);
    }
    asked = true;
    if (reg.waiting) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  }

  function offer(reg) {
    if (bar || !reg.waiting || !sw.controller) return;
    bar = document.createElement('div');
    bar.className = 'update-offer';
    bar.setAttribute('role', 'status');
    bar.dataset.testid = 'update-offer';
    bar.innerHTML = '<p></p><button type="button" class="btn btn-primary btn-small" data-testid="update-reload">'
      + '</button><button type="button" class="btn btn-quiet btn-small" data-testid="update-later"></button>';
    const [, reload, later] = bar.children;
    reload.onclick = () => reloadNow(reg, reload);
    later.onclick = () => { bar.remove(); bar = null; };
    line = 0;
    render();
    document.body.append(bar);
  }

  if (sw && !$('script[src*="trunk-autoreload-"]')) {
    sw.addEventListener('controllerchange', () => asked && location.reload());
    addEventListener('load', async () => {
      const reg = await sw.register(new URL('sw.js', here)).catch(() => null);
      if (!reg) return;
      offer(reg);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w.addEventListener('statechange', () => w.state === 'installed' && offer(reg));
      });
      setInterval(() => reg.update().catch(() => {}), 3600e3);
    });
  }

  if ('launchQueue' in window) {
    launchQueue.setConsumer(async ({ files }) => {
      if (!files || !files.length) return;
      const dt = new DataTransfer();
      for (const h of files) dt.items.add(await h.getFile());
      let input;
      while (!(input = $('[data-testid=import-input]'))) await sleep(100);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
})();
