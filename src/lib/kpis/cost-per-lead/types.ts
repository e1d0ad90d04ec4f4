export interface CampaignFigures {
	/** extra: the campaign's budget. */
	budget: number;
	leads: number;
	cpl: number | null;
	opportunities: number;
	costPerOpportunity: number | null;
	won: number;
	costPerWon: number | null;
	wonValue: number;
	roi: number | null;
}

/** KPI 3 (spec/kpis.md): budget of the campaigns overlapping P over their leads. */
export interface CostPerLeadResult {
	cpl: number | null;
	budget: number;
	leads: number;
	/** extra: ids of the campaigns whose window overlaps P, in record order. */
	campaigns: string[];
	byCampaign: Record<string, CampaignFigures>;
}
