// The KPI worker in Chromium: the cold path (worker starts, opens IndexedDB with M or L stored,
// builds the dataset, computes) and the refresh after one edit, with L loaded: a call logged
// for a lead (the usual gesture) and a call without a lead (the prospecting bucket, which holds
// every such activity). Wall times from the page; the worker's own split (IndexedDB, patch,
// compute) from its timings; CPU time of the worker thread from /proc (the machine is shared,
// so wall times suffer from other processes).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * CPU time (ms) used so far by the dedicated-worker threads of the Chromium whose profile is
 * `dir` (its renderers name the profile on their command line). Linux only; NaN elsewhere.
 */
function workerCpuMs(dir: string): number {
	let ns = 0;
	try {
		for (const pid of readdirSync('/proc')) {
			if (!/^\d+$/.test(pid)) continue;
			let cmd = '';
			try {
				cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			} catch {
				continue;
			}
			if (!cmd.includes('--type=renderer') || !cmd.includes(`--user-data-dir=${dir}`)) continue;
			for (const tid of readdirSync(`/proc/${pid}/task`)) {
				try {
					const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8');
					if (!comm.startsWith('DedicatedWorker')) continue;
					ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
				} catch {
					// The thread ended meanwhile.
				}
			}
		}
	} catch {
		return NaN;
	}
	return ns / 1e6;
}

interface Timings {
	refresh: string;
	refreshMs: number;
	readMs?: number;
	updateMs?: number;
	buildMs?: number;
	computeMs: number;
}

const r0 = (x: number | undefined) => Math.round(x ?? NaN);
const split = (ms: number, t: Timings, cpu: number) =>
	`${r0(ms)} (CPU ${r0(cpu)}) = IndexedDB ${r0(t.readMs)} + patch ${r0(t.refreshMs - (t.readMs ?? 0))} (updateDataset ${r0(t.updateMs)}) + compute ${r0(t.computeMs)}`;

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
		const coldCpu: number[] = [];
		const first: number[] = [];
		const later: number[] = [];
		const laterCpu: number[] = [];
		const noLead: number[] = [];
		const noLeadCpu: number[] = [];
		let detail = '';
		let firstDetail = '';
		const laterDetail: string[] = [];
		const noLeadDetail: string[] = [];
		for (let run = 0; run < 3; run++) {
			// A fresh browser each run: nothing of the dataset is in memory.
			ctx = await launchChromium(dir);
			page = await ctx.newPage();
			await page.goto(BENCH_HARNESS_URL);
			const leadId = await page.evaluate(async () => {
				const m = await window.benchModule('kpi-worker');
				return (m.anyLeadId as (n: string) => Promise<string | undefined>)('bench');
			});
			if (!leadId) throw new Error('no lead stored');
			const c0 = workerCpuMs(dir) || 0;
			const c = await page.evaluate(async (request) => {
				const m = await window.benchModule('kpi-worker');
				const compute = m.workerCompute as (
					n: string,
					r: unknown
				) => Promise<{ ms: number; response: { timings: Timings } }>;
				const r = await compute('bench', request);
				return { ms: r.ms, timings: r.response.timings };
			}, request);
			cold.push(c.ms);
			coldCpu.push(workerCpuMs(dir) - c0);
			detail = `read ${r0(c.timings.readMs)} + build ${r0(c.timings.buildMs)} + compute ${r0(c.timings.computeMs)} ms`;

			const edit = async (lead: string | null) => {
				const before = workerCpuMs(dir);
				const e = await page.evaluate(
					async ([request, lead]) => {
						const m = await window.benchModule('kpi-worker');
						const edit = m.editThenCompute as (
							n: string,
							r: unknown,
							l: string | null
						) => Promise<{ ms: number; response: { timings: Timings } }>;
						const r = await edit('bench', request, lead);
						return { ms: r.ms, timings: r.response.timings };
					},
					[request, lead] as const
				);
				if (e.timings.refresh !== 'incremental') {
					throw new Error('refresh was ' + e.timings.refresh);
				}
				return { ...e, cpu: workerCpuMs(dir) - before };
			};
			// The first edit also pays for compiling the patch code; later ones are what a user
			// sees after the first few edits.
			const f = await edit(leadId);
			first.push(f.ms);
			firstDetail = split(f.ms, f.timings, f.cpu);
			for (let k = 0; k < 6; k++) {
				const x = await edit(leadId);
				later.push(x.ms);
				laterCpu.push(x.cpu);
				if (run === 0) laterDetail.push(split(x.ms, x.timings, x.cpu));
			}
			for (let k = 0; k < 4; k++) {
				const x = await edit(null);
				if (k === 0) continue;
				noLead.push(x.ms);
				noLeadCpu.push(x.cpu);
				if (run === 0) noLeadDetail.push(split(x.ms, x.timings, x.cpu));
			}
			await ctx.close();
		}
		report({
			figure: `KPI worker cold: open IndexedDB, build, compute (${size})`,
			median: median(cold),
			unit: 'ms',
			target: targets[size],
			runs: cold.length,
			note: `${detail}; worker CPU ${r0(median(coldCpu))} ms`
		});
		report({
			figure: `KPI worker refresh after one edit (${size}): a call logged for a lead`,
			median: median(later),
			unit: 'ms',
			target: size === 'L' ? 50 : undefined,
			runs: later.length,
			note: `worker CPU median ${r0(median(laterCpu))} ms; first edit ${r0(median(first))} ms (${firstDetail}); later (ms): ${laterDetail.join(', ')}`
		});
		report({
			figure: `KPI worker refresh after one edit (${size}): a call without a lead`,
			median: median(noLead),
			unit: 'ms',
			target: size === 'L' ? 50 : undefined,
			runs: noLead.length,
			note: `worker CPU median ${r0(median(noLeadCpu))} ms; (ms): ${noLeadDetail.join(', ')}`
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
