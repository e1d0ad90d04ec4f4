import type { ActivityType } from '../../domain/types';

/** KPI 5 (spec/kpis.md): activities in P by type, rep and bucket, and by month of the year. */
export interface ActivitiesResult {
	total: number;
	byType: Record<ActivityType, number>;
	byRep: Record<string, number>;
	series: Record<string, number>;
	seasonality: Record<string, number>;
}
