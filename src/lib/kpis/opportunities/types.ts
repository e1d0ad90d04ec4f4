import type { Origin } from '../../domain/types';

export interface ConversionFigures {
	created: number;
	cohort: number;
	converted: number;
	rate: number | null;
}

/** KPI 6 (spec/kpis.md): opportunities created in P, and the cohort's conversion. */
export interface OpportunitiesResult extends ConversionFigures {
	byOrigin: Record<Origin, ConversionFigures>;
}
