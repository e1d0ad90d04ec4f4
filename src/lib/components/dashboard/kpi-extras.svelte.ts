// Chart data a KPI page needs beyond the one KPI result, asked of the worker after the page's
// figures are in (so the figures come first): e.g. churn per bucket, the first-response-time
// histogram, the busiest reps' activities over time. What each KPI asks for lives in its module
// (src/lib/kpis/<slug>/extras.ts); this class keeps the answer of the latest request.
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { ChurnSeries, ExtrasSource, RepSeriesData } from '$lib/kpis/chart-kit';
import { pageOf } from '$lib/kpis/page-registry';
import type { KpiRequest } from '$lib/workers/kpi-protocol';

export type { ChurnSeries, ExtrasSource, RepSeriesData } from '$lib/kpis/chart-kit';
export { REP_SERIES_LIMIT } from '$lib/kpis/activities/extras';

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
	async load<K extends KpiKey>(kpi: K, request: KpiRequest, result: KpiResult): Promise<void> {
		const seq = ++this.#seq;
		const live = () => seq === this.#seq;
		const source = this.#source();
		// The figures' request also asks for the previous period (the change lines); none of
		// these charts shows it, so the worker is not made to compute it once per bucket or rep.
		const ask: KpiRequest = { ...request, withPrevious: undefined };
		try {
			// What each KPI asks for lives in its module (src/lib/kpis/<slug>/extras.ts).
			const loader = pageOf(kpi).extras;
			if (loader) {
				const got = await loader(ask, result[kpi], source, live);
				if (!live()) return;
				if (got.churn !== undefined) this.churn = got.churn;
				if (got.histogram !== undefined) this.histogram = got.histogram;
				if (got.repSeries !== undefined) this.repSeries = got.repSeries;
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
