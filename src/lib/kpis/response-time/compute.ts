// KPI 7 from the lead pass's first-contact spans of the cohort.
import type { PassContext, Passes } from '../../kpi/passes';
import { hours, type HoursStats } from '../../kpi/stats';
import type { ResponseTimeResult } from './types';

export function computeResponseTime({ leads: p }: Passes, { ds }: PassContext): ResponseTimeResult {
	const nReps = ds.repIds.length;
	const byRep: Record<string, HoursStats> = {};
	// Group the answered spans by owner (counting sort) for the per-rep medians. Before the
	// overall median below: it reorders the spans in place, apart from their owners.
	const repOffset = new Int32Array(nReps + 1);
	for (let r = 0; r < nReps; r++) repOffset[r + 1] = repOffset[r] + p.followDone[r];
	const grouped = p.spare;
	const fillAt = repOffset.slice(0, nReps);
	const spans = p.responseSpan;
	for (let k = 0; k < spans.length; k++) grouped[fillAt[p.responseOwner[k]]++] = spans[k];
	for (let r = 0; r < nReps; r++) {
		if (p.followTotal[r] === 0) continue;
		byRep[ds.repIds[r]] = hours(grouped.subarray(repOffset[r], repOffset[r + 1]));
	}
	return {
		...hours(spans),
		unanswered: p.unanswered,
		clamped: p.responseClamped,
		byRep
	};
}
