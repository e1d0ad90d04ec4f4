// Bundle budgets, checked against the production build (run `npm run build` first):
// - the JavaScript of the first screen, gzip: the SvelteKit entry, the root layout and the
//   route's page with everything they import statically, plus what the dashboard fetches at
//   once to show figures (the KPI worker client and the worker script). ECharts excluded.
// - the ECharts chunk, gzip: src/lib/charts/echarts.ts with its static imports, less what the
//   first screen already holds.
// Prints both figures; exits 1 when a budget is exceeded.
//   node scripts/bundle-budget.mjs [--route /] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { firstScreenKiB: 120, echartsKiB: 220 };

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const route = opt('route', '/');
const json = args.includes('--json');

// Builds beside the usual one (TRAGT_KIT_DIR / TRAGT_BUILD_DIR, see svelte.config.js) are checked too.
const KIT = process.env.TRAGT_KIT_DIR || '.svelte-kit';
const CLIENT = `${KIT}/output/client`;
const BUILD = process.env.TRAGT_BUILD_DIR || 'build';
const manifest = JSON.parse(readFileSync(path.join(CLIENT, '.vite/manifest.json'), 'utf8'));
const appJs = readFileSync(`${KIT}/generated/client-optimized/app.js`, 'utf8');

/** Node indexes a route loads: the root layout, its layouts and its page (from app.js). */
function routeNodes(r) {
	const m = appJs.match(
		new RegExp(`"${r.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}":\\s*\\[(.*?)\\]\\s*,?\\s*\\n`)
	);
	if (!m) throw new Error(`Route ${r} not found in the client dictionary`);
	// `[page]` or `[page, [layouts], [errors]]`; `~` marks a universal load. Errors load only on error.
	const parts = m[1].split('],')[0];
	const nums = [...parts.matchAll(/~?(\d+)/g)].map((x) => Number(x[1]));
	return [...new Set([0, ...nums])];
}

const gz = new Map();
function gzipKiB(file) {
	if (!gz.has(file)) {
		const bytes = readFileSync(path.join(BUILD, file));
		gz.set(file, gzipSync(bytes, { level: 9 }).length / 1024);
	}
	return gz.get(file);
}

/** A manifest entry's file and every file it imports statically, transitively. */
function staticClosure(keys, into = new Set()) {
	for (const key of keys) {
		const entry = manifest[key];
		if (!entry || into.has(entry.file)) continue;
		into.add(entry.file);
		staticClosure(entry.imports ?? [], into);
	}
	return into;
}

// Every route node is an entry in Vite's sense; only the app and the kit runtime load first.
const entryKeys = Object.keys(manifest).filter(
	(k) => manifest[k].isEntry && !k.includes('client-optimized/nodes/')
);
const nodeKeys = routeNodes(route).map((n) => `${KIT}/generated/client-optimized/nodes/${n}.js`);
const firstScreen = staticClosure([...entryKeys, ...nodeKeys]);

// The dashboard asks the KPI worker as soon as it mounts: its client chunk and the worker
// script are part of what the first screen needs before it shows a figure.
const clientKey = 'src/lib/workers/kpi-client.ts';
if (manifest[clientKey]) {
	staticClosure([clientKey], firstScreen);
	for (const asset of manifest[clientKey].assets ?? [])
		if (asset.endsWith('.js')) firstScreen.add(asset);
}

const echartsKey = 'src/lib/charts/echarts.ts';
const echartsFiles = manifest[echartsKey]
	? [...staticClosure([echartsKey])].filter((f) => !firstScreen.has(f))
	: [];

const sum = (files) => [...files].reduce((s, f) => s + gzipKiB(f), 0);
const firstKiB = sum(firstScreen);
const echartsKiB = sum(echartsFiles);
// ECharts must never be on the first screen: if it were, it would count there too.
const echartsOnFirst = manifest[echartsKey] && firstScreen.has(manifest[echartsKey].file);

const result = {
	route,
	firstScreenKiB: Math.round(firstKiB * 10) / 10,
	firstScreenFiles: firstScreen.size,
	echartsKiB: Math.round(echartsKiB * 10) / 10,
	echartsFiles: echartsFiles.length,
	budgets: BUDGETS
};
const over = [];
if (firstKiB > BUDGETS.firstScreenKiB) over.push('first screen');
if (echartsKiB > BUDGETS.echartsKiB) over.push('ECharts chunk');
if (echartsOnFirst) over.push('ECharts is loaded by the first screen');
if (!manifest[echartsKey]) over.push('no ECharts chunk found (src/lib/charts/echarts.ts)');

if (json) {
	console.log(JSON.stringify({ ...result, over }));
} else {
	console.log(
		`First screen JS (${route}): ${result.firstScreenKiB} KiB gzip in ${result.firstScreenFiles} files (budget ${BUDGETS.firstScreenKiB} KiB)`
	);
	console.log(
		`ECharts chunk: ${result.echartsKiB} KiB gzip in ${result.echartsFiles} files (budget ${BUDGETS.echartsKiB} KiB)`
	);
	if (over.length) console.error(`Over budget: ${over.join(', ')}`);
}
process.exit(over.length ? 1 : 0);
