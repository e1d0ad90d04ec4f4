/** KPI 2 (spec/kpis.md): leads won and lost in P, their ratio, win rate and values. */
export interface WinLossResult {
	won: number;
	lost: number;
	ratio: number | null;
	winRate: number | null;
	wonValue: number;
	lostValue: number;
}
