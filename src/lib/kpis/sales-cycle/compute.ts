// KPI 1 from the lead pass's spans of the leads closed in P.
import type { Passes } from '../../kpi/passes';
import { days } from '../../kpi/stats';
import type { SalesCycleResult } from './types';

export function computeSalesCycle({ leads: p }: Passes): SalesCycleResult {
	return {
		...days(p.cycleAll),
		clamped: p.clamped,
		won: days(p.cycleWon),
		lost: days(p.cycleLost)
	};
}
