// The KPI worker in Chromium: the cold path (worker starts, opens IndexedDB with M or L stored,
// builds the dataset, computes) and the refresh after one edit, with L loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_HARNESS_URL, launchChromium, median, report } from './bench-util';

const request = {
	from: Date.UTC(2025, 10, 1),
	to: Date.UTC(2026, 10, 1),
	now: Date.UTC(2026, 10, 27)
};
const targets = { M: 1000, L: 2000 } as const;

const sizes = (process.env.KPI_WORKER_SIZES ?? 'M,L').split(',') as ('M' | 'L')[];

for (const size of sizes) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-bench-'));
	try {
		let ctx = await launchChromium(dir);
		let page = await ctx.newPage();
		await page.goto(BENCH_HARNESS_URL);
		await page.evaluate(async (size) => {
			const m = await window.benchModule('kpi-worker');
			return (m.loadDemo as (n: string, s: string) => Promise<unknown>)('bench', size);
		}, size);
		await ctx.close();

		const cold: number[] = [];
		const refresh: number[] = [];
		const later: number[] = [];
		let detail = '';
		let refreshDetail = '';
		for (let run = 0; run < 3; run++) {
			// A fresh browser each run: nothing of the dataset is in memory.
			ctx = await launchChromium(dir);
			page = await ctx.newPage();
			await page.goto(BENCH_HARNESS_URL);
			const r = await page.evaluate(async (request) => {
				const m = await window.benchModule('kpi-worker');
				const compute = m.workerCompute as (
					n: string,
					r: unknown
				) => Promise<{
					ms: number;
					response: { timings: { refreshMs: number; computeMs: number } };
				}>;
				const first = await compute('bench', request);
				if (!('response' in first)) throw new Error('no response');
				let refreshMs = NaN;
				const edit = m.editThenCompute as (
					n: string,
					r: unknown
				) => Promise<{
					ms: number;
					response: {
						timings: {
							refresh: string;
							refreshMs: number;
							readMs?: number;
							updateMs?: number;
							computeMs: number;
						};
					};
				}>;
				const e = await edit('bench', request);
				if (e.response.timings.refresh !== 'incremental')
					throw new Error('refresh was ' + e.response.timings.refresh);
				refreshMs = e.ms;
				// More edits: the first refresh also pays for compiling the patch code.
				const later: number[] = [];
				const laterDetail: string[] = [];
				// (6 edits: the engine's patch code is compiled by then, as after a user's first edits.)
				for (let k = 0; k < 6; k++) {
					const x = await edit('bench', request);
					later.push(x.ms);
					const tm = x.response.timings;
					laterDetail.push(
						`${Math.round(x.ms)} = IndexedDB ${Math.round(tm.readMs ?? NaN)} + patch ${Math.round(tm.refreshMs - (tm.readMs ?? 0))} (updateDataset ${Math.round(tm.updateMs ?? NaN)}) + compute ${Math.round(tm.computeMs)} ms`
					);
				}
				return {
					cold: first.ms,
					refresh: refreshMs,
					later,
					detail: `read+build ${Math.round(first.response.timings.refreshMs)} ms, compute ${Math.round(first.response.timings.computeMs)} ms`,
					refreshDetail: `first: read+patch ${Math.round(e.response.timings.refreshMs)} ms (IndexedDB ${Math.round(e.response.timings.readMs ?? NaN)} ms), compute ${Math.round(e.response.timings.computeMs)} ms; later: ${laterDetail.join(', ')}`
				};
			}, request);
			cold.push(r.cold);
			refresh.push(r.refresh);
			later.push(...r.later);
			detail = r.detail;
			refreshDetail = r.refreshDetail;
			await ctx.close();
		}
		report({
			figure: `KPI worker cold: open IndexedDB, build, compute (${size})`,
			median: median(cold),
			unit: 'ms',
			target: targets[size],
			runs: cold.length,
			note: detail
		});
		report({
			figure: `KPI worker refresh after one edit (${size})`,
			median: median(refresh),
			unit: 'ms',
			target: size === 'L' ? 50 : undefined,
			runs: refresh.length,
			note: `${refreshDetail}; later edits median ${Math.round(median(later))} ms`
		});
	} finally {
		// Chromium may still be writing its profile just after close: a leftover temporary
		// directory must not cost the next size's figures.
		try {
			rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		} catch (e) {
			console.error(`could not remove ${dir}: ${String(e)}`);
		}
	}
}
