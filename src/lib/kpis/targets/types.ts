import type { TargetMetric } from '../../domain/types';

export type TargetStatus = 'met' | 'ahead' | 'behind' | 'upcoming';

/** One target's figures (spec/targets-and-forecast.md, `targets`). */
export interface TargetRow {
	id: string;
	metric: TargetMetric;
	/** null for the team's target. */
	repId: string | null;
	from: string;
	to: string;
	amount: number;
	/** Counted over the window W, up to asOf. */
	actual: number;
	/** Share of W gone by asOf, 0..1. */
	elapsed: number;
	/** amount * elapsed: the pace line. */
	expectedByNow: number;
	/** actual / amount; null when amount is 0. */
	attainment: number | null;
	/** actual / expectedByNow; null when expectedByNow is 0. */
	pace: number | null;
	/** The projected finish; null for a run rate with elapsed 0. */
	projected: number | null;
	/** null for the run-rate metrics. */
	projectedSd: number | null;
	/** The 10-90 % range (normal approximation). */
	projectedLow: number | null;
	projectedHigh: number | null;
	status: TargetStatus;
}

/** Live targets whose window overlaps P (with a rep filter, the listed reps' only), by id. */
export interface TargetsResult {
	rows: TargetRow[];
}
