// Response time's tile: the mean hours to the first contact; faster is better.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['responseTime']> = {
	unit: 'hours',
	better: 'lower',
	group: 'activity',
	headline: (r) => r.meanHours,
	emptyReason: (r) => (r.count === 0 ? 'no-contacts' : null),
	drillParts: (r) => [
		p(undefined, 'contacted', r.count),
		p('unanswered', 'unanswered', r.unanswered)
	]
};
