// The two large logs in the form the engine needs, kept apart from the entity rows so that an
// edit does not re-sort a million activities: activities sorted by instant, stage events
// grouped by lead and sorted by (at, id). Rows are kept whatever their lead (a deleted or not
// yet known lead may come back); only deleted rows and rows without an instant are dropped.

import { StringDictionary, type ActivityColumns, type StageEventColumns } from '../domain/columns';

export interface LogIndex {
	/** Every lead id the logs name (and every lead id looked up since). */
	leadKeys: StringDictionary;
	/** Every rep id named anywhere; shared with the dataset so indexes stay stable. */
	repKeys: StringDictionary;
	/** Every stage id the stage events name. */
	stageKeys: StringDictionary;

	/** Activities sorted by `at` (ties by arrival). lead: key in leadKeys, -1 without a lead. */
	actCount: number;
	actAt: Float64Array;
	actRep: Int32Array;
	actLead: Int32Array;
	actType: Uint8Array;
	actResponse: Uint8Array;
	/**
	 * Where each activity's id lives: idPools[actPool[k]][actPoolRow[k]] (the id columns of the
	 * inputs, never copied: a merge moves 6 bytes per row instead of a string pointer).
	 */
	idPools: string[][];
	actPool: Uint16Array;
	actPoolRow: Int32Array;

	/** Stage events grouped by lead key (CSR: evStart[key] .. evStart[key + 1] - 1). */
	evStart: Int32Array;
	evAt: Float64Array;
	evStage: Int32Array;
}

