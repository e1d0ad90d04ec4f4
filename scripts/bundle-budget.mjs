// Bundle budgets, checked against the production build (run `npm run build` first):
// - the JavaScript of the first screen, gzip: the SvelteKit entry, the root layout and the
//   route's page with everything they import statically (the main thread's parse and compile
//   before the first paint). ECharts excluded.
// - the KPI worker script, gzip, on its own: the dashboard needs it for figures, but it loads
//   and compiles on the worker's thread beside the first paint, not before it. (Until stop 10
//   this script meant to add it to the first screen but never found it: the figure left it out.)
// - the ECharts chunk, gzip: src/lib/charts/echarts.ts with its static imports, less what the
//   first screen already holds.
// Prints both figures; exits 1 when a budget is exceeded.
//   node scripts/bundle-budget.mjs [--route /] [--json] [--files]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { firstScreenKiB: 120, echartsKiB: 220, kpiWorkerKiB: 60 };

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const route = opt('route', '/');
const json = args.includes('--json');
// --files: each first-screen file with its gzip size, largest first (to find what grew).
const listFiles = args.includes('--files');

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

// The KPI worker is emitted as its own file (new Worker(new URL(...)) in kpi-client.ts).
const WORKERS_DIR = '_app/immutable/workers';
const workerFiles = readdirSync(path.join(BUILD, WORKERS_DIR))
	.filter((f) => /^kpi\.worker-.*\.js$/.test(f))
	.map((f) => `${WORKERS_DIR}/${f}`);

const echartsKey = 'src/lib/charts/echarts.ts';
const echartsFiles = manifest[echartsKey]
	? [...staticClosure([echartsKey])].filter((f) => !firstScreen.has(f))
	: [];

const sum = (files) => [...files].reduce((s, f) => s + gzipKiB(f), 0);
const firstKiB = sum(firstScreen);
const echartsKiB = sum(echartsFiles);
const kpiWorkerKiB = sum(workerFiles);
// ECharts must never be on the first screen: if it were, it would count there too.
const echartsOnFirst = manifest[echartsKey] && firstScreen.has(manifest[echartsKey].file);

const result = {
	route,
	firstScreenKiB: Math.round(firstKiB * 10) / 10,
	firstScreenFiles: firstScreen.size,
	echartsKiB: Math.round(echartsKiB * 10) / 10,
	echartsFiles: echartsFiles.length,
	kpiWorkerKiB: Math.round(kpiWorkerKiB * 10) / 10,
	budgets: BUDGETS
};
const over = [];
if (firstKiB > BUDGETS.firstScreenKiB) over.push('first screen');
if (echartsKiB > BUDGETS.echartsKiB) over.push('ECharts chunk');
if (kpiWorkerKiB > BUDGETS.kpiWorkerKiB) over.push('KPI worker');
if (workerFiles.length !== 1)
	over.push(`expected one KPI worker script in ${WORKERS_DIR}, found ${workerFiles.length}`);
if (echartsOnFirst) over.push('ECharts is loaded by the first screen');
if (!manifest[echartsKey]) over.push('no ECharts chunk found (src/lib/charts/echarts.ts)');

if (listFiles) {
	for (const f of [...firstScreen].sort((a, b) => gzipKiB(b) - gzipKiB(a))) {
		console.log(`${gzipKiB(f).toFixed(2).padStart(7)} KiB  ${f}`);
	}
}
if (json) {
	console.log(JSON.stringify({ ...result, over }));
} else {
	console.log(
		`First screen JS (${route}): ${result.firstScreenKiB} KiB gzip in ${result.firstScreenFiles} files (budget ${BUDGETS.firstScreenKiB} KiB)`
	);
	console.log(
		`ECharts chunk: ${result.echartsKiB} KiB gzip in ${result.echartsFiles} files (budget ${BUDGETS.echartsKiB} KiB)`
	);
	console.log(
		`KPI worker script: ${result.kpiWorkerKiB} KiB gzip (budget ${BUDGETS.kpiWorkerKiB} KiB)`
	);
	if (over.length) console.error(`Over budget: ${over.join(', ')}`);
}
process.exit(over.length ? 1 : 0);
