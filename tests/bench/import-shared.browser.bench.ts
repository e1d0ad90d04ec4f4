// The shared file in Chromium, as a person uses it on the import/export page while holding the
// L demo data (1.44M records) in IndexedDB:
// - export: click "Export Tragt file" until the download starts (read IndexedDB, serialize, Blob);
// - merge: pick a teammate's L file, see the preview, confirm, until the page says it merged.
//   Two teammate files: "team" is my own data as a teammate holds it after a week (2% of the
//   leads edited, 1% of the activities deleted, their own M-sized work added), the usual case
//   for a team that swaps files; "stranger" is a different L workspace (seed 2, no id in
//   common), the worst case: 1.44M new records written next to 1.44M held ones.
// Long main-thread tasks are recorded the whole time (PerformanceObserver 'longtask'). Beside
// each wall time, the CPU time of every process of that Chromium (page, workers, browser) over
// the same span: on a shared machine wall times swell with the load, CPU times much less.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../../src/lib/demo/generate-demo';
import { serializeSharedFile } from '../../src/lib/io/shared-file';
import { teamWorkspace } from './team-workspace';
import { BENCH_HARNESS_URL, BENCH_URL, launchChromium, report } from './bench-util';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-shared-bench-'));
const files = {
	team: path.join(dir, 'teammate-team.json'),
	stranger: path.join(dir, 'teammate-stranger.json')
};
writeFileSync(files.team, serializeSharedFile(teamWorkspace()));
writeFileSync(files.stranger, serializeSharedFile(generateDemo({ size: 'L', seed: 2 })));

/** CPU seconds (user + system) used so far by the processes started with `profile`. */
function chromiumCpu(profile: string): number {
	let ticks = 0;
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
		} catch {
			// The process ended meanwhile.
		}
	}
	return ticks / 100; // USER_HZ
}

let profile = '';
const cpuNow = () => chromiumCpu(profile);

async function withL<T>(fn: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
	profile = mkdtempSync(path.join(dir, 'profile-'));
	const ctx = await launchChromium(profile);
	try {
		const page = await ctx.newPage();
		page.setDefaultTimeout(300_000);
		await page.goto(BENCH_HARNESS_URL);
		await page.evaluate(async () => {
			const m = (await window.benchModule('import-shared')) as {
				loadL: (db: string) => Promise<unknown>;
			};
			await m.loadL('tragt');
		});
		await page.addInitScript(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longTasks.push(e.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${BENCH_URL}/import-export`);
		await page.getByTestId('import-file').waitFor({ state: 'attached' });
		// Let the page settle (live queries, service worker) before anything is timed.
		await page.waitForTimeout(2000);
		await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
		return await fn(page);
	} finally {
		await ctx.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

const longest = (page: import('playwright-core').Page) =>
	page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));

try {
	await withL(async (page) => {
		const c0 = cpuNow();
		const t0 = Date.now();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export Tragt file' }).click()
		]);
		const ms = Date.now() - t0;
		const cpu = cpuNow() - c0;
		const worst = await longest(page);
		await download.cancel().catch(() => {});
		report({
			figure: 'Export L to the shared file (click to download, IndexedDB to Blob, Chromium)',
			median: ms,
			unit: 'ms',
			target: 3000,
			runs: 1,
			note: `CPU ${cpu.toFixed(1)} s; longest main-thread task ${Math.round(worst)} ms; load ${os.loadavg()[0].toFixed(1)}`
		});
		// Merge my own team's file into the same data.
		const name = path.basename(files.team);
		const c1 = cpuNow();
		const t1 = Date.now();
		await page.getByTestId('import-file').setInputFiles(files.team);
		await page.getByTestId('merge-preview').waitFor();
		const preview = Date.now() - t1;
		const cpuPreview = cpuNow() - c1;
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await page.getByText(`Merged ${name}.`).waitFor();
		const total = Date.now() - t1;
		const cpuTotal = cpuNow() - c1;
		const worstMerge = await longest(page);
		report({
			figure: "Merge a teammate's L file into held L data (pick, preview, confirm; Chromium)",
			median: total,
			unit: 'ms',
			target: 10_000,
			runs: 1,
			note: `CPU ${cpuTotal.toFixed(1)} s; preview after ${preview} ms (CPU ${cpuPreview.toFixed(1)} s); longest main-thread task ${Math.round(worstMerge)} ms; load ${os.loadavg()[0].toFixed(1)}`
		});
	});
	if (process.env.SHARED_BENCH_STRANGER !== '0') {
		await withL(async (page) => {
			const name = path.basename(files.stranger);
			const c1 = cpuNow();
			const t1 = Date.now();
			await page.getByTestId('import-file').setInputFiles(files.stranger);
			await page.getByTestId('merge-preview').waitFor();
			const preview = Date.now() - t1;
			await page.getByRole('button', { name: 'Merge into my data' }).click();
			await page.getByText(`Merged ${name}.`).waitFor();
			const total = Date.now() - t1;
			const cpuTotal = cpuNow() - c1;
			const worst = await longest(page);
			report({
				figure: 'Merge another L workspace (no id in common) into held L data (Chromium)',
				median: total,
				unit: 'ms',
				runs: 1,
				note: `CPU ${cpuTotal.toFixed(1)} s; 2.88M records after; preview after ${preview} ms; longest main-thread task ${Math.round(worst)} ms; load ${os.loadavg()[0].toFixed(1)}`
			});
		});
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
