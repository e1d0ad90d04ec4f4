// The stage events of the log index (logs.ts), grouped by lead key and sorted by (at, id): built
// whole, or rewritten for the leads an update replaces.

import type { StageEventColumns, StringDictionary } from '../domain/columns';
import type { LogIndex } from './log-index';

export interface EventGroups {
	/** CSR over the lead keys known when grouping: rows of `cols`, sorted by (at, id). */
	start: Int32Array;
	rows: Int32Array;
	cols: StageEventColumns;
	stageMap: Int32Array;
}

export function eventGroups(
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
 * Writes the replaced keys' new groups over their old ones when every group keeps its length
 * (the usual edit: an activity logged, a lead's record changed); false when the layout must
 * change.
 */
export function overwriteEventGroups(
	logs: LogIndex,
	replaced: number[],
	groups: EventGroups
): boolean {
	const { evStart } = logs;
	const oldKeys = evStart.length - 1;
	const ng = groups.start.length - 1;
	for (const key of replaced) {
		const oldLen = key < oldKeys ? evStart[key + 1] - evStart[key] : 0;
		const newLen = key < ng ? groups.start[key + 1] - groups.start[key] : 0;
		if (oldLen !== newLen) return false;
	}
	const c = groups.cols;
	for (const key of replaced) {
		if (key >= oldKeys || key >= ng) continue;
		let k = evStart[key];
		for (let g = groups.start[key]; g < groups.start[key + 1]; g++) {
			const r = groups.rows[g];
			logs.evAt[k] = c.at[r];
			logs.evStage[k++] = groups.stageMap[c.stage[r]];
		}
	}
	return true;
}

/**
 * Lays out the stage-event CSR: for each lead key, its rows in `groups`, or its range of the
 * old layout when `keepOld(key)` (runs of kept keys are copied as one block).
 */
export function setEventGroups(
	logs: LogIndex,
	keepOld: (key: number) => boolean,
	groups: EventGroups,
	old?: { evStart: Int32Array; evAt: Float64Array; evStage: Int32Array }
): void {
	const nk = logs.leadKeys.values.length;
	const ng = groups.start.length - 1;
	const oldKeys = old ? old.evStart.length - 1 : 0;
	const kept = new Uint8Array(nk);
	const start = new Int32Array(nk + 1);
	for (let key = 0; key < nk; key++) {
		let len = 0;
		if (old && key < oldKeys && keepOld(key)) {
			kept[key] = 1;
			len = old.evStart[key + 1] - old.evStart[key];
		} else if (key < ng) {
			len = groups.start[key + 1] - groups.start[key];
		}
		start[key + 1] = start[key] + len;
	}
	const total = start[nk];
	const evAt = new Float64Array(total);
	const evStage = new Int32Array(total);
	const c = groups.cols;
	for (let key = 0; key < nk;) {
		if (kept[key] && old) {
			// A run of kept keys is one contiguous range in both layouts.
			let end = key + 1;
			while (end < nk && kept[end]) end++;
			const s = old.evStart[key];
			const e = old.evStart[end];
			evAt.set(old.evAt.subarray(s, e), start[key]);
			evStage.set(old.evStage.subarray(s, e), start[key]);
			key = end;
			continue;
		}
		if (key < ng) {
			let k = start[key];
			for (let g = groups.start[key]; g < groups.start[key + 1]; g++) {
				const r = groups.rows[g];
				evAt[k] = c.at[r];
				evStage[k++] = groups.stageMap[c.stage[r]];
			}
		}
		key++;
	}
	logs.evStart = start;
	logs.evAt = evAt;
	logs.evStage = evStage;
}
