// updateDataset's fast path: after an edit that touches a few leads (their records and/or their
// log rows), re-derive only those leads and patch the arrays that depend on them, instead of
// re-deriving 100k leads and a million activities. The activities are the log index's arrays
// (updated in place by updateLogs); per-lead arrays are changed in place when the caller allows
// it, else copied (memcpy). Anything else (reps, stages, campaigns, a lead deleted or reordered,
// a new rep) returns null and the caller re-derives everything.

import { isIsoDate } from '../domain/time';
import type { Lead } from '../domain/types';
import { monthTableFor } from './buckets';
import { customerColumns, forecastBounds, forecastColumns, liveTargets } from './dataset-columns';
import {
	isLive,
	KIND_OPEN,
	KIND_WON,
	OUTCOME_LOST,
	OUTCOME_WON,
	type DatasetChange,
	type DatasetEntities,
	type KpiDataset,
	type ZoneDerived
} from './dataset-types';
import { instantParser } from './fast-instant';
import { activityViews, type LogIndex, type LogsChange } from './logs';

/** A copy of `a` with length n (n >= a.length), new slots filled with `fill`. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number, fill = 0): T {
	if (n === a.length) return a.slice() as T;
	const out = new (a.constructor as new (n: number) => T)(n);
	out.set(a as never);
	if (fill !== 0) out.fill(fill as never, a.length);
	return out;
}

/** Which leads an edit changes, worked out before anything is changed. */
export interface PatchPlan {
	/** Live lead index and new record of each edited lead. */
	updated: [number, Lead][];
	/** New live leads, in order (they come after the old ones). */
	appended: Lead[];
}

/**
 * The leads `change` edits and adds, or null when the dataset must be derived again: reps,
 * stages or campaigns changed, a lead was deleted or revived, or the live leads' order changed.
 * Changes nothing.
 */
export function planPatch(
	prev: KpiDataset,
	change: DatasetChange,
	logs: LogIndex
): PatchPlan | null {
	if (change.reps || change.stages || change.campaigns) return null;
	const updated: [number, Lead][] = [];
	let appended: Lead[] = [];
	const all = change.leads;
	if (!all) return { updated, appended };
	const n0 = prev.leadCount;
	const indexOf = (id: string): number => {
		const key = logs.leadKeys.get(id);
		return key !== undefined && key < prev.keyToLead.length ? prev.keyToLead[key] : -1;
	};
	if (change.changedLeads) {
		const fresh = new Set<string>();
		for (const l of change.changedLeads) {
			const i = indexOf(l.id);
			if (i >= 0) {
				if (!isLive(l)) return null;
				updated.push([i, l]);
			} else if (isLive(l)) {
				fresh.add(l.id);
			}
		}
		// New leads must be the last live records of the list, as a derivation would order them.
		for (let j = all.length - 1; j >= 0 && appended.length < fresh.size; j--) {
			const l = all[j];
			if (!isLive(l)) continue;
			if (!fresh.has(l.id)) return null;
			appended.push(l);
		}
		if (appended.length < fresh.size) return null;
		appended.reverse();
	} else {
		// Without a hint: the old live leads in the same order, new ones only appended.
		const leads = all.filter(isLive);
		if (leads.length < n0) return null;
		for (let i = 0; i < n0; i++) {
			const l = leads[i];
			if (l.id !== prev.leadIds[i]) return null;
			if (l !== prev.leadRecords[i]) updated.push([i, l]);
		}
		appended = leads.slice(n0);
	}
	const seen = new Set<string>();
	for (const l of appended) {
		if (seen.has(l.id) || indexOf(l.id) >= 0) return null; // a duplicate id
		seen.add(l.id);
	}
	return { updated, appended };
}

