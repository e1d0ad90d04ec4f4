// KPI 8 from the lead pass's per-rep cohort counts.
import type { PassContext, Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { FollowUpFigures, FollowUpResult } from './types';

export function computeFollowUp({ leads: p }: Passes, { ds }: PassContext): FollowUpResult {
	const byRep: Record<string, FollowUpFigures> = {};
	for (let r = 0; r < ds.repIds.length; r++) {
		if (p.followTotal[r] === 0) continue;
		byRep[ds.repIds[r]] = {
			total: p.followTotal[r],
			followedUp: p.followDone[r],
			rate: ratio(p.followDone[r], p.followTotal[r])
		};
	}
	const followedUp = p.cohort - p.unanswered;
	return { total: p.cohort, followedUp, rate: ratio(followedUp, p.cohort), byRep };
}
