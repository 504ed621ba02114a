/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline support: every built asset and prerendered page (including the question bank JSON)
// is cached on install, so once the site has loaded it works without a network. The export
// files for other tools (/data/export/, several MB) are left out: students never need them
// offline, and a teacher downloading one is online.
import { base, build, files, prerendered, version } from '$service-worker';
import { offlinePage } from '$lib/offline-page';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `crm-study-${version}`;
// Also left out: KaTeX's legacy .ttf/.woff fonts (every browser with service workers takes
// .woff2), /data/concepts.json (published for other tools; no page fetches it) and the FSRS
// optimizer's WASM (1.7 MB), which is fetched only when a student presses 优化参数 and is kept
// by the fetch handler below after that first download.
const ASSETS = [
	...build.filter((path) => !/\.(ttf|woff|wasm)$/.test(path)),
	...files,
	...prerendered.filter((path) => !path.includes('/data/export/') && !path.endsWith('/data/concepts.json'))
];

// A new version installs next to the old one and waits: taking over an open tab would hand the
// old page's scripts this version's data files. The page asks for the switch (SKIP_WAITING)
// when the learner agrees or at a navigation with nothing in progress; until then each
// version answers only from its own cache.
sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Pages are prerendered as /path.html, and navigations ask for /path.
			const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(url.pathname + '.html'));
			if (cached) return cached;
			try {
				const response = await fetch(request);
				if (response.ok && response.type === 'basic') cache.put(request, response.clone());
				return response;
			} catch {
				const fallback = (await cache.match(url.pathname.replace(/\/$/, '') + '.html')) ?? (await cache.match(url.pathname));
				if (fallback) return fallback;
				return new Response(offlinePage(`${base}/`), { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
			}
		})()
	);
});
