import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: one shell (index.html) serves every route; the service worker caches it.
		adapter: adapter({ fallback: 'index.html' }),
		// Offline deep links: the cached shell must load /_app/... absolutely, not ./_app.
		paths: { relative: false },
		// workbox-window in the page registers the service worker (update prompt).
		serviceWorker: { register: false }
	}
};

export default config;
