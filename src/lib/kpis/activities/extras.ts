// Activities per rep over time: one engine call per busy rep (reps: [id]), the rest "others".
import { topReps } from '$lib/dashboard/rep-series';
import type { KpiResult } from '$lib/kpi/result-types';
import type { ExtrasLoader } from '../chart-kit';

/** Reps drawn on their own in "activities per rep over time"; the rest are "others". */
export const REP_SERIES_LIMIT = 6;

export const extras: ExtrasLoader<KpiResult['activities']> = async (ask, r, source, live) => {
	const reps = topReps(r.byRep, REP_SERIES_LIMIT);
	const perRep: Record<string, Record<string, number>> = {};
	for (const rep of reps) {
		const x = await source.compute({ ...ask, reps: [rep] });
		if (!live()) return {};
		perRep[rep] = x.activities.series;
	}
	return { repSeries: { reps, perRep } };
};
