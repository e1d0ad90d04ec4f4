import { zoneDerived } from '../../kpi/dataset-columns';
import { campaignFilterMask } from '../../kpi/filters';
import type { RecordsContext } from '../../kpi/records-context';

/** Leads of the campaigns overlapping P; part = a campaign id for its leads. */
export function costPerLeadRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, options, from, to } = ctx;
	const zone = zoneDerived(ds, ctx.tz);
	const campaignMask = campaignFilterMask(ds, options.campaigns, options.origins);
	const chosen = new Set<number>();
	ds.campaignIds.forEach((id, c) => {
		if (campaignMask && !campaignMask[c]) return;
		if (
			part !== undefined ? id === part : zone.campaignStart[c] < to && zone.campaignEnd[c] > from
		) {
			chosen.add(c);
		}
	});
	// All time, no rep filter, each chosen campaign's leads whatever their origin (as the KPI).
	const out: string[] = [];
	for (let i = 0; i < ds.leadCount; i++)
		if (chosen.has(ds.leadCampaign[i])) out.push(ds.leadIds[i]);
	return out;
}
