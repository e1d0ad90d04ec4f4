/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The offline app: every file of this build (lazy chunks such as ECharts and the grid included),
// the static files and the SPA shell are cached under one cache per version at install. Pages
// and assets come from that cache first, so after one visit the whole app runs with no network.
//
// Updates: a new build installs beside the running one and waits. It takes over only when the
// person clicks "Reload" (the page posts SKIP_WAITING through workbox-window), so an open tab
// keeps being served its own version's chunks until then. Activation deletes older caches.
import { base, build, files, prerendered, version } from '$service-worker';
import { cacheNameFor, isOwnCache, precacheList, SKIP_WAITING } from './lib/pwa/precache';
import { INBOX_CACHE, receiveShared, SHARE_TARGET_PATH } from './lib/pwa/share-inbox';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheNameFor(version);
const SHELL = base + '/';
const ASSETS = precacheList({ build, files, prerendered, shell: SHELL });
const ASSET_SET = new Set(ASSETS);
/**
 * Cache lookups ignore Vary: the cache holds one response per path, so the request's own
 * headers do not matter: static hosts send `Vary: Accept-Encoding`, and Firefox fetches the tab
 * icon with other request headers than the install did, so a match honouring Vary missed it and
 * went to the network (an error offline).
 */
const ONE_PER_PATH: CacheQueryOptions = { ignoreVary: true };

/** Paths that name a file rather than an app route (routes have no extension). */
const FILE_PATH = /\.(html?|js|mjs|json|css|txt|xml|csv|map|wasm)$/i;

sw.addEventListener('install', (event) => {
	// No skipWaiting here: the new version waits until the person chooses to reload.
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// 'reload' bypasses the HTTP cache: the shell is served with no-cache, and a stale
			// copy from the browser's cache would pair the old shell with the new chunks.
			await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })));
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			let first = true;
			for (const key of await caches.keys()) {
				// The share inbox holds files waiting for the import page: never a stale version.
				if (key === CACHE || key === INBOX_CACHE || !isOwnCache(key)) continue;
				first = false;
				await caches.delete(key);
			}
			// The very first install: the open tab runs this same version, so take it over at once
			// and serve its lazy chunks from the cache (a deploy before its next reload cannot then
			// leave it asking the server for chunks that are gone). Updates never claim: their tabs
			// run older code and switch only through "Reload".
			if (first) await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	// "Share → Tragt" from another app: the files wait in the inbox for the import page.
	if (
		request.method === 'POST' &&
		url.origin === sw.location.origin &&
		url.pathname === base + SHARE_TARGET_PATH
	) {
		event.respondWith(receiveShared(request, base));
		return;
	}
	if (request.method !== 'GET') return;
	if (url.origin !== sw.location.origin) return;
	// version.json must come from the network: SvelteKit compares it to notice a new deploy.
	if (url.pathname.endsWith('/_app/version.json')) return;

	if (request.mode === 'navigate') {
		// Files that are not ours (e.g. the benchmark harness under /__bench/) are not app routes.
		if (!ASSET_SET.has(url.pathname) && FILE_PATH.test(url.pathname)) return;
		event.respondWith(navigate(request));
		return;
	}
	if (ASSET_SET.has(url.pathname)) {
		event.respondWith(fromCache(url.pathname, request));
	}
	// Anything else (nothing the app needs) goes to the network as usual.
});

/** Every route is the same SPA shell, served from this version's cache (offline included). */
async function navigate(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const url = new URL(request.url);
	// A real file (e.g. /manifest.webmanifest opened directly) is served as itself.
	if (ASSET_SET.has(url.pathname) && url.pathname !== SHELL) {
		return (await cache.match(url.pathname, ONE_PER_PATH)) ?? fetch(request);
	}
	// The cached shell belongs to this worker's version: serving a newer shell from the network
	// would load chunks this cache does not hold, so the shell always comes from the cache while
	// it is there. Updates arrive through the waiting worker, not through the shell.
	const cached = await cache.match(SHELL, ONE_PER_PATH);
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch {
		return new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } });
	}
}

/** This version's copy of a file; fetched and kept only if the browser cleared the cache. */
async function fromCache(path: string, request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(path, ONE_PER_PATH);
	if (cached) return cached;
	// Not cached (the cache was cleared by the browser): fetch it and keep it for next time.
	const response = await fetch(request);
	if (response.ok) await cache.put(path, response.clone());
	return response;
}
