// A bare page that loads project modules for browser benchmarks (no app UI around them),
// built and served by scripts/bench.mjs. Each benchmark adds a module under pages/ and calls
// `await window.benchModule('name')` from Playwright to get its exports.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
	root,
	resolve: { alias: { $lib: path.resolve(root, '../../../src/lib') } },
	worker: { format: 'es' },
	build: { outDir: path.resolve(root, '../../../.bench-out/harness'), emptyOutDir: true, target: 'es2022' },
	logLevel: 'warn'
});
