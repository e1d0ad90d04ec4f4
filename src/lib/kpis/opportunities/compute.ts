// KPI 6 from the lead pass's per-origin counts (opportunities created in P, the cohort).
import type { Origin } from '../../domain/types';
import type { LeadPass, Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { ConversionFigures, OpportunitiesResult } from './types';

export function computeOpportunities({ leads: p }: Passes): OpportunitiesResult {
	const marketing = conversion(p, 0);
	const sales = conversion(p, 1);
	const converted = marketing.converted + sales.converted;
	return {
		created: marketing.created + sales.created,
		cohort: p.cohort,
		converted,
		rate: ratio(converted, p.cohort),
		byOrigin: { marketing, sales } as Record<Origin, ConversionFigures>
	};
}

function conversion(p: LeadPass, origin: number): ConversionFigures {
	return {
		created: p.originCreated[origin],
		cohort: p.originCohort[origin],
		converted: p.originConverted[origin],
		rate: ratio(p.originConverted[origin], p.originCohort[origin])
	};
}
