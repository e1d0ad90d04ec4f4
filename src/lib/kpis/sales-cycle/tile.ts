// Sales cycle's tile: the mean days from lead to close; a shorter cycle is good news.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['salesCycle']> = {
	unit: 'days',
	better: 'lower',
	group: 'pipeline',
	headline: (r) => r.meanDays,
	emptyReason: (r) => (r.count === 0 ? 'no-closed-deals' : null),
	drillParts: (r) => [
		p(undefined, 'closed', r.count),
		p('won', 'won', r.won.count),
		p('lost', 'lost', r.lost.count)
	]
};
