// Win/loss's tile: the win rate among decided deals.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['winLoss']> = {
	unit: 'percent',
	better: 'higher',
	group: 'pipeline',
	headline: (r) => r.winRate,
	emptyReason: (r) => (r.won + r.lost === 0 ? 'no-decided-deals' : null),
	drillParts: (r) => [p('won', 'won', r.won), p('lost', 'lost', r.lost)]
};
