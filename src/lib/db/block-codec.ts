// The stored form of the two logs: buckets and their keys, blocks and their columns (see
// blocks.ts for the layout and why).

import {
	columnsToActivities,
	columnsToStageEvents,
	StringDictionary,
	type ActivityColumns,
	type StageEventColumns
} from '../domain/columns';
import { parseInstant } from '../domain/time';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	type Activity,
	type StageEvent
} from '../domain/types';

// 128 buckets: at L a block holds ~7,800 activities (~0.5 MB), small enough to rewrite on an
// edit in milliseconds, few enough that a cold read is 257 IndexedDB records, not 513 (each
// large record is its own blob in Chromium and costs ~1 ms to read; ADR 0001).
export const BUCKET_COUNT = 128;
/** The bucket of activities that name no lead. */
export const NO_LEAD_BUCKET = BUCKET_COUNT;

/**
 * Delta records. New rows of a bucket (a paste's new leads' first stage events) may be stored as
 * a small extra record beside the bucket's block instead of re-encoding the block: a paste of
 * 1,000 leads touches nearly every bucket, and rewriting all 128 blocks of 300k stage events was
 * the largest part of it. A delta has the shape of a block; its key (the `bucket` field, the
 * table's primary key) is `(bucket + 1) * DELTA_SPAN + n` with n = 1, 2, ... in the order
 * written, so every key of a bucket sorts after the plain buckets and a bucket's deltas are one
 * key range. A bucket's rows are its block's rows, then its deltas' rows in key order; a row
 * lives in exactly one record. Readers that read every record (toArray) see the delta rows as
 * they are; readers of one bucket use readLogBucket. Writers that rewrite the bucket fold its
 * deltas back into the block (WriteContext.finish, foldLogDeltas); so does the next append once
 * a bucket holds MAX_LOG_DELTAS of them.
 */
export const DELTA_SPAN = 2 ** 32;
export const MAX_LOG_DELTAS = 16;

/** The bucket a stored record (block or delta) belongs to, from its key. */
export function bucketOfKey(key: number): number {
	return key < DELTA_SPAN ? key : Math.floor(key / DELTA_SPAN) - 1;
}

/** The first key of `bucket`'s deltas (n = 0, never used) and the bound after its last. */
export function deltaKeyRange(bucket: number): [number, number] {
	return [(bucket + 1) * DELTA_SPAN, (bucket + 2) * DELTA_SPAN];
}

