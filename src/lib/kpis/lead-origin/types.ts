export interface OriginCounts {
	marketing: number;
	sales: number;
}

/** KPI 10 (spec/kpis.md): the cohort by origin, overall and per bucket. */
export interface LeadOriginResult extends OriginCounts {
	/** extra: size of the cohort. */
	cohort: number;
	marketingShare: number | null;
	salesShare: number | null;
	series: Record<string, OriginCounts>;
}
