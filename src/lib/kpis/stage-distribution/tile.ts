// Stage distribution's tile: the open leads, neither good nor bad, with their stages as a bar.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['stageDistribution']> = {
	unit: 'count',
	better: 'neutral',
	group: 'pipeline',
	headline: (r) => r.openTotal,
	emptyReason: (r) => (r.total === 0 ? 'no-leads' : null),
	// Open stages in pipeline order (the funnel lists them in order, then won).
	bar: (r) =>
		r.funnel
			.map((f) => r.byStage[f.stageId])
			.filter((s) => s?.openShare !== undefined)
			.map((s) => s.count),
	drillParts: (r) => [p(undefined, 'leads', r.total)]
};
