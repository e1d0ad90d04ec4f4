// Cost per lead's tile: campaign budget per lead; cheaper is better.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['costPerLead']> = {
	unit: 'money',
	better: 'lower',
	group: 'marketing',
	headline: (r) => r.cpl,
	emptyReason: (r) => {
		if (r.campaigns.length === 0) return 'no-campaigns';
		return r.cpl === null ? 'no-campaign-leads' : null;
	},
	drillParts: (r) => [p(undefined, 'leads', r.leads)],
	// Campaign budgets belong to no rep: no rep filter, so no per-rep table.
	page: { repTable: false }
};