/** Live activity rows of `cols`, as (row numbers, lead keys, rep keys). */
function liveActivityRows(
	cols: ActivityColumns,
	leadKeys: StringDictionary,
	repKeys: StringDictionary
): { rows: Int32Array; lead: Int32Array; rep: Int32Array } {
	const leadMap = new Int32Array(cols.leadDict.length);
	for (let d = 0; d < cols.leadDict.length; d++) {
		leadMap[d] = cols.leadDict[d] ? leadKeys.index(cols.leadDict[d]) : -1;
	}
	const repMap = new Int32Array(cols.repDict.length);
	for (let d = 0; d < cols.repDict.length; d++) repMap[d] = repKeys.index(cols.repDict[d]);
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
	const sorted = sortRowsByAt(rows, cols.at);
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

export function buildLogs(
	activities: ActivityColumns,
	stageEvents: StageEventColumns,
	repKeys = new StringDictionary()
): LogIndex {
	const leadKeys = new StringDictionary();
	const stageKeys = new StringDictionary();
	const a = liveActivityRows(activities, leadKeys, repKeys);
	const n = a.rows.length;
	const logs: LogIndex = {
		leadKeys,
		repKeys,
		stageKeys,
		actCount: n,
		actAt: new Float64Array(n),
		actRep: a.rep,
		actLead: a.lead,
		actType: new Uint8Array(n),
		actResponse: new Uint8Array(n),
		idPools: [activities.id],
		actPool: new Uint16Array(n),
		actPoolRow: a.rows,
		evStart: new Int32Array(1),
		evAt: new Float64Array(0),
		evStage: new Int32Array(0)
	};
	for (let k = 0; k < n; k++) {
		const r = a.rows[k];
		logs.actAt[k] = activities.at[r];
		logs.actType[k] = activities.type[r];
		logs.actResponse[k] = activities.response[r];
	}
	const groups = eventGroups(stageEvents, leadKeys, stageKeys);
	setEventGroups(logs, () => null, groups);
	return logs;
}

interface EventGroups {
	/** CSR over the lead keys known when grouping: rows of `cols`, sorted by (at, id). */
	start: Int32Array;
	rows: Int32Array;
	cols: StageEventColumns;
	stageMap: Int32Array;
}

function eventGroups(
	cols: StageEventColumns,
	leadKeys: StringDictionary,
	stageKeys: StringDictionary
): EventGroups {
	const leadMap = new Int32Array(cols.leadDict.length);
	for (let d = 0; d < cols.leadDict.length; d++) leadMap[d] = leadKeys.index(cols.leadDict[d]);
	const stageMap = new Int32Array(cols.stageDict.length);
	for (let d = 0; d < cols.stageDict.length; d++) stageMap[d] = stageKeys.index(cols.stageDict[d]);
	const nk = leadKeys.values.length;
	const start = new Int32Array(nk + 1);
	for (let r = 0; r < cols.count; r++) {
		if (!Number.isNaN(cols.deletedAt[r]) || Number.isNaN(cols.at[r])) continue;
		start[leadMap[cols.lead[r]] + 1]++;
	}
	for (let key = 0; key < nk; key++) start[key + 1] += start[key];
	const rows = new Int32Array(start[nk]);
	const fill = start.slice(0, nk);
	for (let r = 0; r < cols.count; r++) {
		if (!Number.isNaN(cols.deletedAt[r]) || Number.isNaN(cols.at[r])) continue;
		rows[fill[leadMap[cols.lead[r]]]++] = r;
	}
	// Insertion sort by (at, id) inside each lead: histories are short.
	const at = cols.at;
	const id = cols.id;
	for (let key = 0; key < nk; key++) {
		const s = start[key];
		const e = start[key + 1];
		for (let k = s + 1; k < e; k++) {
			const r = rows[k];
			let j = k - 1;
			while (j >= s) {
				const o = rows[j];
				if (at[o] < at[r] || (at[o] === at[r] && id[o] <= id[r])) break;
				rows[j + 1] = o;
				j--;
			}
			rows[j + 1] = r;
		}
	}
	return { start, rows, cols, stageMap };
}

/**
 * Lays out the stage-event CSR: for each lead key, its rows in `groups`, or `keep(key)` (a
 * range of the old layout) when it returns one.
 */
function setEventGroups(
	logs: LogIndex,
	keep: (key: number) => [number, number] | null,
	groups: EventGroups,
	old?: { evAt: Float64Array; evStage: Int32Array }
): void {
	const nk = logs.leadKeys.values.length;
	const ng = groups.start.length - 1;
	const start = new Int32Array(nk + 1);
	for (let key = 0; key < nk; key++) {
		const r = keep(key);
		const len = r ? r[1] - r[0] : key < ng ? groups.start[key + 1] - groups.start[key] : 0;
		start[key + 1] = start[key] + len;
	}
	const total = start[nk];
	const evAt = new Float64Array(total);
	const evStage = new Int32Array(total);
	const c = groups.cols;
	for (let key = 0; key < nk; key++) {
		let k = start[key];
		const range = keep(key);
		if (range && old) {
			for (let j = range[0]; j < range[1]; j++) {
				evAt[k] = old.evAt[j];
				evStage[k++] = old.evStage[j];
			}
		} else if (key < ng) {
			for (let g = groups.start[key]; g < groups.start[key + 1]; g++) {
				const r = groups.rows[g];
				evAt[k] = c.at[r];
				evStage[k++] = groups.stageMap[c.stage[r]];
			}
		}
	}
	logs.evStart = start;
	logs.evAt = evAt;
	logs.evStage = evStage;
}

/**
 * A new log index in which every activity and stage event of the leads `leadIds` ('' for the
 * activities without a lead) is replaced by the live rows of `activities` and `stageEvents`.
 * The old index is left as it was. Cost: linear in the logs, without re-sorting them.
 */
export function replaceLogs(
	oldLogs: LogIndex,
	leadIds: readonly string[],
	activities: ActivityColumns,
	stageEvents: StageEventColumns
): LogIndex {
	// The dictionaries only ever grow, so old and new indexes share them: an old index only
	// uses the keys it had. The rep dictionary is copied, as datasets size arrays by it.
	let old = oldLogs;
	const leadKeys = old.leadKeys;
	const repKeys = new StringDictionary(old.repKeys.values);
	const stageKeys = old.stageKeys;
	let replaceNone = false;
	const replaced = new Set<number>();
	for (const id of leadIds) {
		if (id === '') replaceNone = true;
		else replaced.add(leadKeys.index(id));
	}
	// A lead named by the change's rows is replaced too, so no row is ever counted twice.
	const a = liveActivityRows(activities, leadKeys, repKeys);
	for (let k = 0; k < a.lead.length; k++) {
		if (a.lead[k] < 0) replaceNone = true;
		else replaced.add(a.lead[k]);
	}
	for (const id of stageEvents.leadDict) replaced.add(leadKeys.index(id));
	const nOld = old.actCount;
	let keptOld = 0;
	const keepOld = new Uint8Array(nOld);
	const isReplaced = new Uint8Array(leadKeys.values.length);
	for (const key of replaced) isReplaced[key] = 1;
	for (let k = 0; k < nOld; k++) {
		const key = old.actLead[k];
		if (key < 0 ? !replaceNone : !isReplaced[key]) {
			keepOld[k] = 1;
			keptOld++;
		}
	}
	const nNew = a.rows.length;
	const n = keptOld + nNew;
	const logs: LogIndex = {
		leadKeys,
		repKeys,
		stageKeys,
		actCount: n,
		actAt: new Float64Array(n),
		actRep: new Int32Array(n),
		actLead: new Int32Array(n),
		actType: new Uint8Array(n),
		actResponse: new Uint8Array(n),
		idPools: [...old.idPools, activities.id],
		actPool: new Uint16Array(n),
		actPoolRow: new Int32Array(n),
		evStart: old.evStart,
		evAt: old.evAt,
		evStage: old.evStage
	};
	let newPool = old.idPools.length;
	if (newPool === 0xffff) {
		// The pool numbers are 16-bit: after 65,535 edits, gather the ids into one pool.
		const ids = filledStrings(nOld);
		for (let k = 0; k < nOld; k++) ids[k] = old.idPools[old.actPool[k]][old.actPoolRow[k]];
		old = { ...old, idPools: [ids], actPool: new Uint16Array(nOld), actPoolRow: identity(nOld) };
		logs.idPools = [ids, activities.id];
		newPool = 1;
	}
	// Merge the kept old rows and the new rows, both sorted by at (old first on ties).
	let i = 0;
	let j = 0;
	for (let k = 0; k < n; k++) {
		while (i < nOld && !keepOld[i]) i++;
		const takeOld = i < nOld && (j >= nNew || old.actAt[i] <= activities.at[a.rows[j]]);
		if (takeOld) {
			logs.actAt[k] = old.actAt[i];
			logs.actRep[k] = old.actRep[i];
			logs.actLead[k] = old.actLead[i];
			logs.actType[k] = old.actType[i];
			logs.actResponse[k] = old.actResponse[i];
			logs.actPool[k] = old.actPool[i];
			logs.actPoolRow[k] = old.actPoolRow[i];
			i++;
		} else {
			const r = a.rows[j];
			logs.actAt[k] = activities.at[r];
			logs.actRep[k] = a.rep[j];
			logs.actLead[k] = a.lead[j];
			logs.actType[k] = activities.type[r];
			logs.actResponse[k] = activities.response[r];
			logs.actPool[k] = newPool;
			logs.actPoolRow[k] = r;
			j++;
		}
	}
	const groups = eventGroups(stageEvents, leadKeys, stageKeys);
	const oldKeys = old.evStart.length - 1;
	setEventGroups(
		logs,
		(key) =>
			key < oldKeys && !replaced.has(key) ? [old.evStart[key], old.evStart[key + 1]] : null,
		groups,
		old
	);
	return logs;
}

/**
 * Sorts row numbers by their instant (ties by row): a counting pass into about one bucket per
 * row, then insertion sort inside each bucket, so a large log sorts in linear expected time.
 */
export function sortRowsByAt(rows: Int32Array, at: Float64Array): Int32Array {
	const n = rows.length;
	if (n === 0) return rows;
	let lo = Infinity;
	let hi = -Infinity;
	let sorted = true;
	let prev = -Infinity;
	for (let k = 0; k < n; k++) {
		const t = at[rows[k]];
		if (t < lo) lo = t;
		if (t > hi) hi = t;
		if (t < prev) sorted = false;
		prev = t;
	}
	if (sorted) return rows;
	const width = Math.max(1, Math.ceil((hi - lo + 1) / n));
	const nb = Math.floor((hi - lo) / width) + 1;
	const counts = new Int32Array(nb + 1);
	const bucket = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		const d = Math.floor((at[rows[k]] - lo) / width);
		bucket[k] = d;
		counts[d + 1]++;
	}
	for (let d = 0; d < nb; d++) counts[d + 1] += counts[d];
	const out = new Int32Array(n);
	const pos = counts.slice(0, nb);
	for (let k = 0; k < n; k++) out[pos[bucket[k]]++] = rows[k];
	for (let d = 0; d < nb; d++) {
		const s = counts[d];
		const e = counts[d + 1];
		for (let k = s + 1; k < e; k++) {
			const r = out[k];
			const t = at[r];
			let j = k - 1;
			while (j >= s && (at[out[j]] > t || (at[out[j]] === t && out[j] > r))) {
				out[j + 1] = out[j];
				j--;
			}
			out[j + 1] = r;
		}
	}
	return out;
}

/**
 * A string array of length n with fast elements. `new Array(n)` for a large n gives a sparse
 * (dictionary-mode) array in V8, where every store is a hash insert: 10x slower on 1M rows.
 */
export function filledStrings(n: number): string[] {
	const a: string[] = [];
	for (let i = 0; i < n; i++) a.push('');
	return a;
}

function identity(n: number): Int32Array {
	const a = new Int32Array(n);
	for (let i = 0; i < n; i++) a[i] = i;
	return a;
}
