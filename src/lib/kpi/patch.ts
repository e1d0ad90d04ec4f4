// updateDataset's fast path: after an edit that touches a few leads (their records and/or their
// log rows), re-derive only those leads and patch the arrays that depend on them, instead of
// re-deriving 100k leads and a million activities. Typed-array copies of unchanged runs are
// memcpy; per-element loops over the whole activity log are avoided except one scan of the lead
// keys where rows must be found. Anything else (reps, stages, campaigns, a lead deleted or
// reordered, a new rep) returns null and the caller re-derives everything.

import { isIsoDate } from '../domain/time';
import type { Lead } from '../domain/types';
import { monthTableFor } from './buckets';
import {
	customerColumns,
	forecastBounds,
	forecastColumns,
	isLive,
	KIND_OPEN,
	KIND_WON,
	OUTCOME_LOST,
	OUTCOME_WON,
	type DatasetChange,
	type DatasetEntities,
	type KpiDataset,
	type ZoneDerived
} from './dataset';
import { instantParser } from './fast-instant';
import { spliceActivityArrays, upperBound, type LogIndex, type LogsChange } from './logs';

/** A copy of `a` with length n (n >= a.length), new slots filled with `fill`. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number, fill = 0): T {
	if (n === a.length) return a.slice() as T;
	const out = new (a.constructor as new (n: number) => T)(n);
	out.set(a as never);
	if (fill !== 0) out.fill(fill as never, a.length);
	return out;
}

export function patchDataset(
	prev: KpiDataset,
	change: DatasetChange,
	entities: DatasetEntities,
	logs: LogIndex,
	lc: LogsChange | undefined
): KpiDataset | null {
	if (change.reps || change.stages || change.campaigns) return null;
	// A new rep would renumber the rep arrays: re-derive.
	if (logs.repKeys.values.length !== prev.logs.repKeys.values.length) return null;
	const tz = prev.timeZone;
	const instant = instantParser(tz);
	let missingRep = false;
	const rep = (id: string): number => {
		const r = prev.repIndex.get(id);
		if (r === undefined) {
			missingRep = true;
			return 0;
		}
		return r;
	};

	// Leads: the old live leads in the same order, new ones only appended.
	const leads: Lead[] = change.leads ? change.leads.filter(isLive) : prev.leadRecords;
	const n0 = prev.leadCount;
	const n = leads.length;
	if (n < n0) return null;
	for (let i = 0; i < n0; i++) if (leads[i].id !== prev.leadIds[i]) return null;
	const marked = new Uint8Array(n);
	if (change.leads)
		for (let i = 0; i < n0; i++) if (leads[i] !== prev.leadRecords[i]) marked[i] = 1;
	for (let i = n0; i < n; i++) marked[i] = 1;

	// Lead keys: appended leads get theirs (the dictionary is shared and only grows).
	const leadIds = n === n0 ? prev.leadIds : prev.leadIds.concat(leads.slice(n0).map((l) => l.id));
	const leadKey = grown(prev.leadKey, n);
	for (let i = n0; i < n; i++) leadKey[i] = logs.leadKeys.index(leadIds[i]);
	const nKeys = logs.leadKeys.values.length;
	const keyToLead = new Int32Array(nKeys);
	keyToLead.set(prev.keyToLead.subarray(0, Math.min(nKeys, prev.keyToLead.length)));
	if (nKeys > prev.keyToLead.length) keyToLead.fill(-1, prev.keyToLead.length);
	for (let i = n0; i < n; i++) {
		if (keyToLead[leadKey[i]] >= 0) return null; // a duplicate id
		keyToLead[leadKey[i]] = i;
	}
	// Leads whose log rows were replaced.
	const isReplaced = lc?.isReplaced;
	if (isReplaced) {
		for (let key = 0; key < isReplaced.length; key++) {
			if (isReplaced[key] && keyToLead[key] >= 0) marked[keyToLead[key]] = 1;
		}
	}
	const droppedRows = prev.actCount < prev.logs.actCount;
	if (n > n0 && droppedRows) {
		// A new lead may own rows the old dataset dropped as orphans: re-derive then.
		const isNew = new Uint8Array(nKeys);
		for (let i = n0; i < n; i++) {
			if (!(isReplaced && leadKey[i] < isReplaced.length && isReplaced[leadKey[i]]))
				isNew[leadKey[i]] = 1;
		}
		const lead = prev.logs.actLead;
		for (let k = 0; k < lead.length; k++) if (lead[k] >= 0 && isNew[lead[k]]) return null;
	}
	const affected: number[] = [];
	for (let i = 0; i < n; i++) if (marked[i]) affected.push(i);

	// Activities of the dataset: the log's arrays when every row is kept, else its own copy.
	let act: Pick<
		KpiDataset,
		| 'actCount'
		| 'actAt'
		| 'actRep'
		| 'actType'
		| 'actResponse'
		| 'actLead'
		| 'actPool'
		| 'actPoolRow'
		| 'idPools'
	> = prev;
	const removedAt: number[] = [];
	const removedRep: number[] = [];
	let added: Int32Array = new Int32Array(0);
	if (lc) {
		const keptNew: number[] = [];
		for (const p of lc.addedPos) {
			const key = logs.actLead[p];
			if (key < 0 || keyToLead[key] >= 0) keptNew.push(p);
		}
		const shared = prev.actAt === prev.logs.actAt;
		if (shared) {
			if (keptNew.length !== lc.addedPos.length) return null;
			for (const k of lc.removed) {
				removedAt.push(prev.actAt[k]);
				removedRep.push(prev.actRep[k]);
			}
			act = { ...logs, actCount: logs.actCount };
			added = lc.addedPos;
		} else {
			if (lc.gathered) return null;
			// The log rows removed, by their (pool, row) id position: unique per row.
			const gone = new Set<number>();
			for (const k of lc.removed) {
				gone.add(prev.logs.actPool[k] * 2 ** 31 + prev.logs.actPoolRow[k]);
			}
			const removed: number[] = [];
			const lead = prev.actLead;
			const none = lc.replaceNone;
			for (let k = 0; gone.size > 0 && k < prev.actCount; k++) {
				const key = lead[k];
				if (
					(key < 0 ? none : key < isReplaced!.length && isReplaced![key] === 1) &&
					gone.has(prev.actPool[k] * 2 ** 31 + prev.actPoolRow[k])
				) {
					removed.push(k);
					removedAt.push(prev.actAt[k]);
					removedRep.push(prev.actRep[k]);
				}
			}
			const insertAt = Int32Array.from(keptNew, (p) =>
				upperBound(prev.actAt, prev.actCount, logs.actAt[p])
			);
			const { outs, newPos } = spliceActivityArrays(
				{ oldCount: prev.actCount, removed: Int32Array.from(removed), insertAt },
				[
					prev.actAt,
					prev.actRep,
					prev.actLead,
					prev.actType,
					prev.actResponse,
					prev.actPool,
					prev.actPoolRow
				]
			);
			const [actAt, actRep, actLead, actType, actResponse, actPool, actPoolRow] = outs;
			for (let j = 0; j < keptNew.length; j++) {
				const k = newPos[j];
				const p = keptNew[j];
				actAt[k] = logs.actAt[p];
				actRep[k] = logs.actRep[p];
				actLead[k] = logs.actLead[p];
				actType[k] = logs.actType[p];
				actResponse[k] = logs.actResponse[p];
				actPool[k] = logs.actPool[p];
				actPoolRow[k] = logs.actPoolRow[p];
			}
			act = {
				actCount: actAt.length,
				actAt,
				actRep,
				actLead,
				actType,
				actResponse,
				actPool,
				actPoolRow,
				idPools: logs.idPools
			};
			added = newPos;
		}
	}

	// Per-lead columns: copies of the old ones, then the affected leads re-derived.
	const campaignIndex = new Map<string, number>();
	prev.campaignIds.forEach((id, c) => campaignIndex.set(id, c));
	const leadOwner = grown(prev.leadOwner, n);
	const leadOrigin = grown(prev.leadOrigin, n);
	const leadCampaign = grown(prev.leadCampaign, n);
	const leadCreatedAt = grown(prev.leadCreatedAt, n);
	const leadValue = grown(prev.leadValue, n);
	const leadExpectedMonth = grown(prev.leadExpectedMonth, n);
	const firstContactAt = grown(prev.firstContactAt, n, NaN);
	const closedAt = grown(prev.closedAt, n);
	const outcome = grown(prev.outcome, n);
	const cycleStart = grown(prev.cycleStart, n);
	const opportunityAt = grown(prev.opportunityAt, n);
	const reachedOrder = grown(prev.reachedOrder, n);
	const reachedWon = grown(prev.reachedWon, n);
	const leadStage = new Int32Array(affected.length);
	let wonChanged = false;
	for (let a = 0; a < affected.length; a++) {
		const i = affected[a];
		const l = leads[i];
		if (i < n0 && prev.outcome[i] === OUTCOME_WON) wonChanged = true;
		leadOwner[i] = rep(l.ownerId);
		leadOrigin[i] = l.origin === 'marketing' ? 0 : 1;
		leadCampaign[i] = l.campaignId ? (campaignIndex.get(l.campaignId) ?? -1) : -1;
		leadCreatedAt[i] =
			i < n0 && prev.leadRecords[i] === l ? prev.leadCreatedAt[i] : instant(l.createdAt);
		leadValue[i] = typeof l.value === 'number' ? l.value : 0;
		leadStage[a] = prev.stageIndex.get(l.stageId) ?? -1;
		leadExpectedMonth[i] = -1;
		const ecd = l.expectedCloseDate;
		if (ecd) {
			if (isIsoDate(ecd)) {
				leadExpectedMonth[i] = Number(ecd.slice(0, 4)) * 12 + Number(ecd.slice(5, 7)) - 1;
			} else {
				const t = instant(ecd);
				if (!Number.isNaN(t)) leadExpectedMonth[i] = monthTableFor(tz, t, t).monthOf(t);
			}
		}
		const key = leadKey[i];
		if (i >= n0 || (isReplaced && key < isReplaced.length && isReplaced[key])) {
			firstContactAt[i] = NaN;
		}
	}
	if (missingRep) return null;
	// First contacts of the leads whose activities were replaced: all their rows are in the
	// change (unchanged ones too).
	if (lc) {
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
	const evStart = new Int32Array(n + 1);
	for (let i = 0, a = 0; i < n; i++) {
		const len = marked[i] ? counts[a++] : prev.evStart[i + 1] - prev.evStart[i];
		evStart[i + 1] = evStart[i] + len;
	}
	const evStage = new Int32Array(evStart[n]);
	const evAt = new Float64Array(evStart[n]);
	let from = 0; // first lead of the current unaffected run
	for (let a = 0; a <= affected.length; a++) {
		const to = a < affected.length ? affected[a] : n;
		if (to > from && from < n0) {
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
		if (outcome[i] === OUTCOME_WON) wonChanged = true;
		const f = firstContactAt[i];
		cycleStart[i] = Number.isNaN(f) ? leadCreatedAt[i] : f;
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
		const list: number[] = [];
		let m = 0;
		for (let k = 0; k < prev.wonByClose.length; k++) {
			const i = prev.wonByClose[k];
			if (marked[i]) continue;
			while (
				m < mine.length &&
				(closedAt[mine[m]] < closedAt[i] || (closedAt[mine[m]] === closedAt[i] && mine[m] < i))
			) {
				list.push(mine[m++]);
			}
			list.push(i);
		}
		while (m < mine.length) list.push(mine[m++]);
		wonByClose = Int32Array.from(list);
		wonCloseAt = Float64Array.from(list, (i) => closedAt[i]);
		const nr = prev.repIds.length;
		wonOwnerStart = new Int32Array(nr + 1);
		for (const i of list) wonOwnerStart[leadOwner[i] + 1]++;
		for (let r = 0; r < nr; r++) wonOwnerStart[r + 1] += wonOwnerStart[r];
		wonByOwner = new Int32Array(list.length);
		const pos = wonOwnerStart.slice(0, nr);
		for (const i of list) wonByOwner[pos[leadOwner[i]]++] = i;
		wonOwnerCloseAt = Float64Array.from(wonByOwner, (i) => closedAt[i]);
	}

	// All-time campaign figures: one pass over the leads (cheap, and exact sums).
	const nc = prev.campaignIds.length;
	const campaignLeads = new Int32Array(nc);
	const campaignOpportunities = new Int32Array(nc);
	const campaignWon = new Int32Array(nc);
	const campaignWonValue = new Float64Array(nc);
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

	const customerPart = change.customers
		? customerColumns(entities.customers, rep, instant, prev)
		: prev;
	const forecastPart = change.forecasts ? forecastColumns(entities.forecasts, rep) : prev;
	if (missingRep) return null;

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
		actCount: act.actCount,
		actAt: act.actAt,
		actRep: act.actRep,
		actType: act.actType,
		actResponse: act.actResponse,
		actLead: act.actLead,
		actPool: act.actPool,
		actPoolRow: act.actPoolRow,
		idPools: act.idPools,
		customerIds: customerPart.customerIds,
		customerOwner: customerPart.customerOwner,
		customerSince: customerPart.customerSince,
		customerChurnedAt: customerPart.customerChurnedAt,
		forecastIds: forecastPart.forecastIds,
		forecastPeriod: forecastPart.forecastPeriod,
		forecastRep: forecastPart.forecastRep,
		forecastAmount: forecastPart.forecastAmount,
		zoneCache: new Map(),
		logs,
		entities
	};

	// Zone caches: seasonality counts patched by the removed and added activities.
	for (const [zone, z] of prev.zoneCache) {
		const seasonByRep = z.seasonByRep.slice();
		const monthIndex = monthIndexer(zone, removedAt, added, ds.actAt);
		for (let k = 0; k < removedAt.length; k++) {
			seasonByRep[removedRep[k] * 12 + monthIndex(removedAt[k])]--;
		}
		for (const p of added) {
			const key = ds.actLead[p];
			if (key >= 0 && keyToLead[key] < 0) continue;
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
