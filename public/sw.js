/*
 * HomNet Review service worker: makes the app work offline once loaded. It caches only this origin's
 * files (the app shell and every built asset listed in precache.json, then whatever else the app
 * fetches, such as the model); it never contacts another origin. Navigations and the model index go
 * to the network first so that a new build or model is picked up when online.
 */
const CACHE = 'homnet-review-v1';
const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let files = [];
      try {
        const response = await fetch(scopeUrl('precache.json'), { cache: 'no-store' });
        if (response.ok) files = await response.json();
      } catch {
        files = [];
      }
      await cache.addAll([scopeUrl('./'), ...files.map(scopeUrl)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl ?? request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, scopeUrl('./')));
  } else if (url.pathname.endsWith('/models/index.json') || url.pathname.endsWith('/precache.json')) {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
