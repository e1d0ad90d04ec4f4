export interface StageCount {
	count: number;
	share: number | null;
	/** Open stages only. */
	openShare?: number | null;
}

export interface FunnelStep {
	stageId: string;
	reached: number;
	rate: number | null;
}

/** KPI 4 (spec/kpis.md): leads per stage at asOf, the cohort's funnel, days in each stage. */
export interface StageDistributionResult {
	/** extra: live leads with createdAt < asOf (the denominator of `share`). */
	total: number;
	/** extra: of those, leads in open stages (the denominator of `openShare`). */
	openTotal: number;
	byStage: Record<string, StageCount>;
	/** extra: size of the cohort of P (the denominator of the funnel's rates). */
	cohort: number;
	funnel: FunnelStep[];
	/** Open stage id -> mean days of stays that ended in P, null without stays. */
	avgDaysInStage: Record<string, number | null>;
}
