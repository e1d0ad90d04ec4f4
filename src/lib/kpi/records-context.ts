// What the drill-through (kpiRecords) of every KPI module shares: the question worked out once,
// and the record lists that several KPIs offer alike. Same rules as the computation; slower
// (plain loops, no buffers), as it runs once per click.

import { ACTIVITY_RESPONSES, ACTIVITY_TYPES } from '../domain/types';
import { firstAtOrAfter } from './buckets';
import { OUTCOME_LOST, OUTCOME_WON, type KpiDataset } from './dataset-types';
import { activityLeadPasses, leadFilterMask, repMask } from './filters';
import type { KpiOptions } from './options';

export interface RecordsContext {
	ds: KpiDataset;
	options: KpiOptions;
	from: number;
	to: number;
	asOf: number;
	tz: string;
	mask: Uint8Array | null;
	leadMask: Uint8Array | null;
	inP(t: number): boolean;
	/** Whether lead i passes the rep, campaign and origin filters. */
	leadOk(i: number): boolean;
	/** Ids of the leads that pass the filters and `pred`, in record order. */
	leads(pred: (i: number) => boolean): string[];
	/** Whether lead i belongs to the cohort (created in P). */
	cohort(i: number): boolean;
	/** A rep id's index; -2 (matching no lead) for an unknown id or none. */
	repOf(id: string | undefined): number;
}

export function recordsContext(ds: KpiDataset, options: KpiOptions): RecordsContext {
	const { from, to } = options;
	const mask = repMask(ds, options.reps);
	const leadMask = leadFilterMask(ds, options.campaigns, options.origins);
	const inP = (t: number) => t >= from && t < to;
	const leadOk = (i: number) =>
		(!mask || mask[ds.leadOwner[i]] === 1) && (!leadMask || leadMask[i] === 1);
	return {
		ds,
		options,
		from,
		to,
		asOf: Math.min(to, options.now),
		tz: options.timeZone ?? ds.timeZone,
		mask,
		leadMask,
		inP,
		leadOk,
		leads(pred) {
			const out: string[] = [];
			for (let i = 0; i < ds.leadCount; i++) if (leadOk(i) && pred(i)) out.push(ds.leadIds[i]);
			return out;
		},
		cohort: (i) => inP(ds.leadCreatedAt[i]),
		repOf: (id) => (id === undefined ? -2 : (ds.repIndex.get(id) ?? -2))
	};
}

/** Leads closed in P (sales cycle, win/loss); part `won` | `lost` | `clamped`. */
export function closedLeadRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds } = ctx;
	return ctx.leads((i) => {
		if (!ctx.inP(ds.closedAt[i])) return false;
		if (part === 'won') return ds.outcome[i] === OUTCOME_WON;
		if (part === 'lost') return ds.outcome[i] === OUTCOME_LOST;
		if (part === 'clamped') return ds.closedAt[i] < ds.cycleStart[i];
		return true;
	});
}

/**
 * Activity ids in P (activities, responses), optionally only those with a response; part = a
 * type (`call` ...), a response (`positive` ...) when `withResponse`, or a rep id.
 */
export function activityRecords(
	ctx: RecordsContext,
	part: string | undefined,
	withResponse: boolean
): string[] {
	const { ds, mask, leadMask } = ctx;
	const lo = firstAtOrAfter(ds.actAt, ctx.from);
	const hi = firstAtOrAfter(ds.actAt, ctx.to);
	const type = ACTIVITY_TYPES.indexOf(part as never);
	const response = ACTIVITY_RESPONSES.indexOf(part as never) + 1;
	const rep = ctx.repOf(part);
	const out: string[] = [];
	for (let k = lo; k < hi; k++) {
		if (mask && !mask[ds.actRep[k]]) continue;
		if (leadMask && !activityLeadPasses(ds, leadMask, k)) continue;
		if (withResponse) {
			if (ds.actResponse[k] === 0) continue;
			if (part !== undefined && ds.actResponse[k] !== response && ds.actRep[k] !== rep) continue;
		} else if (part !== undefined && ds.actType[k] !== type && ds.actRep[k] !== rep) {
			continue;
		}
		out.push(ds.idPools[ds.actPool[k]].at(ds.actPoolRow[k]) as string);
	}
	return out;
}

/**
 * Cohort leads (response time, follow-up, lead origin); part = a rep id (its leads), `marketing`
 * | `sales`, `unanswered` | `notFollowedUp` (no first contact), `followedUp` (one). With
 * `answeredOnly` (response time) the whole set and a rep's are the answered leads only.
 */
export function cohortLeadRecords(
	ctx: RecordsContext,
	part: string | undefined,
	answeredOnly: boolean
): string[] {
	const { ds } = ctx;
	const rep = ctx.repOf(part);
	return ctx.leads((i) => {
		if (!ctx.cohort(i)) return false;
		const answered = !Number.isNaN(ds.firstContactAt[i]);
		if (rep >= 0) return ds.leadOwner[i] === rep && (!answeredOnly || answered);
		if (part === 'marketing') return ds.leadOrigin[i] === 0;
		if (part === 'sales') return ds.leadOrigin[i] === 1;
		if (part === 'unanswered' || part === 'notFollowedUp') return !answered;
		if (part === 'followedUp' || answeredOnly) return answered;
		return true;
	});
}
