// Blocks: how the two logs (activities, stage events) are stored.
//
// Rows are partitioned by a hash of their leadId into BUCKET_COUNT buckets (activities without
// a lead go to NO_LEAD_BUCKET), and each bucket of each log is ONE IndexedDB record holding its
// rows as columns (typed arrays + per-block string dictionaries). IndexedDB costs per record, not
// per byte, so this makes bulk loads and cold reads one to two orders of magnitude faster than a
// record per row (docs/adr-0001-storage-layout.md), and a lead's whole history is one block read.

import {
	columnsToActivities,
	columnsToStageEvents,
	StringDictionary,
	type ActivityColumns,
	type StageEventColumns
} from '../domain/columns';
import { parseInstant } from '../domain/time';
import type { Table } from 'dexie';
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

const SEP = '\n';

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
function noNotes(n: number): (string | undefined)[] {
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

/** Maps a small per-block dictionary into a shared one: local index -> global index. */
const NO_TIMES = new Float64Array(0);

function remapDict(local: string[], lookup: Map<string, number>, global: string[]): Int32Array {
	const map = new Int32Array(local.length);
	for (let k = 0; k < local.length; k++) {
		let g = lookup.get(local[k]);
		if (g === undefined) {
			g = global.length;
			global.push(local[k]);
			lookup.set(local[k], g);
		}
		map[k] = g;
	}
	return map;
}

/**
 * Concatenates activity blocks into one set of columns. Lead dictionaries are appended with an
 * offset, not looked up: they are disjoint between buckets (a lead hashes to one), and a lead
 * of a bucket's delta records may appear again in the result's leadDict, which every reader
 * maps by id (kpi/logs.ts), so a repeat is harmless.
 */
export function concatActivityBlocks(
	blocks: readonly ActivityBlock[],
	/**
	 * Only what the KPI engine reads: no ids (the caller keeps them packed), no updatedAt and
	 * no notes (a million strings and 8 MB fewer to make at L).
	 */
	engineOnly = false
): ActivityColumns {
	let n = 0;
	for (const b of blocks) n += b.count;
	const out: ActivityColumns = {
		count: n,
		id: [],
		updatedAt: engineOnly ? NO_TIMES : new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: [],
		rep: new Int32Array(n),
		repDict: [],
		type: new Uint8Array(n),
		response: new Uint8Array(n),
		note: engineOnly ? [] : noNotes(n)
	};
	const repLookup = new Map<string, number>();
	const idParts: string[][] = [];
	const leadParts: string[][] = [];
	let leadOffset = 0;
	let o = 0;
	for (const b of blocks) {
		if (!engineOnly) {
			idParts.push(unpackStrings(b.ids, b.count));
			out.updatedAt.set(b.updatedAt, o);
			for (let k = 0; k < b.noteRows.length; k++) out.note[o + b.noteRows[k]] = b.notes[k];
		}
		leadParts.push(b.leadDict);
		const repMap = remapDict(b.repDict, repLookup, out.repDict);
		out.deletedAt.set(b.deletedAt, o);
		out.at.set(b.at, o);
		out.type.set(b.type, o);
		out.response.set(b.response, o);
		const lead = b.lead;
		const rep = b.rep;
		const outLead = out.lead;
		const outRep = out.rep;
		for (let i = 0; i < b.count; i++) {
			const l = lead[i];
			outLead[o + i] = l < 0 ? -1 : l + leadOffset;
			outRep[o + i] = repMap[rep[i]];
		}
		leadOffset += b.leadDict.length;
		o += b.count;
	}
	// One concat per list is a bulk copy; assigning a million strings one by one is not.
	out.id = out.id.concat(...idParts);
	out.leadDict = out.leadDict.concat(...leadParts);
	return out;
}

export function concatStageEventBlocks(blocks: readonly StageEventBlock[]): StageEventColumns {
	let n = 0;
	for (const b of blocks) n += b.count;
	const out: StageEventColumns = {
		count: n,
		id: [],
		updatedAt: new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: [],
		stage: new Int32Array(n),
		stageDict: [],
		rep: new Int32Array(n),
		repDict: []
	};
	const stageLookup = new Map<string, number>();
	const repLookup = new Map<string, number>();
	const idParts: string[][] = [];
	const leadParts: string[][] = [];
	let leadOffset = 0;
	let o = 0;
	for (const b of blocks) {
		idParts.push(unpackStrings(b.ids, b.count));
		leadParts.push(b.leadDict);
		const stageMap = remapDict(b.stageDict, stageLookup, out.stageDict);
		const repMap = remapDict(b.repDict, repLookup, out.repDict);
		out.updatedAt.set(b.updatedAt, o);
		out.deletedAt.set(b.deletedAt, o);
		out.at.set(b.at, o);
		for (let i = 0; i < b.count; i++) {
			out.lead[o + i] = b.lead[i] + leadOffset;
			out.stage[o + i] = stageMap[b.stage[i]];
			const r = b.rep[i];
			out.rep[o + i] = r < 0 ? -1 : repMap[r];
		}
		leadOffset += b.leadDict.length;
		o += b.count;
	}
	out.id = out.id.concat(...idParts);
	out.leadDict = out.leadDict.concat(...leadParts);
	return out;
}

// ---- reading and folding deltas ----

type AnyBlock = ActivityBlock | StageEventBlock;
/** One log's table of blocks (database.ts's blockTable). */
export type LogBlockTable = Table<AnyBlock, number>;

function isStageEventBlock(b: AnyBlock): b is StageEventBlock {
	return 'stage' in b;
}

/** The delta keys of every bucket of a log, each list in the order written (keys only). */
export async function logDeltaKeys(table: LogBlockTable): Promise<Map<number, number[]>> {
	const keys = (await table.where('bucket').aboveOrEqual(DELTA_SPAN).primaryKeys()) as number[];
	const out = new Map<number, number[]>();
	for (const k of keys.sort((a, b) => a - b)) {
		const b = bucketOfKey(k);
		let l = out.get(b);
		if (!l) out.set(b, (l = []));
		l.push(k);
	}
	return out;
}

/**
 * One block holding `main`'s rows and then the deltas' rows (the block a bucket would hold had
 * every delta been appended to it), keyed `bucket`; undefined when there are no rows at all.
 */
export function mergeLogDeltas(
	bucket: number,
	main: AnyBlock | undefined,
	deltas: readonly AnyBlock[]
): AnyBlock | undefined {
	let out: AnyBlock | undefined = main && main.bucket !== bucket ? { ...main, bucket } : main;
	for (const d of deltas) {
		if (d.count === 0) continue;
		// The delta's rows carry UTC instants (columnsTo... write them so): no zone is needed.
		out = isStageEventBlock(d)
			? appendStageEventColumns(bucket, out as StageEventBlock | undefined, d)
			: appendActivityColumns(bucket, out as ActivityBlock | undefined, d);
	}
	return out;
}

/** A bucket's rows as one block: its stored block with its deltas folded in (not written). */
export async function readLogBucket(
	table: LogBlockTable,
	bucket: number
): Promise<AnyBlock | undefined> {
	const [lo, hi] = deltaKeyRange(bucket);
	const [main, deltas] = await Promise.all([
		table.get(bucket),
		table.where('bucket').between(lo, hi).toArray()
	]);
	if (deltas.length === 0) return main;
	deltas.sort((a, b) => a.bucket - b.bucket);
	return mergeLogDeltas(bucket, main, deltas);
}

/** Several buckets, each as readLogBucket gives it (absent buckets left out). */
export async function readLogBuckets(
	table: LogBlockTable,
	buckets: readonly number[]
): Promise<AnyBlock[]> {
	const out = await Promise.all(buckets.map((b) => readLogBucket(table, b)));
	return out.filter((b): b is AnyBlock => !!b);
}

/**
 * Folds every delta of a log into its bucket's block (inside the caller's transaction): for
 * writers that rewrite blocks as wholes (imports, merges) and expect one record per bucket.
 * Returns the keys written or deleted.
 */
export async function foldLogDeltas(table: LogBlockTable): Promise<number[]> {
	const deltas = await table.where('bucket').aboveOrEqual(DELTA_SPAN).toArray();
	if (deltas.length === 0) return [];
	const byBucket = new Map<number, AnyBlock[]>();
	for (const d of deltas.sort((a, b) => a.bucket - b.bucket)) {
		const b = bucketOfKey(d.bucket);
		let l = byBucket.get(b);
		if (!l) byBucket.set(b, (l = []));
		l.push(d);
	}
	const buckets = [...byBucket.keys()];
	const mains = await table.bulkGet(buckets);
	const merged: AnyBlock[] = [];
	buckets.forEach((b, i) => {
		const m = mergeLogDeltas(b, mains[i], byBucket.get(b)!);
		if (m) merged.push(m);
	});
	const gone = deltas.map((d) => d.bucket);
	await table.bulkDelete(gone);
	if (merged.length) await table.bulkPut(merged);
	return [...buckets, ...gone];
}

/** Appends a block's columns to another's (ids of `add` not in `block`); dictionaries remapped. */
export function appendStageEventColumns(
	bucket: number,
	block: StageEventBlock | undefined,
	add: StageEventBlock
): StageEventBlock {
	if (!block || block.count === 0) return { ...add, bucket };
	const n0 = block.count;
	const n = n0 + add.count;
	const lead = new Int32Array(n);
	const stage = new Int32Array(n);
	const rep = new Int32Array(n);
	lead.set(block.lead);
	stage.set(block.stage);
	rep.set(block.rep);
	const leads = extendDictionary(block.leadDict);
	const stages = extendDictionary(block.stageDict);
	const reps = extendDictionary(block.repDict);
	const leadMap = add.leadDict.map((v) => leads.index(v));
	const stageMap = add.stageDict.map((v) => stages.index(v));
	const repMap = add.repDict.map((v) => reps.index(v));
	for (let k = 0; k < add.count; k++) {
		lead[n0 + k] = leadMap[add.lead[k]];
		stage[n0 + k] = stageMap[add.stage[k]];
		rep[n0 + k] = add.rep[k] < 0 ? -1 : repMap[add.rep[k]];
	}
	return {
		bucket,
		count: n,
		ids: joinPacked(block.ids, n0, add.ids, add.count),
		updatedAt: concatFloat(block.updatedAt, add.updatedAt),
		deletedAt: concatFloat(block.deletedAt, add.deletedAt),
		at: concatFloat(block.at, add.at),
		lead,
		leadDict: leads.values,
		stage,
		stageDict: stages.values,
		rep,
		repDict: reps.values
	};
}

/** As appendStageEventColumns, for activities (notes carried with their rows). */
export function appendActivityColumns(
	bucket: number,
	block: ActivityBlock | undefined,
	add: ActivityBlock
): ActivityBlock {
	if (!block || block.count === 0) return { ...add, bucket };
	const n0 = block.count;
	const n = n0 + add.count;
	const lead = new Int32Array(n);
	const rep = new Int32Array(n);
	lead.set(block.lead);
	rep.set(block.rep);
	const leads = extendDictionary(block.leadDict);
	const reps = extendDictionary(block.repDict);
	const leadMap = add.leadDict.map((v) => leads.index(v));
	const repMap = add.repDict.map((v) => reps.index(v));
	for (let k = 0; k < add.count; k++) {
		lead[n0 + k] = add.lead[k] < 0 ? -1 : leadMap[add.lead[k]];
		rep[n0 + k] = repMap[add.rep[k]];
	}
	const type = new Uint8Array(n);
	type.set(block.type);
	type.set(add.type, n0);
	const response = new Uint8Array(n);
	response.set(block.response);
	response.set(add.response, n0);
	return {
		bucket,
		count: n,
		ids: joinPacked(block.ids, n0, add.ids, add.count),
		updatedAt: concatFloat(block.updatedAt, add.updatedAt),
		deletedAt: concatFloat(block.deletedAt, add.deletedAt),
		at: concatFloat(block.at, add.at),
		lead,
		leadDict: leads.values,
		rep,
		repDict: reps.values,
		type,
		response,
		noteRows: Int32Array.from([...block.noteRows, ...Array.from(add.noteRows, (r) => r + n0)]),
		notes: [...block.notes, ...add.notes]
	};
}

function concatFloat(a: Float64Array, b: Float64Array): Float64Array {
	const out = new Float64Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

function joinPacked(a: PackedStrings, na: number, b: PackedStrings, nb: number): PackedStrings {
	if (nb === 0) return a;
	if (na === 0) return b;
	if (typeof a === 'string' && typeof b === 'string') return a + SEP + b;
	return [...unpackStrings(a, na), ...unpackStrings(b, nb)];
}

/** A dictionary extended with new values (first index of a value wins, as in StringDictionary). */
function extendDictionary(dict: readonly string[]): {
	values: string[];
	index(v: string): number;
} {
	const values = dict.slice();
	let lookup: Map<string, number> | undefined;
	return {
		values,
		index(v: string) {
			if (!lookup) {
				lookup = new Map();
				values.forEach((x, i) => {
					if (!lookup!.has(x)) lookup!.set(x, i);
				});
			}
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
