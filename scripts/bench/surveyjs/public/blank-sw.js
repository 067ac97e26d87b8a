// The blank page's service worker (benchmark floor): caches the page on install, then serves
// it from the cache, as the app's Workbox worker serves the app.
const CACHE = 'blank-v1';
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add('./blank.html'))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname.endsWith('/blank.html')) {
    event.respondWith(caches.match('./blank.html').then((hit) => hit ?? fetch(event.request)));
  }
});
