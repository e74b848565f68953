// Afterglow's service worker, for the standalone page only (offline.js registers it; a
// clinic page that includes the snippet never does). The release build fills in the
// version and the list of files (.ci/offline.mjs).
//
// - Install: caches every file of this release under its version. It never takes over
//   by itself: a new version waits until the patient chooses "Update now" on the page.
// - Fetch: this release's files come from the cache first, the network only if the
//   cache lost one. Every other request (a clinic's pages on the same origin, anything
//   else) is left alone, so the worker can never change what another page gets.
// - Activate: the caches of older versions are removed.
// Must never make a request of its own beyond installing its files, and never reload a page.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `afterglow-${VERSION}`;
const OWN = new Set(FILES.map((f) => new URL(f, self.registration.scope).href));
const PAGE = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('afterglow-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'afterglow:update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // The page itself, by any of its addresses (with a query, or as index.html).
  const address = url.href.split('?')[0];
  const page = request.mode === 'navigate' && (address === PAGE || address === `${PAGE}index.html`);
  const key = page ? PAGE : url.href;
  if (!page && !OWN.has(key)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key).then((hit) => hit ?? fetch(request))),
  );
});
