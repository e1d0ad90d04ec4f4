/** KPI 13 (spec/kpis.md): customers active at P's start who churned in P, new ones, the rest. */
export interface ChurnResult {
	atStart: number;
	churned: number;
	rate: number | null;
	new: number;
	activeAtEnd: number;
}
