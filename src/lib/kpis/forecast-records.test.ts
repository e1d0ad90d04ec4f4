// The drill-through of the figures of spec/targets-and-forecast.md lists exactly what each figure
// counts: a target's actual, the deals behind its projection, a stage's calibration sample, the
// Brier score's leads and the pipeline forecast's leads, on demo data under several questions.
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate-demo';
import type { Target } from '../domain/types';
import { computeKpis, datasetFromRecords, kpiRecords, type KpiOptions } from '../kpi';

const NOW = '2026-11-27T12:00:00Z';
const file = generateDemo({ size: 'S', now: NOW });
const [r1, r2] = file.reps.map((r) => r.id);
const U = '2026-11-01T00:00:00Z';
const targets: Target[] = [
	{
		id: 't1',
		updatedAt: U,
		metric: 'wonValue',
		repId: r1,
		from: '2026-11-01',
		to: '2026-11-30',
		amount: 90000
	},
	{ id: 't2', updatedAt: U, metric: 'won', from: '2026-10-01', to: '2026-12-31', amount: 12 },
	{
		id: 't3',
		updatedAt: U,
		metric: 'activities',
		repId: r2,
		from: '2026-11-01',
		to: '2026-11-30',
		amount: 80
	},
	{ id: 't4', updatedAt: U, metric: 'newLeads', from: '2026-11-01', to: '2026-11-30', amount: 10 },
	{
		id: 't5',
		updatedAt: U,
		metric: 'opportunities',
		repId: r1,
		from: '2026-10-15',
		to: '2026-11-14',
		amount: 3
	}
];
const ds = datasetFromRecords({ ...file, targets }, 'UTC');

const QUESTIONS: [string, KpiOptions][] = [
	[
		'November',
		{ from: Date.parse('2026-11-01'), to: Date.parse('2026-12-01'), now: Date.parse(NOW) }
	],
	[
		'the year, one rep, historical',
		{
			from: Date.parse('2026-01-01'),
			to: Date.parse('2027-01-01'),
			now: Date.parse(NOW),
			reps: [r1],
			pipelineMode: 'historical'
		}
	],
	[
		'the quarter, marketing leads',
		{
			from: Date.parse('2026-10-01'),
			to: Date.parse('2027-01-01'),
			now: Date.parse(NOW),
			origins: ['marketing']
		}
	]
];

describe.each(QUESTIONS)('the records behind the forecast figures (%s)', (_, o) => {
	const result = computeKpis(ds, o);
	const valueOf = new Map(file.leads.map((l) => [l.id, l.value ?? 0]));

	it('a target lists the records its actual counts, and the deals its projection adds', () => {
		expect(result.targets.rows.length).toBeGreaterThan(0);
		for (const row of result.targets.rows) {
			const ids = kpiRecords(ds, o, 'targets', row.id);
			if (row.metric === 'wonValue') {
				expect(ids.reduce((sum, id) => sum + valueOf.get(id)!, 0)).toBeCloseTo(row.actual, 6);
			} else {
				expect(ids.length, row.id).toBe(row.actual);
			}
			const open = kpiRecords(ds, o, 'targets', `${row.id}/open`);
			if (row.metric === 'won') {
				// Each open deal adds its probability (<= 1) to the projection.
				expect(row.projected! - row.actual).toBeLessThanOrEqual(open.length + 1e-9);
				if (open.length === 0) expect(row.projected).toBe(row.actual);
			} else if (row.metric !== 'wonValue') {
				expect(open).toEqual([]);
			}
		}
	});

	it('a stage lists its calibration sample and its wins; the Brier score its leads', () => {
		for (const [stage, s] of Object.entries(result.calibration.byStage)) {
			expect(kpiRecords(ds, o, 'calibration', stage)).toHaveLength(s.n);
			expect(kpiRecords(ds, o, 'calibration', `${stage}/won`)).toHaveLength(s.won);
		}
		expect(kpiRecords(ds, o, 'calibration', 'brier')).toHaveLength(result.calibration.brierCount);
	});

	it('the pipeline forecast lists the leads it kept, largest weighted value first', () => {
		const kept = kpiRecords(ds, o, 'pipelineForecast');
		expect(kept).toHaveLength(result.pipelineForecast.count ?? 0);
		const open = new Set(kpiRecords(ds, o, 'pipelineForecast', 'open'));
		for (const id of kept) expect(open.has(id)).toBe(true);
	});
});

describe('the weighted pipeline range', () => {
	it('brackets the weighted value, and each month brackets its projection', () => {
		const o = {
			from: Date.parse('2026-11-01'),
			to: Date.parse('2026-12-01'),
			now: Date.parse(NOW)
		};
		const wp = computeKpis(ds, o).weightedPipeline;
		expect(wp.range.sd).toBeGreaterThan(0);
		expect(wp.range.low).toBeLessThan(wp.weighted);
		expect(wp.range.high).toBeGreaterThan(wp.weighted);
		expect(Object.keys(wp.range.projectionRange)).toEqual(Object.keys(wp.projection));
		for (const [month, r] of Object.entries(wp.range.projectionRange)) {
			expect(r.expected).toBe(wp.projection[month]);
			expect(r.low).toBeLessThanOrEqual(r.expected);
			expect(r.high).toBeGreaterThanOrEqual(r.expected);
		}
	});
});
