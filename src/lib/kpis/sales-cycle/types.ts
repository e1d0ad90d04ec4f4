import type { DurationStats } from '../../kpi/stats';

export type { DurationStats };

/** KPI 1 (spec/kpis.md): days from a lead's cycle start to its close, for leads closed in P. */
export interface SalesCycleResult extends DurationStats {
	/** Leads whose span was negative and clamped to 0. */
	clamped: number;
	won: DurationStats;
	lost: DurationStats;
}
