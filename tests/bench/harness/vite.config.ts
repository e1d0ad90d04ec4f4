// A bare page that loads project modules for browser benchmarks and tests (no app UI around
// them). It is built into build/__bench/ AFTER the app build, so it is served on the app's own
// origin (same IndexedDB: load M or L data here, then open the app) but never shipped: `npm run
// build` alone does not make it. Each benchmark adds a module under pages/ and calls
// `await window.benchModule('name')` from Playwright to get its exports.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
	root,
	resolve: { alias: { $lib: path.resolve(root, '../../../src/lib') } },
	worker: { format: 'es' },
	base: '/__bench/',
	build: {
		outDir: path.resolve(root, '../../..', process.env.TRAGT_BUILD_DIR || 'build', '__bench'),
		emptyOutDir: true,
		target: 'es2022'
	},
	logLevel: 'warn'
});
