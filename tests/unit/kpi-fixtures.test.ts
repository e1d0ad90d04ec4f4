// Hand-computed fixtures pinning the rules of spec/kpis.md live beside each KPI's module
// (src/lib/kpis/<slug>/fixtures.test.ts); this one covers all thirteen at once.
import { describe, expect, it } from 'vitest';
import { kpis, t, workspace } from '../reference/kpi-fixture-kit';

describe('an empty workspace', () => {
	it('gives zero counts and null ratios, never NaN', () => {
		const r = kpis(workspace({}), {
			from: t('2025-01-01'),
			to: t('2025-02-01'),
			now: t('2026-01-01')
		});
		const text = JSON.stringify(r);
		expect(text).not.toContain('NaN');
		expect(r.winLoss).toEqual({
			won: 0,
			lost: 0,
			ratio: null,
			winRate: null,
			wonValue: 0,
			lostValue: 0
		});
		expect(r.stageDistribution.funnel.map((f) => f.rate)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
		expect(r.activities.series).toEqual({ '2025-01-01': 0 });
		expect(r.weightedPipeline.projection).toEqual({});
		expect(r.forecastAccuracy).toEqual({
			count: 0,
			accuracy: null,
			bias: null,
			amount: 0,
			actual: 0,
			rows: []
		});
	});
});
