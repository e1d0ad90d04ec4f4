// `npm run bench`: runs every benchmark in tests/bench and prints one table.
//
// Each benchmark is a TypeScript module run with tsx in its own process (so one benchmark's
// heap does not skew the next). It prints result lines `BENCH {json}` with
//   { figure, median, unit, target?, better: 'lower' | 'higher', runs?, note? }
// Browser benchmarks get BENCH_URL (scripts/serve.mjs serving the production build)
// and CHROMIUM_PATH. Options: `npm run bench -- kpi` runs only files whose name contains "kpi".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(path.join(root, 'tests/bench'))
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => filters.length === 0 || filters.some((k) => f.includes(k)))
	.sort();

const needsBrowser = files.some((f) => f.includes('.browser.'));
let server;
const port = Number(process.env.BENCH_PORT ?? 4399);
if (needsBrowser) {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		console.error(`Chromium not found at ${chromium}: apt-get install -y chromium`);
		process.exit(1);
	}
	console.error('building the app for the browser benchmarks...');
	const b = spawnSync('npm', ['run', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (b.status !== 0) process.exit(b.status ?? 1);
	// The harness (tests/bench/harness) is built into build/__bench: same origin as the app.
	const h = spawnSync('npm', ['run', 'build:harness'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (h.status !== 0) process.exit(h.status ?? 1);
	server = spawn(
		process.execPath,
		['scripts/serve.mjs', '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: root, stdio: 'ignore' }
	);
	await waitForServer(`http://127.0.0.1:${port}/`);
}

const rows = [];
let failed = false;
for (const f of files) {
	console.error(`running ${f}...`);
	const out = await run(f);
	for (const line of out.split('\n')) {
		if (!line.startsWith('BENCH ')) continue;
		rows.push(JSON.parse(line.slice(6)));
	}
}
server?.kill();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
	`\nMachine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`
);
const table = [['figure', 'median', 'target', 'met', 'note']];
for (const r of rows) {
	const met =
		r.target === undefined
			? '-'
			: (r.better === 'higher' ? r.median >= r.target : r.median <= r.target)
				? 'yes'
				: 'NO';
	if (met === 'NO') failed = true;
	table.push([
		r.figure,
		`${fmt(r.median)} ${r.unit}`,
		r.target === undefined
			? '-'
			: `${r.better === 'higher' ? '>=' : '<='} ${fmt(r.target)} ${r.unit}`,
		met,
		r.note ?? ''
	]);
}
const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
for (const [i, r] of table.entries()) {
	console.log('| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |');
	if (i === 0) console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
}
if (failed) {
	console.log('\nSome figures miss their target (see "met").');
	process.exitCode = 1;
}

function fmt(n) {
	if (typeof n !== 'number') return String(n);
	if (Math.abs(n) >= 100) return n.toFixed(0);
	if (Math.abs(n) >= 10) return n.toFixed(1);
	return n.toFixed(2);
}

function run(file) {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[
				'--max-old-space-size=8192',
				'node_modules/tsx/dist/cli.mjs',
				path.join('tests/bench', file)
			],
			{
				cwd: root,
				env: {
					...process.env,
					BENCH_URL: `http://127.0.0.1:${port}`,
					BENCH_HARNESS_URL: `http://127.0.0.1:${port}/__bench/index.html`
				},
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
		});
		child.on('close', (code) => {
			if (code !== 0) {
				console.error(`${file} exited with ${code}`);
				failed = true;
			}
			resolve(out);
		});
	});
}

async function waitForServer(url) {
	for (let i = 0; i < 100; i++) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`preview server did not start at ${url}`);
}
