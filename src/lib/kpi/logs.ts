// The two large logs in the form the engine needs, kept apart from the entity rows so that an
// edit does not re-sort a million activities: activities sorted by instant, stage events
// grouped by lead and sorted by (at, id). Only deleted rows and rows without an instant are
// dropped here.
//
// The activity arrays hold exactly the rows the dataset counts: those of attached lead keys
// (the live leads) and those without a lead. Rows of deleted or unknown leads wait aside, per
// lead key, and come back when their lead does. So the dataset shares these arrays instead of
// keeping its own filtered copy, and an edit changes them in place: the buffers have room to
// grow, and a splice moves only the rows between the changed positions (memmove), instead of
// copying ~25 MB per edit at L into fresh arrays (and collecting the old ones).

import { StringDictionary, type ActivityColumns, type StageEventColumns } from '../domain/columns';
import { moveRuns, planRuns } from './activity-splice';
import type { ActivityArrays, AsideRows, LogIndex, LogsChange, LogsUpdate } from './log-index';
import type { IdList } from './packed-ids';
import { sortRowsByAt } from './sort-rows';
import { eventGroups, overwriteEventGroups, setEventGroups } from './stage-event-groups';

// The index's shape, its ids, its stage event groups, its splice and its array helpers live in
// their own files; every name stays importable from here.
export { type SplicePlan } from './activity-splice';
export type { ActivityArrays, AsideRows, LogIndex, LogsChange, LogsUpdate } from './log-index';
export { PackedIds, type IdList } from './packed-ids';
export { filledStrings, sortRowsByAt } from './sort-rows';

function actArrays(logs: LogIndex): ActivityArrays {
	return [
		logs.actAt,
		logs.actRep,
		logs.actLead,
		logs.actType,
		logs.actResponse,
		logs.actPool,
		logs.actPoolRow
	];
}

function setActArrays(logs: LogIndex, a: ActivityArrays): void {
	[logs.actAt, logs.actRep, logs.actLead, logs.actType, logs.actResponse, logs.actPool] = a;
	logs.actPoolRow = a[6];
}

function allocArrays(capacity: number): ActivityArrays {
	return [
		new Float64Array(capacity),
		new Int32Array(capacity),
		new Int32Array(capacity),
		new Uint8Array(capacity),
		new Uint8Array(capacity),
		new Uint16Array(capacity),
		new Int32Array(capacity)
	];
}

/** A buffer size for n rows with room for a few thousand more. */
function roomFor(n: number): number {
	return n + Math.max(1024, n >> 6);
}

/** True when activities of lead key `key` (-1: none) are in the activity arrays. */
export function isAttached(logs: LogIndex, key: number): boolean {
	return key < 0 || (key < logs.attached.length && logs.attached[key] === 1);
}

/** The activity arrays as views of exactly actCount rows (what the dataset exposes). */
export function activityViews(logs: LogIndex): ActivityArrays {
	const n = logs.actCount;
	return actArrays(logs).map((a) => a.subarray(0, n)) as ActivityArrays;
}

/**
 * A copy of `logs` that can be updated in place without changing `logs` (dictionaries that
 * only grow are shared; aside entries are never mutated, so they are shared too).
 */
export function cloneLogs(logs: LogIndex): LogIndex {
	const copy: LogIndex = {
		...logs,
		repKeys: new StringDictionary(logs.repKeys.values),
		idPools: logs.idPools.slice(),
		attached: logs.attached.slice(),
		keyRows: logs.keyRows.slice(),
		aside: new Map(logs.aside),
		evStart: logs.evStart.slice(),
		evAt: logs.evAt.slice(),
		evStage: logs.evStage.slice()
	};
	setActArrays(copy, actArrays(logs).map((a) => a.slice()) as ActivityArrays);
	return copy;
}

/**
 * The live rows of `cols` (not deleted, with an instant) sorted by instant, ties by row: the
 * order the activity arrays keep. It needs no lead or rep, so the worker can work it out while
 * the rest of the database is still being read.
 */
export function liveActivityOrder(cols: ActivityColumns): Int32Array {
	let n = 0;
	const keep = new Uint8Array(cols.count);
	for (let r = 0; r < cols.count; r++) {
		if (Number.isNaN(cols.deletedAt[r]) && !Number.isNaN(cols.at[r])) {
			keep[r] = 1;
			n++;
		}
	}
	const rows = new Int32Array(n);
	for (let r = 0, k = 0; r < cols.count; r++) if (keep[r]) rows[k++] = r;
	return sortRowsByAt(rows, cols.at);
}