export function patchDataset(
	prev: KpiDataset,
	change: DatasetChange,
	entities: DatasetEntities,
	logs: LogIndex,
	lc: LogsChange | undefined,
	plan: PatchPlan,
	inPlace: boolean
): KpiDataset | null {
	// A new rep would renumber the rep arrays: re-derive.
	if (lc?.repsAdded) return null;
	// Every check comes before the first change to `prev` (in place, a null must leave it whole).
	const knownRep = (id: string | undefined | null) => !id || prev.repIndex.has(id);
	for (const [, l] of plan.updated) if (!knownRep(l.ownerId)) return null;
	for (const l of plan.appended) if (!knownRep(l.ownerId)) return null;
	if (change.customers) {
		for (const c of change.customers) if (isLive(c) && !knownRep(c.ownerId)) return null;
	}
	if (change.forecasts) {
		for (const f of change.forecasts) if (isLive(f) && !knownRep(f.repId)) return null;
	}
	const tz = prev.timeZone;
	const instant = instantParser(tz);
	const rep = (id: string): number => prev.repIndex.get(id) ?? 0;

	const n0 = prev.leadCount;
	const n = n0 + plan.appended.length;
	// In place only when no per-lead array must grow.
	const reuse = inPlace && n === n0;
	const own = <T extends Float64Array | Int32Array | Uint8Array>(a: T, fill = 0): T =>
		reuse ? a : grown(a, n, fill);
	const leads = reuse ? prev.leadRecords : prev.leadRecords.concat(plan.appended);
	const marked = new Uint8Array(n);
	for (const [i, l] of plan.updated) {
		leads[i] = l;
		marked[i] = 1;
	}
	for (let i = n0; i < n; i++) marked[i] = 1;

	// Lead keys: appended leads get theirs (the dictionary is shared and only grows).
	const leadIds = n === n0 ? prev.leadIds : prev.leadIds.concat(plan.appended.map((l) => l.id));
	const leadKey = own(prev.leadKey);
	for (let i = n0; i < n; i++) leadKey[i] = logs.leadKeys.index(leadIds[i]);
	const nKeys = logs.leadKeys.values.length;
	let keyToLead = prev.keyToLead;
	if (nKeys > keyToLead.length || !inPlace) {
		keyToLead = new Int32Array(nKeys).fill(-1);
		keyToLead.set(prev.keyToLead.subarray(0, Math.min(nKeys, prev.keyToLead.length)));
	}
	for (let i = n0; i < n; i++) keyToLead[leadKey[i]] = i;
	// Leads whose log rows were replaced.
	const isReplaced = lc?.isReplaced;
	const touched: number[] = [];
	for (const [i] of plan.updated) touched.push(i);
	for (let i = n0; i < n; i++) touched.push(i);
	for (const key of lc?.replacedKeys ?? []) {
		const i = key < keyToLead.length ? keyToLead[key] : -1;
		if (i >= 0 && !marked[i]) {
			marked[i] = 1;
			touched.push(i);
		}
	}
	// The affected leads in index order, each once (a walk over the few touched ones, not n).
	const affected = [...new Set(touched)].sort((x, y) => x - y);
	// What the affected leads were, to tell later whether the won index and the campaign
	// figures must be redone (the arrays may be changed in place below).
	const na = affected.length;
	const wasOutcome = new Uint8Array(na).fill(255);
	const wasClosedAt = new Float64Array(na).fill(NaN);
	const wasOwner = new Int32Array(na).fill(-1);
	const wasCampaign = new Int32Array(na).fill(-1);
	const wasOpportunity = new Uint8Array(na);
	const wasValue = new Float64Array(na);
	for (let a = 0; a < na; a++) {
		const i = affected[a];
		if (i >= n0) continue;
		wasOutcome[a] = prev.outcome[i];
		wasClosedAt[a] = prev.closedAt[i];
		wasOwner[a] = prev.leadOwner[i];
		wasCampaign[a] = prev.leadCampaign[i];
		wasOpportunity[a] = Number.isNaN(prev.opportunityAt[i]) ? 0 : 1;
		wasValue[a] = prev.leadValue[i];
	}

	// Activities: the log index's arrays are the dataset's (only live leads' rows are there).
	const act = activityViews(logs);

	// Per-lead columns: copies of the old ones, then the affected leads re-derived.
	const campaignIndex = new Map<string, number>();
	prev.campaignIds.forEach((id, c) => campaignIndex.set(id, c));
	const leadOwner = own(prev.leadOwner);
	const leadOrigin = own(prev.leadOrigin);
	const leadCampaign = own(prev.leadCampaign);
	const leadCreatedAt = own(prev.leadCreatedAt);
	const leadValue = own(prev.leadValue);
	const leadExpectedMonth = own(prev.leadExpectedMonth);
	const leadExpectedAt = own(prev.leadExpectedAt, NaN);
	const firstContactAt = own(prev.firstContactAt, NaN);
	const closedAt = own(prev.closedAt);
	const outcome = own(prev.outcome);
	const cycleStart = own(prev.cycleStart);
	const opportunityAt = own(prev.opportunityAt);
	const reachedOrder = own(prev.reachedOrder);
	const reachedWon = own(prev.reachedWon);
	const recordChanged = new Uint8Array(n);
	for (const [i] of plan.updated) recordChanged[i] = 1;
	for (let i = n0; i < n; i++) recordChanged[i] = 1;
	const leadStage = new Int32Array(affected.length);
	for (let a = 0; a < affected.length; a++) {
		const i = affected[a];
		const l = leads[i];
		leadOwner[i] = rep(l.ownerId);
		leadOrigin[i] = l.origin === 'marketing' ? 0 : 1;
		leadCampaign[i] = l.campaignId ? (campaignIndex.get(l.campaignId) ?? -1) : -1;
		if (recordChanged[i]) leadCreatedAt[i] = instant(l.createdAt);
		leadValue[i] = typeof l.value === 'number' ? l.value : 0;
		leadStage[a] = prev.stageIndex.get(l.stageId) ?? -1;
		leadExpectedMonth[i] = -1;
		leadExpectedAt[i] = NaN;
		const ecd = l.expectedCloseDate;
		if (ecd) {
			const t = instant(ecd);
			if (isIsoDate(ecd)) {
				leadExpectedMonth[i] = Number(ecd.slice(0, 4)) * 12 + Number(ecd.slice(5, 7)) - 1;
				leadExpectedAt[i] = t;
			} else if (!Number.isNaN(t)) {
				leadExpectedMonth[i] = monthTableFor(tz, t, t).monthOf(t);
				leadExpectedAt[i] = t;
			}
		}
		const key = leadKey[i];
		if (i >= n0 || (isReplaced && key < isReplaced.length && isReplaced[key])) {
			firstContactAt[i] = NaN;
		}
	}
	// First contacts of the leads whose activities were replaced: all their rows are in the
	// change (unchanged ones too); of new leads: the rows that came back from aside.
	if (lc) {
		for (const p of lc.addedPos) {
			const key = act[2][p];
			const li = key >= 0 && key < keyToLead.length ? keyToLead[key] : -1;
			const t = act[0][p];
			if (li >= 0 && !(firstContactAt[li] <= t)) firstContactAt[li] = t;
		}
		const cols = lc.activities;
		const keyOf = Int32Array.from(cols.leadDict, (id) => (id ? logs.leadKeys.index(id) : -1));
		for (let r = 0; r < cols.count; r++) {
			const d = cols.lead[r];
			const t = cols.at[r];
			if (d < 0 || !Number.isNaN(cols.deletedAt[r]) || Number.isNaN(t)) continue;
			const key = keyOf[d];
			const li = key < keyToLead.length ? keyToLead[key] : -1;
			if (li >= 0 && !(firstContactAt[li] <= t)) firstContactAt[li] = t;
		}
	}

	// Stage histories: the affected leads' events from the log index, the rest copied in runs.
	const stageOfKey = new Int32Array(logs.stageKeys.values.length);
	for (let d = 0; d < stageOfKey.length; d++) {
		stageOfKey[d] = prev.stageIndex.get(logs.stageKeys.values[d]) ?? -1;
	}
	const logKeys = logs.evStart.length - 1;
	const counts = new Int32Array(affected.length);
	for (let a = 0; a < affected.length; a++) {
		const key = leadKey[affected[a]];
		let c = 0;
		if (key < logKeys) {
			for (let k = logs.evStart[key]; k < logs.evStart[key + 1]; k++) {
				if (stageOfKey[logs.evStage[k]] >= 0) c++;
			}
		}
		counts[a] = Math.max(1, c);
	}
	// In place when every affected lead keeps its number of events (an activity was logged, a
	// record field changed): no copy of the event arrays.
	let sameLengths = reuse;
	for (let a = 0; sameLengths && a < affected.length; a++) {
		const i = affected[a];
		sameLengths = counts[a] === prev.evStart[i + 1] - prev.evStart[i];
	}
	let evStart = prev.evStart;
	let evStage = prev.evStage;
	let evAt = prev.evAt;
	if (!sameLengths) {
		evStart = new Int32Array(n + 1);
		for (let i = 0, a = 0; i < n; i++) {
			const len = marked[i] ? counts[a++] : prev.evStart[i + 1] - prev.evStart[i];
			evStart[i + 1] = evStart[i] + len;
		}
		evStage = new Int32Array(evStart[n]);
		evAt = new Float64Array(evStart[n]);
	}
	let from = 0; // first lead of the current unaffected run
	for (let a = 0; a <= affected.length; a++) {
		const to = a < affected.length ? affected[a] : n;
		if (!sameLengths && to > from && from < n0) {
			const end = Math.min(to, n0);
			evStage.set(prev.evStage.subarray(prev.evStart[from], prev.evStart[end]), evStart[from]);
			evAt.set(prev.evAt.subarray(prev.evStart[from], prev.evStart[end]), evStart[from]);
		}
		if (a === affected.length) break;
		const i = to;
		from = i + 1;
		let k = evStart[i];
		const key = leadKey[i];
		if (counts[a] === 1 && !hasEvent(logs, key, logKeys, stageOfKey)) {
			evStage[k] = leadStage[a];
			evAt[k] = leadCreatedAt[i];
		} else {
			for (let j = logs.evStart[key]; j < logs.evStart[key + 1]; j++) {
				const st = stageOfKey[logs.evStage[j]];
				if (st < 0) continue;
				evStage[k] = st;
				evAt[k++] = logs.evAt[j];
			}
		}
	}

	// The affected leads' facts from their whole history.
	const { stageKind, stageOrder, stageQualified } = prev;
	for (const i of affected) {
		const s = evStart[i];
		const e = evStart[i + 1];
		closedAt[i] = NaN;
		outcome[i] = 0;
		opportunityAt[i] = NaN;
		reachedOrder[i] = -Infinity;
		reachedWon[i] = 0;
		for (let k = s; k < e; k++) {
			const st = evStage[k];
			if (st < 0) continue;
			const kind = stageKind[st];
			if (kind === KIND_WON) {
				reachedWon[i] = 1;
				if (Number.isNaN(opportunityAt[i])) opportunityAt[i] = evAt[k];
			} else if (kind === KIND_OPEN) {
				if (stageOrder[st] > reachedOrder[i]) reachedOrder[i] = stageOrder[st];
				if (stageQualified[st] && Number.isNaN(opportunityAt[i])) opportunityAt[i] = evAt[k];
			}
		}
		const last = evStage[e - 1];
		if (last >= 0 && stageKind[last] !== KIND_OPEN) {
			closedAt[i] = evAt[e - 1];
			outcome[i] = stageKind[last] === KIND_WON ? OUTCOME_WON : OUTCOME_LOST;
		}
		const f = firstContactAt[i];
		cycleStart[i] = Number.isNaN(f) ? leadCreatedAt[i] : f;
	}

	let wonChanged = false;
	let campaignsChanged = false;
	for (let a = 0; a < na; a++) {
		const i = affected[a];
		const won = outcome[i] === OUTCOME_WON;
		const wasWon = wasOutcome[a] === OUTCOME_WON;
		if (
			(won || wasWon) &&
			(won !== wasWon || !Object.is(closedAt[i], wasClosedAt[a]) || leadOwner[i] !== wasOwner[a])
		) {
			wonChanged = true;
		}
		const c = leadCampaign[i];
		if (
			(c >= 0 || wasCampaign[a] >= 0) &&
			(c !== wasCampaign[a] ||
				won !== wasWon ||
				(Number.isNaN(opportunityAt[i]) ? 0 : 1) !== wasOpportunity[a] ||
				!Object.is(leadValue[i], wasValue[a]))
		) {
			campaignsChanged = true;
		}
	}

	// Won leads by close: the unaffected ones keep their order; the affected ones merge in.
	let wonByClose = prev.wonByClose;
	let wonCloseAt = prev.wonCloseAt;
	let wonOwnerStart = prev.wonOwnerStart;
	let wonByOwner = prev.wonByOwner;
	let wonOwnerCloseAt = prev.wonOwnerCloseAt;
	if (wonChanged) {
		const mine = affected.filter((i) => outcome[i] === OUTCOME_WON);
		mine.sort((x, y) => closedAt[x] - closedAt[y] || x - y);
		let count = mine.length;
		const old = prev.wonByClose;
		for (let k = 0; k < old.length; k++) if (!marked[old[k]]) count++;
		wonByClose = new Int32Array(count);
		wonCloseAt = new Float64Array(count);
		let m = 0;
		let w = 0;
		for (let k = 0; k < old.length; k++) {
			const i = old[k];
			if (marked[i]) continue;
			const t = closedAt[i];
			while (
				m < mine.length &&
				(closedAt[mine[m]] < t || (closedAt[mine[m]] === t && mine[m] < i))
			) {
				wonCloseAt[w] = closedAt[mine[m]];
				wonByClose[w++] = mine[m++];
			}
			wonCloseAt[w] = t;
			wonByClose[w++] = i;
		}
		while (m < mine.length) {
			wonCloseAt[w] = closedAt[mine[m]];
			wonByClose[w++] = mine[m++];
		}
		const nr = prev.repIds.length;
		wonOwnerStart = new Int32Array(nr + 1);
		for (let k = 0; k < count; k++) wonOwnerStart[leadOwner[wonByClose[k]] + 1]++;
		for (let r = 0; r < nr; r++) wonOwnerStart[r + 1] += wonOwnerStart[r];
		wonByOwner = new Int32Array(count);
		wonOwnerCloseAt = new Float64Array(count);
		const pos = wonOwnerStart.slice(0, nr);
		for (let k = 0; k < count; k++) {
			const i = wonByClose[k];
			const at = pos[leadOwner[i]]++;
			wonByOwner[at] = i;
			wonOwnerCloseAt[at] = wonCloseAt[k];
		}
	}

	// All-time campaign figures: one pass over the leads when an affected lead counts for one
	// (a pass, not an update of the sums, so the sums are exact in the same order as a build).
	let campaignLeads = prev.campaignLeads;
	let campaignOpportunities = prev.campaignOpportunities;
	let campaignWon = prev.campaignWon;
	let campaignWonValue = prev.campaignWonValue;
	if (campaignsChanged) {
		const nc = prev.campaignIds.length;
		campaignLeads = new Int32Array(nc);
		campaignOpportunities = new Int32Array(nc);
		campaignWon = new Int32Array(nc);
		campaignWonValue = new Float64Array(nc);
		for (let i = 0; i < n; i++) {
			const c = leadCampaign[i];
			if (c < 0) continue;
			campaignLeads[c]++;
			if (!Number.isNaN(opportunityAt[i])) campaignOpportunities[c]++;
			if (outcome[i] === OUTCOME_WON) {
				campaignWon[c]++;
				campaignWonValue[c] += leadValue[i];
			}
		}
	}

	const customerPart = change.customers
		? customerColumns(entities.customers, rep, instant, prev)
		: prev;
	const forecastPart = change.forecasts ? forecastColumns(entities.forecasts, rep) : prev;

	const ds: KpiDataset = {
		...prev,
		campaignLeads,
		campaignOpportunities,
		campaignWon,
		campaignWonValue,
		leadCount: n,
		leadKey,
		leadRecords: leads,
		customerRecords: customerPart.customerRecords,
		leadIds,
		keyToLead,
		leadOwner,
		leadOrigin,
		leadCampaign,
		leadCreatedAt,
		leadValue,
		leadExpectedMonth,
		leadExpectedAt,
		evStart,
		evStage,
		evAt,
		closedAt,
		outcome,
		firstContactAt,
		cycleStart,
		opportunityAt,
		reachedOrder,
		reachedWon,
		wonByClose,
		wonCloseAt,
		wonOwnerStart,
		wonByOwner,
		wonOwnerCloseAt,
		actCount: logs.actCount,
		actAt: act[0],
		actRep: act[1],
		actLead: act[2],
		actType: act[3],
		actResponse: act[4],
		actPool: act[5],
		actPoolRow: act[6],
		idPools: logs.idPools,
		customerIds: customerPart.customerIds,
		customerOwner: customerPart.customerOwner,
		customerSince: customerPart.customerSince,
		customerChurnedAt: customerPart.customerChurnedAt,
		forecastIds: forecastPart.forecastIds,
		forecastPeriod: forecastPart.forecastPeriod,
		forecastRep: forecastPart.forecastRep,
		forecastAmount: forecastPart.forecastAmount,
		targets: change.targets ? liveTargets(entities.targets) : prev.targets,
		zoneCache: new Map(),
		logs,
		entities
	};

	// Zone caches: seasonality counts patched by the removed and added activities.
	const removedAt = lc?.removedAt ?? [];
	const removedRep = lc?.removedRep ?? [];
	const added = lc?.addedPos ?? new Int32Array(0);
	for (const [zone, z] of prev.zoneCache) {
		const seasonByRep = z.seasonByRep.slice();
		const monthIndex = monthIndexer(zone, removedAt, added, ds.actAt);
		for (let k = 0; k < removedAt.length; k++) {
			seasonByRep[removedRep[k] * 12 + monthIndex(removedAt[k])]--;
		}
		for (const p of added) {
			seasonByRep[ds.actRep[p] * 12 + monthIndex(ds.actAt[p])]++;
		}
		const bounds = change.forecasts ? forecastBounds(ds.forecastPeriod, zone) : z;
		const next: ZoneDerived = {
			forecastStart: bounds.forecastStart,
			forecastEnd: bounds.forecastEnd,
			campaignStart: z.campaignStart,
			campaignEnd: z.campaignEnd,
			seasonByRep
		};
		ds.zoneCache.set(zone, next);
	}
	return ds;
}

function hasEvent(logs: LogIndex, key: number, logKeys: number, stageOfKey: Int32Array): boolean {
	if (key >= logKeys) return false;
	for (let k = logs.evStart[key]; k < logs.evStart[key + 1]; k++) {
		if (stageOfKey[logs.evStage[k]] >= 0) return true;
	}
	return false;
}

/** Calendar month (0..11) in `zone` of instants in the range of the given ones. */
function monthIndexer(
	zone: string,
	removedAt: number[],
	added: Int32Array,
	at: Float64Array
): (t: number) => number {
	let lo = Infinity;
	let hi = -Infinity;
	for (const t of removedAt) {
		if (t < lo) lo = t;
		if (t > hi) hi = t;
	}
	for (const p of added) {
		if (at[p] < lo) lo = at[p];
		if (at[p] > hi) hi = at[p];
	}
	if (lo > hi) return () => 0;
	const table = monthTableFor(zone, lo, hi);
	return (t) => (((table.monthOf(t) - table.firstYear * 12) % 12) + 12) % 12;
}
