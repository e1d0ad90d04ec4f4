// Churn over time: one engine call per bucket period, so each bucket equals the KPI for that
// period (churn of a month is not the sum of its days).
import { seriesBuckets } from '$lib/dashboard/churn-series';
import type { ChurnResult, KpiResult } from '$lib/kpi/result-types';
import type { ExtrasLoader } from '../chart-kit';

export const extras: ExtrasLoader<KpiResult['churn']> = async (ask, _r, source, live) => {
	const plan = seriesBuckets(ask, ask.granularity ?? 'month', ask.timeZone!);
	const results: ChurnResult[] = [];
	// In turn, not at once: the worker answers one call at a time anyway, and other pages'
	// calls (a period change) then wait behind one bucket, not behind all.
	for (const b of plan.buckets) {
		const r = await source.compute({ ...ask, from: b.from, to: b.to });
		if (!live()) return {};
		results.push(r.churn);
	}
	return { churn: { plan, results } };
};
