// Opportunities' tile: the leads created in the period.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['opportunities']> = {
	unit: 'count',
	better: 'higher',
	group: 'pipeline',
	headline: (r) => r.created,
	emptyReason: (r) => (r.created === 0 && r.cohort === 0 ? 'no-new-leads' : null),
	drillParts: (r) => [
		p('created', 'created', r.created),
		p('converted', 'converted', r.converted),
		p(undefined, 'cohort', r.cohort)
	]
};
