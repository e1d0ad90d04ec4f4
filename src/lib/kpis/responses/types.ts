export interface ResponseFigures {
	positive: number;
	negative: number;
	neutral: number;
	positiveShare: number | null;
	ratio: number | null;
}

/** KPI 9 (spec/kpis.md): responses of the activities in P, overall and per rep. */
export interface ResponsesResult extends ResponseFigures {
	byRep: Record<string, ResponseFigures>;
}
