// KPI 3: a walk over the campaigns (a handful), with the per-campaign counts the dataset keeps;
// it needs nothing of the lead pass.
import { campaignFilterMask } from '../../kpi/filters';
import type { PassContext } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { CampaignFigures, CostPerLeadResult } from './types';

export function computeCostPerLead(ctx: PassContext): CostPerLeadResult {
	const { ds, zone, from, to, options } = ctx;
	const byCampaign: Record<string, CampaignFigures> = {};
	const overlapping: string[] = [];
	let cplBudget = 0;
	let cplLeads = 0;
	const campaignMask = campaignFilterMask(ds, options.campaigns, options.origins);
	for (let c = 0; c < ds.campaignIds.length; c++) {
		if (campaignMask && !campaignMask[c]) continue;
		const budget = ds.campaignBudget[c];
		const leads = ds.campaignLeads[c];
		const opps = ds.campaignOpportunities[c];
		const cw = ds.campaignWon[c];
		const wv = ds.campaignWonValue[c];
		byCampaign[ds.campaignIds[c]] = {
			budget,
			leads,
			cpl: ratio(budget, leads),
			opportunities: opps,
			costPerOpportunity: ratio(budget, opps),
			won: cw,
			costPerWon: ratio(budget, cw),
			wonValue: wv,
			roi: ratio(wv - budget, budget)
		};
		if (zone.campaignStart[c] < to && zone.campaignEnd[c] > from) {
			overlapping.push(ds.campaignIds[c]);
			cplBudget += budget;
			cplLeads += leads;
		}
	}
	return {
		cpl: ratio(cplBudget, cplLeads),
		budget: cplBudget,
		leads: cplLeads,
		campaigns: overlapping,
		byCampaign
	};
}
