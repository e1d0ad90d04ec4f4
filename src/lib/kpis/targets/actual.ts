// A target's window and the records behind its actual (spec/targets-and-forecast.md,
// `targets`): shared by the figure and its drill-through, so the two cannot disagree.
import type { Target, TargetMetric } from '../../domain/types';
import { firstAtOrAfter } from '../../kpi/buckets';
import { dayAfter } from '../../kpi/dataset-columns';
import type { KpiDataset } from '../../kpi/dataset-types';
import { instantParser } from '../../kpi/fast-instant';
import { activityLeadPasses } from '../../kpi/filters';

/** What the actual is counted under: the dataset, the clock and the filters' masks. */
export interface TargetQuestion {
	ds: KpiDataset;
	asOf: number;
	tz: string;
	mask: Uint8Array | null;
	leadMask: Uint8Array | null;
}

/** W = [start of `from`, start of the day after `to`) in the zone. */
export function targetWindow(t: Target, tz: string): [number, number] {
	const instant = instantParser(tz);
	return [instant(t.from), dayAfter(t.to, instant)];
}

/** The rep index a target counts for: -1 for the team, -2 for a rep the records never name. */
export function targetRep(ds: KpiDataset, t: Target): number {
	return t.repId ? (ds.repIndex.get(t.repId) ?? -2) : -1;
}

/**
 * What the actual counts, W.start <= instant < min(W.end, asOf): lead indexes in lead order for
 * the lead metrics (won leads for `wonValue` and `won`), positions in the activity log (by `at`)
 * for `activities`.
 */
export function actualIndexes(
	q: TargetQuestion,
	metric: TargetMetric,
	rep: number,
	start: number,
	end: number
): number[] {
	const { ds, mask, leadMask } = q;
	const cut = Math.min(end, q.asOf);
	const out: number[] = [];
	if (!(start < cut) || rep === -2) return out;
	if (metric === 'activities') {
		const hi = firstAtOrAfter(ds.actAt, cut);
		for (let k = firstAtOrAfter(ds.actAt, start); k < hi; k++) {
			const r = ds.actRep[k];
			if (rep >= 0 && r !== rep) continue;
			if (mask && !mask[r]) continue;
			if (leadMask && !activityLeadPasses(ds, leadMask, k)) continue;
			out.push(k);
		}
		return out;
	}
	const ok = (i: number) =>
		(rep < 0 || ds.leadOwner[i] === rep) &&
		(!mask || mask[ds.leadOwner[i]] === 1) &&
		(!leadMask || leadMask[i] === 1);
	if (metric === 'wonValue' || metric === 'won') {
		// Won leads sorted by closedAt (the team's, or the rep's group): a binary search finds W.
		const at = rep >= 0 ? ds.wonOwnerCloseAt : ds.wonCloseAt;
		const leads = rep >= 0 ? ds.wonByOwner : ds.wonByClose;
		const lo = rep >= 0 ? ds.wonOwnerStart[rep] : 0;
		const hi = rep >= 0 ? ds.wonOwnerStart[rep + 1] : leads.length;
		const first = lo + firstAtOrAfter(at.subarray(lo, hi), start);
		const last = lo + firstAtOrAfter(at.subarray(lo, hi), cut);
		for (let k = first; k < last; k++) if (ok(leads[k])) out.push(leads[k]);
		// Lead order, so the money sums run in record order as everywhere.
		return out.sort((a, b) => a - b);
	}
	const instantOf = metric === 'newLeads' ? ds.leadCreatedAt : ds.opportunityAt;
	for (let i = 0; i < ds.leadCount; i++) {
		const t = instantOf[i];
		if (t >= start && t < cut && ok(i)) out.push(i);
	}
	return out;
}

/** The actual from its records: the won value for `wonValue`, else how many there are. */
export function actualOf(ds: KpiDataset, metric: TargetMetric, indexes: number[]): number {
	if (metric !== 'wonValue') return indexes.length;
	let sum = 0;
	for (const i of indexes) sum += ds.leadValue[i];
	return sum;
}
