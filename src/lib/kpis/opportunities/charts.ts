// Opportunities' chart: the cohort and its conversions, by origin.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { spec, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['opportunities']): ChartSpec[] {
	const o = r.byOrigin;
	const cats = [m.dash_marketing(), m.dash_sales()];
	return [
		spec('origin', m.dash_kpi_opportunities(), cats, [
			{ name: m.dash_cohort(), data: [o.marketing.cohort, o.sales.cohort] },
			{ name: m.dash_converted(), data: [o.marketing.converted, o.sales.converted] }
		])
	];
}
