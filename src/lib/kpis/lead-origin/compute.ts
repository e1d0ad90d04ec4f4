// KPI 10 from the lead pass's per-origin cohort counts and their buckets.
import type { PassContext, Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { LeadOriginResult, OriginCounts } from './types';

export function computeLeadOrigin(
	{ leads: p }: Passes,
	{ buckets }: PassContext
): LeadOriginResult {
	const marketing = p.originCohort[0];
	const sales = p.originCohort[1];
	const series: Record<string, OriginCounts> = {};
	for (let k = 0; k < buckets.keys.length; k++) {
		series[buckets.keys[k]] = {
			marketing: p.originSeries[k * 2],
			sales: p.originSeries[k * 2 + 1]
		};
	}
	return {
		cohort: p.cohort,
		marketing,
		sales,
		marketingShare: ratio(marketing, p.cohort),
		salesShare: ratio(sales, p.cohort),
		series
	};
}
