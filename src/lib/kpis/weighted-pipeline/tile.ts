// Weighted pipeline's tile: open deals' value times their stage's probability.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['weightedPipeline']> = {
	unit: 'money',
	better: 'higher',
	group: 'pipeline',
	headline: (r) => r.weighted,
	emptyReason: (r) => (r.count === 0 ? 'no-open-deals' : null),
	drillParts: (r) => [p(undefined, 'open', r.count)],
	page: { pipelineMode: true }
};