/** The block a lead's log rows live in: FNV-1a of the id, modulo BUCKET_COUNT. */
export function bucketOf(leadId: string | null | undefined): number {
	if (!leadId) return NO_LEAD_BUCKET;
	let h = 0x811c9dc5;
	for (let i = 0; i < leadId.length; i++) {
		h ^= leadId.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % BUCKET_COUNT;
}

/**
 * A list of strings as one string joined by '\n' (one structured-clone item instead of
 * thousands, and an id lookup is one indexOf), or as the plain array when a value holds '\n'.
 */
export type PackedStrings = string | string[];

export const SEP = '\n';

export function packStrings(values: readonly string[]): PackedStrings {
	for (const v of values) if (v.includes(SEP)) return [...values];
	return values.join(SEP);
}

export function unpackStrings(packed: PackedStrings, count: number): string[] {
	if (typeof packed !== 'string') return packed;
	return count === 0 ? [] : packed.split(SEP);
}

/** True when the block may hold a row with this id (exact for packed ids). */
export function blockMayHold(block: { ids: PackedStrings; count: number }, id: string): boolean {
	if (typeof block.ids !== 'string') return block.ids.includes(id);
	if (block.count === 0) return false;
	const s = block.ids;
	// An empty id has no characters to search for (indexOf('') never advances past the end):
	// it is held when some slot between separators is empty.
	if (id === '') return s === '' || s.startsWith(SEP) || s.endsWith(SEP) || s.includes(SEP + SEP);
	let at = s.indexOf(id);
	while (at >= 0) {
		const end = at + id.length;
		if ((at === 0 || s[at - 1] === SEP) && (end === s.length || s[end] === SEP)) return true;
		at = s.indexOf(id, at + 1);
	}
	return false;
}

export interface ActivityBlock {
	bucket: number;
	count: number;
	ids: PackedStrings;
	updatedAt: Float64Array;
	deletedAt: Float64Array;
	at: Float64Array;
	lead: Int32Array;
	leadDict: string[];
	rep: Int32Array;
	repDict: string[];
	type: Uint8Array;
	response: Uint8Array;
	/** Notes are rare: the rows that have one, and their texts. */
	noteRows: Int32Array;
	notes: string[];
}

export interface StageEventBlock {
	bucket: number;
	count: number;
	ids: PackedStrings;
	updatedAt: Float64Array;
	deletedAt: Float64Array;
	at: Float64Array;
	lead: Int32Array;
	leadDict: string[];
	stage: Int32Array;
	stageDict: string[];
	rep: Int32Array;
	repDict: string[];
}

/** The notes of activity columns as a block stores them: only the rows that have one. */
export function packNotes(cols: ActivityColumns): { noteRows: Int32Array; notes: string[] } {
	const noteRows: number[] = [];
	const notes: string[] = [];
	for (let i = 0; i < cols.count; i++) {
		const n = cols.note[i];
		if (n !== undefined && n !== null) {
			noteRows.push(i);
			notes.push(n);
		}
	}
	return { noteRows: Int32Array.from(noteRows), notes };
}

export function encodeActivityBlock(bucket: number, cols: ActivityColumns): ActivityBlock {
	return {
		bucket,
		count: cols.count,
		ids: packStrings(cols.id),
		updatedAt: cols.updatedAt,
		deletedAt: cols.deletedAt,
		at: cols.at,
		lead: cols.lead,
		leadDict: cols.leadDict,
		rep: cols.rep,
		repDict: cols.repDict,
		type: cols.type,
		response: cols.response,
		...packNotes(cols)
	};
}

/**
 * n empty notes as a packed array (`new Array(n)` is sparse for a large n in V8: every later
 * store and read is a hash lookup).
 */
export function noNotes(n: number): (string | undefined)[] {
	const a: (string | undefined)[] = [];
	for (let i = 0; i < n; i++) a.push(undefined);
	return a;
}

export function decodeActivityBlock(block: ActivityBlock): ActivityColumns {
	const note = noNotes(block.count);
	for (let k = 0; k < block.noteRows.length; k++) note[block.noteRows[k]] = block.notes[k];
	return {
		count: block.count,
		id: unpackStrings(block.ids, block.count),
		updatedAt: block.updatedAt,
		deletedAt: block.deletedAt,
		at: block.at,
		lead: block.lead,
		leadDict: block.leadDict,
		rep: block.rep,
		repDict: block.repDict,
		type: block.type,
		response: block.response,
		note
	};
}

export function encodeStageEventBlock(bucket: number, cols: StageEventColumns): StageEventBlock {
	return {
		bucket,
		count: cols.count,
		ids: packStrings(cols.id),
		updatedAt: cols.updatedAt,
		deletedAt: cols.deletedAt,
		at: cols.at,
		lead: cols.lead,
		leadDict: cols.leadDict,
		stage: cols.stage,
		stageDict: cols.stageDict,
		rep: cols.rep,
		repDict: cols.repDict
	};
}

export function decodeStageEventBlock(block: StageEventBlock): StageEventColumns {
	return {
		count: block.count,
		id: unpackStrings(block.ids, block.count),
		updatedAt: block.updatedAt,
		deletedAt: block.deletedAt,
		at: block.at,
		lead: block.lead,
		leadDict: block.leadDict,
		stage: block.stage,
		stageDict: block.stageDict,
		rep: block.rep,
		repDict: block.repDict
	};
}

// A UTC instant as the app writes it (`2026-11-03T09:00:00Z`, `...:00.000Z`): Date.parse reads
// these exactly and several times faster than the general parser, which matters for 1M rows.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Epoch ms of an instant or date-only value (NaN when absent or invalid). */
export function instantMs(value: string | undefined | null, timeZone: string): number {
	if (!value) return NaN;
	if (value.length <= 24 && UTC_INSTANT.test(value)) return Date.parse(value);
	return parseInstant(value, timeZone);
}

const TYPE_INDEX = new Map<string, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
const RESPONSE_INDEX = new Map<string, number>(ACTIVITY_RESPONSES.map((r, i) => [r, i + 1]));

/**
 * Rows -> block, straight to the stored shape (same columns as activitiesToColumns in
 * domain/columns.ts, with the fast instant path). Date-only and offset-free values are resolved
 * in `timeZone`.
 */
export function activityBlockFromRows(
	bucket: number,
	rows: readonly Activity[],
	timeZone: string
): ActivityBlock {
	const n = rows.length;
	const leads = new StringDictionary();
	const reps = new StringDictionary();
	const ids: string[] = [];
	const updatedAt = new Float64Array(n);
	const deletedAt = new Float64Array(n);
	const at = new Float64Array(n);
	const lead = new Int32Array(n);
	const rep = new Int32Array(n);
	const type = new Uint8Array(n);
	const response = new Uint8Array(n);
	const noteRows: number[] = [];
	const notes: string[] = [];
	for (let i = 0; i < n; i++) {
		const a = rows[i];
		ids.push(a.id);
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
	}
	return {
		bucket,
		count: n,
		ids: packStrings(ids),
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

export function activityRowsOfBlock(block: ActivityBlock | undefined): Activity[] {
	return block ? columnsToActivities(decodeActivityBlock(block)) : [];
}

export function stageEventBlockFromRows(
	bucket: number,
	rows: readonly StageEvent[],
	timeZone: string
): StageEventBlock {
	const n = rows.length;
	const leads = new StringDictionary();
	const stages = new StringDictionary();
	const reps = new StringDictionary();
	const ids: string[] = [];
	const updatedAt = new Float64Array(n);
	const deletedAt = new Float64Array(n);
	const at = new Float64Array(n);
	const lead = new Int32Array(n);
	const stage = new Int32Array(n);
	const rep = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const e = rows[i];
		ids.push(e.id);
		updatedAt[i] = instantMs(e.updatedAt, timeZone);
		deletedAt[i] = instantMs(e.deletedAt, timeZone);
		at[i] = instantMs(e.at, timeZone);
		lead[i] = leads.index(e.leadId);
		stage[i] = stages.index(e.stageId);
		rep[i] = e.repId ? reps.index(e.repId) : -1;
	}
	return {
		bucket,
		count: n,
		ids: packStrings(ids),
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

export function stageEventRowsOfBlock(block: StageEventBlock | undefined): StageEvent[] {
	return block ? columnsToStageEvents(decodeStageEventBlock(block)) : [];
}
