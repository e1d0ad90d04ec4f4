// Appending new rows to a stored log block without decoding it.
//
// A paste of 1,000 new leads appends 1,000 first stage events, spread by the hash of their lead
// over nearly every block. Decoding each block into row objects and encoding it again costs a
// second at L (100k leads, 300k events); appending to the columns costs a copy of typed arrays.
// The result is exactly the block that decoding, adding the rows at the end and encoding would
// give (tested against stageEventBlockFromRows / activityBlockFromRows).

import type { Activity, StageEvent } from '../domain/types';
import { ACTIVITY_RESPONSES, ACTIVITY_TYPES } from '../domain/types';
import {
	activityBlockFromRows,
	instantMs,
	stageEventBlockFromRows,
	unpackStrings,
	type ActivityBlock,
	type PackedStrings,
	type StageEventBlock
} from './blocks';

const SEP = '\n';

function appendPacked(packed: PackedStrings, count: number, ids: readonly string[]): PackedStrings {
	// Nothing to add: joining would append a separator and so an empty id that no row has.
	if (ids.length === 0) return packed;
	if (typeof packed === 'string' && !ids.some((id) => id.includes(SEP)))
		return count === 0 ? ids.join(SEP) : packed + SEP + ids.join(SEP);
	const all = unpackStrings(packed, count).slice();
	for (const id of ids) all.push(id);
	// Same rule as packStrings: joined unless a value holds the separator.
	return all.some((v) => v.includes(SEP)) ? all : all.join(SEP);
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
	const out = new (a.constructor as { new (n: number): T })(n);
	out.set(a);
	return out;
}

/** A dictionary extended with new values; returns the new list and an index function. */
function extendDict(dict: readonly string[]): { values: string[]; index(v: string): number } {
	const values = dict.slice();
	const lookup = new Map<string, number>();
	values.forEach((v, i) => {
		if (!lookup.has(v)) lookup.set(v, i);
	});
	return {
		values,
		index(v: string) {
			let i = lookup.get(v);
			if (i === undefined) {
				i = values.length;
				values.push(v);
				lookup.set(v, i);
			}
			return i;
		}
	};
}

/** `block` with `rows` (ids not in it yet) appended; a new block when there is none. */
export function appendStageEvents(
	bucket: number,
	block: StageEventBlock | undefined,
	rows: readonly StageEvent[],
	timeZone: string
): StageEventBlock {
	if (!block || block.count === 0) return stageEventBlockFromRows(bucket, rows, timeZone);
	const n0 = block.count;
	const n = n0 + rows.length;
	const updatedAt = grow(block.updatedAt, n);
	const deletedAt = grow(block.deletedAt, n);
	const at = grow(block.at, n);
	const lead = grow(block.lead, n);
	const stage = grow(block.stage, n);
	const rep = grow(block.rep, n);
	const leads = extendDict(block.leadDict);
	const stages = extendDict(block.stageDict);
	const reps = extendDict(block.repDict);
	rows.forEach((e, k) => {
		const i = n0 + k;
		updatedAt[i] = instantMs(e.updatedAt, timeZone);
		deletedAt[i] = instantMs(e.deletedAt, timeZone);
		at[i] = instantMs(e.at, timeZone);
		lead[i] = leads.index(e.leadId);
		stage[i] = stages.index(e.stageId);
		rep[i] = e.repId ? reps.index(e.repId) : -1;
	});
	return {
		bucket,
		count: n,
		ids: appendPacked(
			block.ids,
			n0,
			rows.map((r) => r.id)
		),
		updatedAt,
		deletedAt,
		at,
		lead,
		leadDict: leads.values,
		stage,
		stageDict: stages.values,
		rep,
		repDict: reps.values
	};
}

const TYPE_INDEX = new Map<string, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
const RESPONSE_INDEX = new Map<string, number>(ACTIVITY_RESPONSES.map((r, i) => [r, i + 1]));

/** `block` with `rows` (ids not in it yet) appended; a new block when there is none. */
export function appendActivities(
	bucket: number,
	block: ActivityBlock | undefined,
	rows: readonly Activity[],
	timeZone: string
): ActivityBlock {
	if (!block || block.count === 0) return activityBlockFromRows(bucket, rows, timeZone);
	const n0 = block.count;
	const n = n0 + rows.length;
	const updatedAt = grow(block.updatedAt, n);
	const deletedAt = grow(block.deletedAt, n);
	const at = grow(block.at, n);
	const lead = grow(block.lead, n);
	const rep = grow(block.rep, n);
	const type = grow(block.type, n);
	const response = grow(block.response, n);
	const leads = extendDict(block.leadDict);
	const reps = extendDict(block.repDict);
	const noteRows = Array.from(block.noteRows);
	const notes = block.notes.slice();
	rows.forEach((a, k) => {
		const i = n0 + k;
		updatedAt[i] = instantMs(a.updatedAt, timeZone);
		deletedAt[i] = instantMs(a.deletedAt, timeZone);
		at[i] = instantMs(a.at, timeZone);
		lead[i] = a.leadId ? leads.index(a.leadId) : -1;
		rep[i] = reps.index(a.repId);
		type[i] = TYPE_INDEX.get(a.type) ?? 3;
		response[i] = a.response ? (RESPONSE_INDEX.get(a.response) ?? 0) : 0;
		if (a.note !== undefined && a.note !== null) {
			noteRows.push(i);
			notes.push(a.note);
		}
	});
	return {
		bucket,
		count: n,
		ids: appendPacked(
			block.ids,
			n0,
			rows.map((r) => r.id)
		),
		updatedAt,
		deletedAt,
		at,
		lead,
		leadDict: leads.values,
		rep,
		repDict: reps.values,
		type,
		response,
		noteRows: Int32Array.from(noteRows),
		notes
	};
}
