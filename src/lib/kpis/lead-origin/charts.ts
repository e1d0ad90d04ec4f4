// Lead origin's chart: new leads over time, marketing and sales stacked.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { sortedKeys, spec, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['leadOrigin']): ChartSpec[] {
	const s = r.series;
	const buckets = sortedKeys(s);
	return [
		spec('series', m.dash_chart_series(), buckets, [
			{ name: m.dash_marketing(), data: buckets.map((b) => s[b].marketing), stack: 'o' },
			{ name: m.dash_sales(), data: buckets.map((b) => s[b].sales), stack: 'o' }
		])
	];
}
