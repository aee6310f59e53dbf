// Service worker of the CCHC Workbook (docs/offline.md). The build writes it as sw.js next to
// index.html (scripts/sw_hook.py fills in BUILD): edit js/sw.js, never dist/sw.js.
'use strict';
const BUILD = /*BUILD*/ { version: '', files: [], boot: '' };
// One cache per build and per place the app is served from (several copies of the app may
// share an origin): "cchc-workbook <folder URL> <hash of every precached file>".
const ROOT = new URL('./', self.location).href;
const PREFIX = `cchc-workbook ${ROOT} `;
const CACHE = PREFIX + BUILD.version;
const INDEX = `${ROOT}index.html`;
const FILES = new Set(BUILD.files.map((f) => new URL(f, ROOT).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'no-cache': revalidated with the server (a 304 costs nothing), never a stale HTTP copy.
    await cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'no-cache' })));
    // A deploy during the install would mix two builds: fail; the browser tries again later.
    if (!(await (await cache.match(INDEX)).text()).includes(BUILD.boot)) {
      await caches.delete(CACHE);
      throw new Error(`${INDEX} is of another build`);
    }
  })());
  // No skipWaiting: a new version waits until the page offers it and the user accepts.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// Cache first, network when missing. Navigations to the folder (any query) get index.html.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = request.url.split('#')[0];
  const path = url.split('?')[0];
  const index = path === ROOT || path === INDEX;
  if (request.method !== 'GET' || !(index || FILES.has(url))) return;
  event.respondWith((async () =>
    (await caches.match(index ? INDEX : request, { cacheName: CACHE, ignoreSearch: index }))
      || fetch(request))());
});
