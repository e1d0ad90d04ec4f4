import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The static shell's boot script is inlined in the page as it is (src/hooks.server.ts); the CSP
// allows exactly these bytes by their hash, so an edit to the file updates both.
const bootScript = readFileSync(
	path.join(path.dirname(fileURLToPath(import.meta.url)), 'src/lib/shell/boot.js'),
	'utf8'
);
const bootHash = /** @type {`sha256-${string}`} */ (
	`sha256-${createHash('sha256').update(bootScript).digest('base64')}`
);

// A second build beside the usual one (the update e2e test builds "the next deploy" this way
// without touching build/ or .svelte-kit/, which other builds may be using at the same time).
const outDir = process.env.TRAGT_BUILD_DIR || 'build';
const kitDir = process.env.TRAGT_KIT_DIR || '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: one shell (index.html) serves every route; the service worker caches it.
		adapter: adapter({ pages: outDir, assets: outDir, fallback: 'index.html' }),
		outDir: kitDir,
		// Offline deep links: the cached shell must load /_app/... absolutely, not ./_app.
		paths: { relative: false },
		// workbox-window in the page registers the service worker (update prompt).
		serviceWorker: { register: false },
		// Content-Security-Policy (a <meta> in the shell: the host sends no headers). Only our own
		// origin: no third-party origins, no eval. SvelteKit adds the hash of its one inline
		// bootstrap script; ours (the static shell's boot script) is allowed by its hash too.
		// Styles allow 'unsafe-inline': Svelte sets style attributes and transitions insert
		// <style> elements; styles cannot run code. Workers are built as files ('self');
		// downloads use blob: URLs, which are navigations, not fetches.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', bootHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
