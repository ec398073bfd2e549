// Tellus service worker: keeps the app and the surveys this device has opened working
// offline. Answers themselves are kept by the app's outbox (IndexedDB), not here.
const CACHE = 'tellus-v5';

// Cache the page and every asset it names (Trunk gives them content-hashed names).
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('/', { cache: 'no-store' });
    const html = await page.clone().text();
    await cache.put('/', page);
    const assets = [...html.matchAll(/(?:href|src|import[^'"]*)=?\s*['"](\/[^'"]+\.(?:js|wasm|css|svg))['"]/g)].map((m) => m[1]);
    const wasm = [...html.matchAll(/['"](\/[^'"]+_bg\.wasm)['"]/g)].map((m) => m[1]);
    await cache.addAll([...new Set([...assets, ...wasm])]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw offline;
  }
}

async function navigation(request) {
  const cache = await caches.open(CACHE);
  const plain = new URL(request.url).pathname === '/';
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(plain ? '/' : request, response.clone());
    return response;
  } catch (offline) {
    const cached = (await cache.match(request)) || (await cache.match('/'));
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The staff workspace and the events app are separate apps that need the network; never
  // cache their pages as the survey page.
  const elsewhere = ['/manage', '/event', '/join', '/you-said-we-did', '/results'];
  if (elsewhere.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
  if (request.mode === 'navigate') {
    // Every page of the app is the same single page, but a survey's pages come drawn by
    // the server: kept under their own address, with the plain page for any other offline.
    event.respondWith(navigation(request));
  } else if (url.pathname === '/api/consultations' || url.pathname.startsWith('/api/surveys/')) {
    event.respondWith(networkFirst(request));
  } else if (!url.pathname.startsWith('/api/')) {
    event.respondWith(cacheFirst(request));
  }
});
