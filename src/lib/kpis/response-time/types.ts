import type { HoursStats } from '../../kpi/stats';

export type { HoursStats };

/** KPI 7 (spec/kpis.md): hours from a cohort lead's creation to its first contact. */
export interface ResponseTimeResult extends HoursStats {
	unanswered: number;
	/** extra: leads first contacted before they were created (hours clamped to 0). */
	clamped: number;
	byRep: Record<string, HoursStats>;
}