/** Live activity rows of `cols`, as (row numbers, lead keys, rep keys). */
function liveActivityRows(
	cols: ActivityColumns,
	leadKeys: StringDictionary,
	repKeys: StringDictionary,
	order?: Int32Array
): { rows: Int32Array; lead: Int32Array; rep: Int32Array } {
	const leadMap = new Int32Array(cols.leadDict.length);
	for (let d = 0; d < cols.leadDict.length; d++) {
		leadMap[d] = cols.leadDict[d] ? leadKeys.index(cols.leadDict[d]) : -1;
	}
	const repMap = new Int32Array(cols.repDict.length);
	for (let d = 0; d < cols.repDict.length; d++) repMap[d] = repKeys.index(cols.repDict[d]);
	const sorted = order ?? liveActivityOrder(cols);
	const n = sorted.length;
	const lead = new Int32Array(n);
	const rep = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		const r = sorted[k];
		const d = cols.lead[r];
		lead[k] = d >= 0 ? leadMap[d] : -1;
		rep[k] = repMap[cols.rep[r]];
	}
	return { rows: sorted, lead, rep };
}

/**
 * The log index of two logs, with the activities of `liveLeadIds` (and those without a lead)
 * attached. Lead keys 0 .. n - 1 are the live leads (in order, without repeats).
 */
export function buildLogs(
	activities: ActivityColumns,
	stageEvents: StageEventColumns,
	repKeys: StringDictionary,
	liveLeadIds: readonly string[],
	activityIds: IdList = activities.id,
	activityOrder?: Int32Array
): LogIndex {
	const leadKeys = new StringDictionary(liveLeadIds);
	const nLive = leadKeys.values.length;
	const stageKeys = new StringDictionary();
	const a = liveActivityRows(activities, leadKeys, repKeys, activityOrder);
	const n = a.rows.length;
	let nMain = 0;
	for (let k = 0; k < n; k++) if (a.lead[k] < nLive) nMain++;
	const arrays = allocArrays(roomFor(nMain));
	const [at, rep, lead, type, response, , poolRow] = arrays;
	const asidePositions = new Map<number, number[]>();
	const keyRows = new Int32Array(nLive);
	let m = 0;
	for (let k = 0; k < n; k++) {
		const r = a.rows[k];
		const key = a.lead[k];
		if (key < nLive) {
			at[m] = activities.at[r];
			rep[m] = a.rep[k];
			lead[m] = key;
			type[m] = activities.type[r];
			response[m] = activities.response[r];
			poolRow[m++] = r;
			if (key >= 0) keyRows[key]++;
		} else {
			let list = asidePositions.get(key);
			if (!list) asidePositions.set(key, (list = []));
			list.push(k);
		}
	}
	const aside = new Map<number, AsideRows>();
	for (const [key, list] of asidePositions) {
		aside.set(key, {
			at: Float64Array.from(list, (k) => activities.at[a.rows[k]]),
			rep: Int32Array.from(list, (k) => a.rep[k]),
			type: Uint8Array.from(list, (k) => activities.type[a.rows[k]]),
			response: Uint8Array.from(list, (k) => activities.response[a.rows[k]]),
			pool: new Uint16Array(list.length),
			poolRow: Int32Array.from(list, (k) => a.rows[k])
		});
	}
	const logs: LogIndex = {
		leadKeys,
		repKeys,
		stageKeys,
		actCount: nMain,
		actAt: at,
		actRep: rep,
		actLead: lead,
		actType: type,
		actResponse: response,
		idPools: [activityIds],
		actPool: arrays[5],
		actPoolRow: poolRow,
		attached: new Uint8Array(nLive).fill(1),
		keyRows,
		aside,
		evStart: new Int32Array(1),
		evAt: new Float64Array(0),
		evStage: new Int32Array(0)
	};
	const groups = eventGroups(stageEvents, leadKeys, stageKeys);
	setEventGroups(logs, () => false, groups);
	return logs;
}

