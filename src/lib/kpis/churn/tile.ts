// Churn's tile: the share of customers at the start who left; less is better.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['churn']> = {
	unit: 'percent',
	better: 'lower',
	group: 'outcomes',
	headline: (r) => r.rate,
	emptyReason: (r) => (r.atStart === 0 ? 'no-customers' : null),
	drillParts: (r) => [
		p('atStart', 'at-start', r.atStart),
		p('churned', 'churned', r.churned),
		p('new', 'new', r.new),
		p('activeAtEnd', 'active-end', r.activeAtEnd)
	],
	drillKind: () => 'customer',
	page: { granularity: true }
};
