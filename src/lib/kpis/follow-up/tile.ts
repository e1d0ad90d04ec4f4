// Follow-up's tile: the share of new leads followed up.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['followUp']> = {
	unit: 'percent',
	better: 'higher',
	group: 'activity',
	headline: (r) => r.rate,
	emptyReason: (r) => (r.total === 0 ? 'no-new-leads' : null),
	drillParts: (r) => [
		p('followedUp', 'followed', r.followedUp),
		p('notFollowedUp', 'not-followed', r.total - r.followedUp)
	]
};
