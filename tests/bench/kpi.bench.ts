// KPI engine benchmark: buildDataset and warm computeKpis on the S, M and L demo data, against
// the reference implementation on the same data and period.
import { activitiesToColumns, stageEventsToColumns } from '../../src/lib/domain/columns';
import { generateDemo, type DemoSize } from '../../src/lib/demo/generate-demo';
import { buildDataset, computeKpis, type KpiDataset } from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';
import { report, timeMedian } from './bench-util';

const TZ = 'Europe/Copenhagen';
const NOW = '2026-11-27T12:00:00Z';
const from = Date.parse('2025-10-01T00:00:00+02:00');
const to = Date.parse('2026-10-01T00:00:00+02:00');
const now = Date.parse(NOW);
const targets: Record<DemoSize, number | undefined> = { S: undefined, M: 5, L: 30 };
const sizes = (process.env.KPI_BENCH_SIZES ?? 'S,M,L').split(',') as DemoSize[];

function heapNow(): number {
	global.gc?.();
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
}

for (const size of sizes) {
	const file = generateDemo({ size, now: NOW, timeZone: TZ });
	const activities = activitiesToColumns(file.activities, TZ);
	const stageEvents = stageEventsToColumns(file.stageEvents, TZ);
	const input = {
		timeZone: TZ,
		reps: file.reps,
		stages: file.stages,
		campaigns: file.campaigns,
		leads: file.leads,
		customers: file.customers,
		forecasts: file.forecasts,
		activities,
		stageEvents
	};
	const before = heapNow();
	let ds: KpiDataset = buildDataset(input);
	const after = heapNow();
	const build = await timeMedian(() => (ds = buildDataset(input)), size === 'L' ? 3 : 7, 0);
	report({
		figure: `kpi buildDataset ${size}`,
		median: build,
		unit: 'ms',
		runs: size === 'L' ? 3 : 7
	});
	const options = { from, to, now, timeZone: TZ };
	const warm = await timeMedian(() => computeKpis(ds, options), 21, 3);
	const runsRef = size === 'L' ? 1 : 3;
	const ref = await timeMedian(() => referenceKpis(file, options), runsRef, 0);
	report({
		figure: `kpi computeKpis warm ${size} (1-year period)`,
		median: warm,
		unit: 'ms',
		target: targets[size],
		runs: 21,
		note: `reference ${ref.toFixed(0)} ms, ${(ref / warm).toFixed(0)}x faster`
	});
	if (size === 'L') {
		report({
			figure: 'kpi dataset memory L (heap + array buffers)',
			median: (after - before) / 2 ** 20,
			unit: 'MB',
			target: 150,
			note: global.gc ? 'after gc' : 'without --expose-gc: approximate'
		});
	}
}