/** Number of values in sorted `a[0..n)` that are < t. */
function lowerBound(a: Float64Array, n: number, t: number): number {
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Number of values in sorted `a[0..n)` that are <= t. */
export function upperBound(a: Float64Array, n: number, t: number): number {
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function noActivities(): ActivityColumns {
	return {
		count: 0,
		id: [],
		updatedAt: new Float64Array(0),
		deletedAt: new Float64Array(0),
		at: new Float64Array(0),
		lead: new Int32Array(0),
		leadDict: [],
		rep: new Int32Array(0),
		repDict: [],
		type: new Uint8Array(0),
		response: new Uint8Array(0),
		note: []
	};
}

/** Puts every id into one pool (the pool numbers are 16-bit). Positions do not change. */
function gatherPools(logs: LogIndex): void {
	const ids: string[] = [];
	const { actPool, actPoolRow, idPools } = logs;
	for (let k = 0; k < logs.actCount; k++) {
		ids.push(idPools[actPool[k]].at(actPoolRow[k]) as string);
		actPool[k] = 0;
		actPoolRow[k] = k;
	}
	for (const [key, rows] of logs.aside) {
		const n = rows.at.length;
		const poolRow = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			poolRow[i] = ids.length;
			ids.push(idPools[rows.pool[i]].at(rows.poolRow[i]) as string);
		}
		logs.aside.set(key, { ...rows, pool: new Uint16Array(n), poolRow });
	}
	logs.idPools = [ids];
}

/**
 * Updates `logs` IN PLACE (clone it first to keep the old index): every activity and stage
 * event of the leads of `u` is replaced by the live rows of `u`, and when `attached` is given
 * it becomes the set of attached lead keys (rows move between the arrays and aside). Cost: one
 * scan of the activities' lead keys when rows must leave, a memmove of the rows between the
 * changed positions, and the stage events' layout when `u` is given; nothing is re-sorted.
 */
export function updateLogs(
	logs: LogIndex,
	u: LogsUpdate | undefined,
	attached?: Uint8Array
): LogsChange {
	const leadKeys = logs.leadKeys;
	// A new dictionary object: a dataset compares its rep count with the index it came from.
	const repKeys = (logs.repKeys = new StringDictionary(logs.repKeys.values));
	const acts = u?.activities ?? noActivities();
	let replaceNone = false;
	const replaced: number[] = [];
	for (const id of u?.leadIds ?? []) {
		if (id === '') replaceNone = true;
		else replaced.push(leadKeys.index(id));
	}
	// A lead named by the change's rows is replaced too, so no row is ever counted twice.
	const repCount = repKeys.values.length;
	const a = liveActivityRows(acts, leadKeys, repKeys);
	const noneDelta = u?.removedWithoutLead;
	for (let k = 0; k < a.lead.length; k++) {
		if (a.lead[k] >= 0) replaced.push(a.lead[k]);
		else if (!noneDelta) replaceNone = true;
	}
	if (u) for (const id of u.stageEvents.leadDict) replaced.push(leadKeys.index(id));
	const nKeys = leadKeys.values.length;
	const isReplaced = new Uint8Array(nKeys);
	for (const key of replaced) isReplaced[key] = 1;
	const oldMask = logs.attached;
	const mask = attached ?? oldMask;
	const on = (key: number) => key < 0 || (key < mask.length && mask[key] === 1);

	// What the rows of each key in the arrays do: 0 stay, 1 replaced, 2 go aside.
	let scan = replaced.length > 0 || replaceNone;
	let leave = isReplaced;
	if (mask !== oldMask) {
		for (let key = 0; key < oldMask.length; key++) {
			if (oldMask[key] === 1 && !on(key) && isReplaced[key] === 0) {
				if (leave === isReplaced) leave = isReplaced.slice();
				leave[key] = 2;
				scan = true;
			}
		}
	}
	if (logs.idPools.length >= 0xffff) gatherPools(logs);
	const nOld = logs.actCount;
	const old = actArrays(logs);
	const [oldAt, oldRep, oldLead, oldType, oldResponse, oldPool, oldPoolRow] = old;
	const removedList: number[] = [];
	const detached = new Map<number, number[]>();
	// Usually every old row of the replaced leads is still there, unchanged (an edit added a
	// row, or changed only the lead's record): find them by instant and id instead of scanning
	// the whole log, and scan only when some old row is missing (changed or deleted).
	let matched: Set<number> | null = null;
	if (scan && !replaceNone && leave === isReplaced) {
		let expected = 0;
		for (const key of new Set(replaced)) {
			expected += key < logs.keyRows.length ? logs.keyRows[key] : 0;
		}
		const found = new Set<number>();
		const rowsFound = new Set<number>();
		for (let j = 0; j < a.rows.length && found.size < expected; j++) {
			const key = a.lead[j];
			// (A row without a lead here is an added row of a delta: no old row to find.)
			if (key < 0 || !on(key)) continue;
			const r = a.rows[j];
			const t = acts.at[r];
			for (let k = lowerBound(oldAt, nOld, t); k < nOld && oldAt[k] === t; k++) {
				if (
					oldLead[k] === key &&
					!found.has(k) &&
					oldRep[k] === a.rep[j] &&
					oldType[k] === acts.type[r] &&
					oldResponse[k] === acts.response[r] &&
					logs.idPools[oldPool[k]].at(oldPoolRow[k]) === acts.id[r]
				) {
					found.add(k);
					rowsFound.add(j);
					break;
				}
			}
		}
		if (found.size === expected) {
			matched = rowsFound;
			scan = false;
		}
	}
	if (scan) {
		for (let k = 0; k < nOld; k++) {
			const key = oldLead[k];
			if (key < 0) {
				if (replaceNone) removedList.push(k);
				continue;
			}
			const l = leave[key];
			if (l === 0) continue;
			removedList.push(k);
			if (l === 2) {
				let list = detached.get(key);
				if (!list) detached.set(key, (list = []));
				list.push(k);
			}
		}
	}

	// Aside: replaced keys lose their rows, detached keys gain theirs, attached keys give back.
	const aside = logs.aside;
	for (const key of replaced) aside.delete(key);
	for (const [key, list] of detached) {
		aside.set(key, {
			at: Float64Array.from(list, (k) => oldAt[k]),
			rep: Int32Array.from(list, (k) => oldRep[k]),
			type: Uint8Array.from(list, (k) => oldType[k]),
			response: Uint8Array.from(list, (k) => oldResponse[k]),
			pool: Uint16Array.from(list, (k) => oldPool[k]),
			poolRow: Int32Array.from(list, (k) => oldPoolRow[k])
		});
	}
	const back: [number, AsideRows][] = [];
	if (mask !== oldMask) {
		for (const [key, rows] of aside) {
			if (on(key)) {
				back.push([key, rows]);
				aside.delete(key);
			}
		}
	}
	const newPool = logs.idPools.length;
	let usesPool = false;
	const mainNew: number[] = [];
	const asideNew = new Map<number, number[]>();
	for (let j = 0; j < a.rows.length; j++) {
		const key = a.lead[j];
		if (on(key)) mainNew.push(j);
		else {
			let list = asideNew.get(key);
			if (!list) asideNew.set(key, (list = []));
			list.push(j);
		}
	}
	for (const [key, list] of asideNew) {
		usesPool = true;
		aside.set(key, {
			at: Float64Array.from(list, (j) => acts.at[a.rows[j]]),
			rep: Int32Array.from(list, (j) => a.rep[j]),
			type: Uint8Array.from(list, (j) => acts.type[a.rows[j]]),
			response: Uint8Array.from(list, (j) => acts.response[a.rows[j]]),
			pool: new Uint16Array(list.length).fill(newPool),
			poolRow: Int32Array.from(list, (j) => a.rows[j])
		});
	}

	// A rewritten block mostly holds the rows it had: an old row whose id and fields are
	// unchanged stays where it is (moving thousands of rows scattered over the log would cut
	// the move into thousands of short runs).
	let keepNew: Uint8Array | null = null;
	let removed = removedList;
	if (matched) {
		const rows = matched;
		keepNew = Uint8Array.from(mainNew, (j) => (rows.has(j) ? 0 : 1));
	} else if (removedList.length > 0 && mainNew.length > 0) {
		const byId = new Map<string, number>();
		for (let q = 0; q < mainNew.length; q++) byId.set(acts.id[a.rows[mainNew[q]]], q);
		keepNew = new Uint8Array(mainNew.length).fill(1);
		removed = [];
		for (const k of removedList) {
			const key = oldLead[k];
			const q =
				key >= 0 && leave[key] === 2
					? undefined
					: byId.get(logs.idPools[oldPool[k]].at(oldPoolRow[k]) as string);
			if (q !== undefined && keepNew[q] === 1) {
				const j = mainNew[q];
				const r = a.rows[j];
				if (
					oldAt[k] === acts.at[r] &&
					oldRep[k] === a.rep[j] &&
					key === a.lead[j] &&
					oldType[k] === acts.type[r] &&
					oldResponse[k] === acts.response[r]
				) {
					keepNew[q] = 0;
					continue;
				}
			}
			removed.push(k);
		}
	}

	// A delta of the rows without a lead: their old versions leave (found by instant and id).
	if (noneDelta) {
		const gone = removedWithoutLead(logs, noneDelta, repKeys);
		if (gone.length > 0) removed = [...removed, ...gone].sort((x, y) => x - y);
	}

	// The rows to insert: the change's (sorted by at) and those coming back from aside.
	const insAt: number[] = [];
	const insRep: number[] = [];
	const insLead: number[] = [];
	const insType: number[] = [];
	const insResponse: number[] = [];
	const insPool: number[] = [];
	const insPoolRow: number[] = [];
	for (let q = 0; q < mainNew.length; q++) {
		if (keepNew && !keepNew[q]) continue;
		const j = mainNew[q];
		const r = a.rows[j];
		insAt.push(acts.at[r]);
		insRep.push(a.rep[j]);
		insLead.push(a.lead[j]);
		insType.push(acts.type[r]);
		insResponse.push(acts.response[r]);
		insPool.push(newPool);
		insPoolRow.push(r);
		usesPool = true;
	}
	for (const [key, rows] of back) {
		for (let i = 0; i < rows.at.length; i++) {
			insAt.push(rows.at[i]);
			insRep.push(rows.rep[i]);
			insLead.push(key);
			insType.push(rows.type[i]);
			insResponse.push(rows.response[i]);
			insPool.push(rows.pool[i]);
			insPoolRow.push(rows.poolRow[i]);
		}
	}
	const nIns = insAt.length;
	const order = Int32Array.from(insAt.keys());
	if (back.length > 0) order.sort((x, y) => insAt[x] - insAt[y] || x - y);
	// New rows go after the old rows of the same instant (old first on ties).
	const insertAt = Int32Array.from(order, (q) => upperBound(oldAt, nOld, insAt[q]));
	const removedPos = Int32Array.from(removed);
	const removedAt = removed.map((k) => oldAt[k]);
	const removedRep = removed.map((k) => oldRep[k]);
	const { runs, newPos, count } = planRuns({ oldCount: nOld, removed: removedPos, insertAt });
	let keyRows = logs.keyRows;
	if (keyRows.length < nKeys) {
		keyRows = new Int32Array(roomFor(nKeys));
		keyRows.set(logs.keyRows);
		logs.keyRows = keyRows;
	}
	for (const k of removed) if (oldLead[k] >= 0) keyRows[oldLead[k]]--;
	for (const key of insLead) if (key >= 0) keyRows[key]++;
	const dst = count > oldAt.length ? allocArrays(roomFor(count)) : old;
	moveRuns(old, dst, runs);
	const [at, rep, lead, type, response, pool, poolRow] = dst;
	for (let i = 0; i < nIns; i++) {
		const q = order[i];
		const k = newPos[i];
		at[k] = insAt[q];
		rep[k] = insRep[q];
		lead[k] = insLead[q];
		type[k] = insType[q];
		response[k] = insResponse[q];
		pool[k] = insPool[q];
		poolRow[k] = insPoolRow[q];
	}
	setActArrays(logs, dst);
	logs.actCount = count;
	if (usesPool) logs.idPools.push(acts.id);
	logs.attached = mask;

	if (u) {
		const groups = eventGroups(u.stageEvents, leadKeys, logs.stageKeys);
		if (!overwriteEventGroups(logs, replaced, groups)) {
			setEventGroups(logs, (key) => key >= isReplaced.length || isReplaced[key] === 0, groups, {
				evStart: logs.evStart,
				evAt: logs.evAt,
				evStage: logs.evStage
			});
		}
	}
	return {
		isReplaced,
		replacedKeys: replaced,
		replaceNone,
		repsAdded: repKeys.values.length > repCount,
		addedPos: newPos,
		removedAt,
		removedRep,
		activities: acts
	};
}

/**
 * Positions in the activity arrays of the live rows of `cols` (rows without a lead, as they
 * were stored), each matched once, by instant, rep, type, response and id. A row not found is
 * not in the arrays (it was deleted or had no instant), so there is nothing to take out.
 */
function removedWithoutLead(
	logs: LogIndex,
	cols: ActivityColumns,
	repKeys: StringDictionary
): number[] {
	const old = liveActivityRows(cols, logs.leadKeys, repKeys);
	const n = logs.actCount;
	const { actAt, actLead, actRep, actType, actResponse, actPool, actPoolRow, idPools } = logs;
	const out: number[] = [];
	const taken = new Set<number>();
	for (let j = 0; j < old.rows.length; j++) {
		if (old.lead[j] >= 0) continue;
		const r = old.rows[j];
		const t = cols.at[r];
		for (let k = lowerBound(actAt, n, t); k < n && actAt[k] === t; k++) {
			if (
				actLead[k] < 0 &&
				!taken.has(k) &&
				actRep[k] === old.rep[j] &&
				actType[k] === cols.type[r] &&
				actResponse[k] === cols.response[r] &&
				idPools[actPool[k]].at(actPoolRow[k]) === cols.id[r]
			) {
				taken.add(k);
				out.push(k);
				break;
			}
		}
	}
	return out;
}
