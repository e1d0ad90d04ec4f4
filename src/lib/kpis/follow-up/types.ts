export interface FollowUpFigures {
	total: number;
	followedUp: number;
	rate: number | null;
}

/** KPI 8 (spec/kpis.md): the share of the cohort's leads with a first contact. */
export interface FollowUpResult extends FollowUpFigures {
	byRep: Record<string, FollowUpFigures>;
}
