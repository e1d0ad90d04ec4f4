// Responses' tile: the share of positive answers among positive and negative ones.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['responses']> = {
	unit: 'percent',
	better: 'higher',
	group: 'activity',
	headline: (r) => r.positiveShare,
	emptyReason: (r) => {
		if (r.positive + r.negative + r.neutral === 0) return 'no-responses';
		// Only neutral answers: the share of positive among positive + negative is undefined.
		return r.positiveShare === null ? 'no-decided-deals' : null;
	},
	drillParts: (r) => [
		p('positive', 'positive', r.positive),
		p('negative', 'negative', r.negative),
		p('neutral', 'neutral', r.neutral)
	],
	// The answers are activities.
	drillKind: () => 'activity'
};
