// Activities' tile: the count of calls, emails and meetings, with its series as a sparkline.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, seriesValues, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['activities']> = {
	unit: 'count',
	better: 'higher',
	group: 'activity',
	headline: (r) => r.total,
	emptyReason: (r) => (r.total === 0 ? 'no-activities' : null),
	sparkline: (r) => seriesValues(r.series, (v) => v),
	drillParts: (r) => [p(undefined, 'activities', r.total)],
	drillKind: () => 'activity',
	page: { granularity: true }
};
