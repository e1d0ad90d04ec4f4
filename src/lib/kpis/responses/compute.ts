// KPI 9 from the activity pass's per-rep response counts.
import type { PassContext, Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { ResponseFigures, ResponsesResult } from './types';

export function computeResponses({ activities: p }: Passes, { ds }: PassContext): ResponsesResult {
	const byRep: Record<string, ResponseFigures> = {};
	let pos = 0;
	let neg = 0;
	let neu = 0;
	for (let r = 0; r < ds.repIds.length; r++) {
		const ps = p.repResp[r * 3];
		const ng = p.repResp[r * 3 + 1];
		const nu = p.repResp[r * 3 + 2];
		if (ps + ng + nu > 0) {
			byRep[ds.repIds[r]] = responseFigures(ps, ng, nu);
			pos += ps;
			neg += ng;
			neu += nu;
		}
	}
	return { ...responseFigures(pos, neg, neu), byRep };
}

function responseFigures(positive: number, negative: number, neutral: number): ResponseFigures {
	return {
		positive,
		negative,
		neutral,
		positiveShare: ratio(positive, positive + negative),
		ratio: ratio(positive, negative)
	};
}
