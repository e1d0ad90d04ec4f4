// Lead origin's tile: marketing's share of new leads, with new leads over time as a sparkline.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, seriesValues, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['leadOrigin']> = {
	unit: 'percent',
	better: 'neutral',
	group: 'marketing',
	headline: (r) => r.marketingShare,
	emptyReason: (r) => (r.cohort === 0 ? 'no-new-leads' : null),
	sparkline: (r) => seriesValues(r.series, (v) => v.marketing + v.sales),
	drillParts: (r) => [p('marketing', 'marketing', r.marketing), p('sales', 'sales', r.sales)],
	page: { granularity: true }
};
