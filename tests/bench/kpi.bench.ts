// KPI engine benchmark: buildDataset, warm computeKpis and the refresh after one edit
// (updateDataset + computeKpis) on the S, M and L demo data, against the reference
// implementation on the same data and period. Wall-clock medians; CPU-time medians in the
// notes, since the machine is shared and wall time suffers from other processes.
import v8 from 'node:v8';
import vm from 'node:vm';
import { activitiesToColumns, stageEventsToColumns } from '../../src/lib/domain/columns';
import { generateDemo, type DemoSize } from '../../src/lib/demo/generate-demo';
import { buildDataset, computeKpis, updateDataset, type KpiDataset } from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';
import { median, report, timeMedian } from './bench-util';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TZ = 'Europe/Copenhagen';
const NOW = '2026-11-27T12:00:00Z';
const from = Date.parse('2025-10-01T00:00:00+02:00');
const to = Date.parse('2026-10-01T00:00:00+02:00');
const now = Date.parse(NOW);
const options = { from, to, now, timeZone: TZ };
const targets: Record<DemoSize, number | undefined> = { S: undefined, M: 5, L: 30 };
const sizes = (process.env.KPI_BENCH_SIZES ?? 'S,M,L').split(',') as DemoSize[];

function heapNow(): number {
	// Several passes: freed ArrayBuffers and promoted objects need more than one.
	for (let i = 0; i < 4; i++) gc();
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
}

/**
 * Bytes the dataset holds, counted field by field: typed arrays by size, arrays at 8 bytes a
 * slot, maps at ~80 bytes an entry (strings themselves are shared with the input, not counted).
 */
function datasetBytes(ds: KpiDataset): number {
	const seen = new Set<unknown>();
	const walk = (v: unknown): number => {
		if (!v || typeof v !== 'object' || seen.has(v)) return 0;
		seen.add(v);
		if (ArrayBuffer.isView(v)) return v.byteLength;
		if (Array.isArray(v))
			return v.length * 8 + (typeof v[0] === 'object' ? v.reduce((n, x) => n + walk(x), 0) : 0);
		if (v instanceof Map) return v.size * 80;
		let n = 0;
		for (const [k, x] of Object.entries(v))
			if (k !== 'entities' && k !== 'leadRecords' && k !== 'customerRecords') n += walk(x);
		return n;
	};
	return walk(ds) + ds.leadRecords.length * 8 + ds.customerRecords.length * 8;
}

function cpuMedian(fn: () => unknown, runs: number): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const c = process.cpuUsage();
		fn();
		const d = process.cpuUsage(c);
		times.push((d.user + d.system) / 1000);
	}
	return median(times);
}

for (const size of sizes) {
	let file = generateDemo({ size, now: NOW, timeZone: TZ });
	const input = {
		timeZone: TZ,
		reps: file.reps,
		stages: file.stages,
		campaigns: file.campaigns,
		leads: file.leads,
		customers: file.customers,
		forecasts: file.forecasts,
		activities: activitiesToColumns(file.activities, TZ),
		stageEvents: stageEventsToColumns(file.stageEvents, TZ)
	};
	// One edit: a lead moves to won. The change carries that lead's rows, as a rewritten block.
	const lead = file.leads.find((l) => l.stageId !== 'won' && l.stageId !== 'lost' && !l.deletedAt)!;
	const events = file.stageEvents.filter((e) => e.leadId === lead.id);
	const acts = file.activities.filter((a) => a.leadId === lead.id);
	// The worker holds columns, never 1.4M record objects: drop them so that the garbage
	// collector sees the heap the worker has (the reference run below generates them again).
	file = { ...file, activities: [], stageEvents: [] };
	const before = heapNow();
	let ds: KpiDataset = buildDataset(input);
	const after = heapNow();
	const buildRuns = size === 'L' ? 3 : 7;
	const build = await timeMedian(() => (ds = buildDataset(input)), buildRuns, 0);
	report({ figure: `kpi buildDataset ${size}`, median: build, unit: 'ms', runs: buildRuns });

	const warm = await timeMedian(() => computeKpis(ds, options), 21, 20);
	const warmCpu = cpuMedian(() => computeKpis(ds, options), 21);

	const won = { ...lead, stageId: 'won', updatedAt: NOW };
	const leads = file.leads.map((l) => (l === lead ? won : l));
	const change = {
		leads,
		logs: {
			leadIds: [lead.id],
			activities: activitiesToColumns(acts, TZ),
			stageEvents: stageEventsToColumns(
				[...events, { id: 'bench-won', updatedAt: NOW, leadId: lead.id, stageId: 'won', at: NOW }],
				TZ
			)
		}
	};
	const refresh = () => computeKpis(updateDataset(ds, change), options);
	const refreshMs = await timeMedian(refresh, 7, 2);
	const refreshCpu = cpuMedian(refresh, 7);
	report({
		figure: `kpi refresh after one edit ${size}, keeping the old dataset (updateDataset + computeKpis)`,
		median: refreshMs,
		unit: 'ms',
		runs: 7,
		note: `CPU ${refreshCpu.toFixed(1)} ms`
	});
	// As the worker does it: in place, naming the edited lead. The edit goes back and forth
	// (won, then open again), so that every run changes the dataset.
	const undo = {
		leads: file.leads,
		changedLeads: [lead],
		logs: {
			leadIds: [lead.id],
			activities: activitiesToColumns(acts, TZ),
			stageEvents: stageEventsToColumns(events, TZ)
		}
	};
	const forth = { ...change, changedLeads: [won] };
	let flip = false;
	const inPlace = () => {
		flip = !flip;
		ds = updateDataset(ds, flip ? forth : undo, { inPlace: true });
		return computeKpis(ds, options);
	};
	// The copies above left ~25 MB of garbage per run: collect it first, or its collection
	// lands in these timings.
	heapNow();
	const inPlaceMs = await timeMedian(inPlace, 9, 2);
	const inPlaceCpu = cpuMedian(inPlace, 9);
	report({
		figure: `kpi refresh after one edit ${size}, in place as in the worker (updateDataset + computeKpis)`,
		median: inPlaceMs,
		unit: 'ms',
		target: size === 'L' ? 50 : undefined,
		runs: 9,
		note: `CPU ${inPlaceCpu.toFixed(1)} ms`
	});
	if (size === 'L') {
		report({
			figure: 'kpi dataset memory L (heap + array buffers)',
			median: datasetBytes(ds) / 2 ** 20,
			unit: 'MB',
			target: 150,
			note: `counted field by field; heap + array buffers delta after gc ${((after - before) / 2 ** 20).toFixed(0)} MB`
		});
	}

	ds = undefined as unknown as KpiDataset;
	const records = generateDemo({ size, now: NOW, timeZone: TZ });
	const ref = await timeMedian(() => referenceKpis(records, options), size === 'L' ? 1 : 3, 0);
	report({
		figure: `kpi computeKpis warm ${size} (1-year period)`,
		median: warm,
		unit: 'ms',
		target: targets[size],
		runs: 21,
		note: `CPU ${warmCpu.toFixed(1)} ms; reference ${ref.toFixed(0)} ms, ${(ref / warm).toFixed(0)}x slower`
	});
}
