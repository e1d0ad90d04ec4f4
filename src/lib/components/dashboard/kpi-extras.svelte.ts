// Chart data a KPI page needs beyond the one KPI result, asked of the worker after the page's
// figures are in (so the figures come first): churn per bucket (one engine call per bucket
// period, so each bucket equals the KPI for that period), the first-response-time histogram,
// and the busiest reps' activities over time.
import { seriesBuckets, type BucketPlan } from '$lib/dashboard/churn-series';
import { topReps } from '$lib/dashboard/rep-series';
import type { ChurnResult, KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { KpiRequest } from '$lib/workers/kpi-protocol';

/** Reps drawn on their own in "activities per rep over time"; the rest are "others". */
export const REP_SERIES_LIMIT = 6;

export interface ExtrasSource {
	compute(request: KpiRequest): Promise<KpiResult>;
	responseHistogram(request: KpiRequest): Promise<number[]>;
}

export interface ChurnSeries {
	plan: BucketPlan;
	results: ChurnResult[];
}

export interface RepSeriesData {
	reps: string[];
	perRep: Record<string, Record<string, number>>;
}

export class KpiExtras {
	churn = $state.raw<ChurnSeries | null>(null);
	histogram = $state.raw<number[] | null>(null);
	repSeries = $state.raw<RepSeriesData | null>(null);
	/** The request the loaded data answers (charts show it only beside that request's figures). */
	request = $state.raw<KpiRequest | null>(null);

	#source: () => ExtrasSource;
	#seq = 0;

	constructor(source: () => ExtrasSource) {
		this.#source = source;
	}

	/** Loads what `kpi`'s charts need for the request the shown `result` answers. */
	async load(kpi: KpiKey, request: KpiRequest, result: KpiResult): Promise<void> {
		const seq = ++this.#seq;
		const live = () => seq === this.#seq;
		const source = this.#source();
		// The figures' request also asks for the previous period (the change lines); none of
		// these charts shows it, so the worker is not made to compute it once per bucket or rep.
		const ask: KpiRequest = { ...request, withPrevious: undefined };
		try {
			if (kpi === 'churn') {
				const plan = seriesBuckets(ask, ask.granularity ?? 'month', ask.timeZone!);
				const results: ChurnResult[] = [];
				// In turn, not at once: the worker answers one call at a time anyway, and other
				// pages' calls (a period change) then wait behind one bucket, not behind all.
				for (const b of plan.buckets) {
					const r = await source.compute({ ...ask, from: b.from, to: b.to });
					if (!live()) return;
					results.push(r.churn);
				}
				this.churn = { plan, results };
			} else if (kpi === 'responseTime') {
				const counts = await source.responseHistogram(ask);
				if (live()) this.histogram = counts;
			} else if (kpi === 'activities') {
				const reps = topReps(result.activities.byRep, REP_SERIES_LIMIT);
				const perRep: Record<string, Record<string, number>> = {};
				for (const rep of reps) {
					const r = await source.compute({ ...ask, reps: [rep] });
					if (!live()) return;
					perRep[rep] = r.activities.series;
				}
				this.repSeries = { reps, perRep };
			}
			if (live()) this.request = request;
		} catch {
			// The page's own figures and charts stand without these; the extra chart stays away.
		}
	}

	clear(): void {
		this.#seq++;
		this.churn = null;
		this.histogram = null;
		this.repSeries = null;
		this.request = null;
	}
}
