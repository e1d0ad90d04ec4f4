// Data layer in Chromium: load the L demo data (1.4M records) with writeRecords, then read it
// back cold (browser restarted on the same profile) with readEntityRows + readLogColumns.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_HARNESS_URL, launchChromium, report } from './bench-util';

type LoadResult = {
	genMs: number;
	writeMs: number;
	records: number;
	leads: number;
	activities: number;
	stageEvents: number;
};
type ReadResult = {
	ms: number;
	openMs: number;
	entityMs: number;
	logMs: number;
	leads: number;
	activities: number;
	stageEvents: number;
};

const size = (process.env.DB_BENCH_SIZE ?? 'L') as 'S' | 'M' | 'L';
const runs = Number(process.env.DB_BENCH_READS ?? 3);
const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-db-bench-'));

async function inPage<T>(fn: string, arg?: string): Promise<T> {
	const ctx = await launchChromium(dir);
	try {
		const page = await ctx.newPage();
		page.setDefaultTimeout(300_000);
		await page.goto(BENCH_HARNESS_URL);
		return (await page.evaluate(
			async ([name, a]) => {
				const m = (await window.benchModule('db-load')) as Record<
					string,
					(x?: string) => Promise<unknown>
				>;
				return m[name](a);
			},
			[fn, arg] as const
		)) as T;
	} finally {
		await ctx.close();
	}
}

try {
	const loaded = await inPage<LoadResult>('load', size);
	console.error(`db-load: generated ${loaded.records} records in ${loaded.genMs.toFixed(0)} ms`);
	report({
		figure: `db: writeRecords ${size} demo (${(loaded.records / 1e6).toFixed(2)}M records) into IndexedDB`,
		median: loaded.writeMs,
		unit: 'ms',
		target: size === 'L' ? 30_000 : undefined,
		runs: 1
	});
	const times: number[] = [];
	const parts: string[] = [];
	for (let i = 0; i < runs; i++) {
		// A fresh browser on the same profile each time: nothing cached in the page or renderer.
		const r = await inPage<ReadResult>('read');
		if (r.activities !== loaded.activities || r.leads !== loaded.leads)
			throw new Error(`read back ${JSON.stringify(r)} after loading ${JSON.stringify(loaded)}`);
		times.push(r.ms);
		parts.push(
			`open ${r.openMs.toFixed(0)}, entities ${r.entityMs.toFixed(0)}, logs ${r.logMs.toFixed(0)}`
		);
	}
	times.sort((a, b) => a - b);
	report({
		figure: `db: cold read of ${size} (readEntityRows + readLogColumns)`,
		median: times[times.length >> 1],
		unit: 'ms',
		target: size === 'L' ? 1500 : undefined,
		runs,
		note: `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; done at (ms): ${parts.join(' / ')}`
	});
} finally {
	rmSync(dir, { recursive: true, force: true });
}
