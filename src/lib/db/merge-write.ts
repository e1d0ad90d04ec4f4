// The write of a merge (a teammate's file, or one of Tragt's own CSV tables): the same result as
// writeRecords(db, records, 'merge'), but the two logs are patched in their stored columns.
//
// Why: writeRecords' merge turns every row of every touched block into an object and encodes
// the block again. A teammate's file touches nearly every block (new activities hash over all
// of them), so that was a re-encode of the whole 1M-row log. Here a block is decoded to columns
// (typed arrays shared, only the ids split), rows the merge replaces are overwritten where they
// stand, new rows are appended to the columns, and the block is packed again. Only a block that
// a row leaves (its lead moved it to another bucket) goes through rows, as before.

import type { Activity, Records, StageEvent } from '../domain/types';
import { ACTIVITY_RESPONSES, ACTIVITY_TYPES } from '../domain/types';
import type { ActivityColumns, StageEventColumns } from '../domain/columns';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	bucketOf,
	decodeActivityBlock,
	decodeStageEventBlock,
	instantMs,
	stageEventBlockFromRows,
	stageEventRowsOfBlock,
	type ActivityBlock,
	type StageEventBlock
} from './blocks';
import { foldLogDeltas, packNotes } from './blocks';
import { appendActivities, appendStageEvents } from './bulk-blocks';
import { writeRecordsInTransaction } from './bulk';
import { allTables, blockTable, type LogListName, type TragtDatabase } from './database';
import { getWorkspaceSettings } from './settings';
import { broadcastChange, recordChange } from './write-context';
import {
	TEAM_FRESHNESS_KEY,
	withMerged,
	type MergedFile,
	type TeamFreshness
} from '../io/team-files';

type LogRow = Activity | StageEvent;

const TYPE_INDEX = new Map<string, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
const RESPONSE_INDEX = new Map<string, number>(ACTIVITY_RESPONSES.map((r, i) => [r, i + 1]));

/** Index of `v` in `dict`, appending it when new (`lookup` caches the dictionary). */
function dictIndex(dict: string[], lookup: Map<string, number>, v: string): number {
	if (lookup.size === 0) for (let i = 0; i < dict.length; i++) lookup.set(dict[i], i);
	let i = lookup.get(v);
	if (i === undefined) {
		i = dict.length;
		dict.push(v);
		lookup.set(v, i);
	}
	return i;
}

function patchActivity(c: ActivityColumns, j: number, a: Activity, tz: string, dicts: Dicts) {
	c.updatedAt[j] = instantMs(a.updatedAt, tz);
	c.deletedAt[j] = instantMs(a.deletedAt, tz);
	c.at[j] = instantMs(a.at, tz);
	c.lead[j] = a.leadId ? dictIndex(c.leadDict, dicts.lead, a.leadId) : -1;
	c.rep[j] = dictIndex(c.repDict, dicts.rep, a.repId);
	c.type[j] = TYPE_INDEX.get(a.type) ?? 3;
	c.response[j] = a.response ? (RESPONSE_INDEX.get(a.response) ?? 0) : 0;
	c.note[j] = a.note ?? undefined;
}

function patchStageEvent(c: StageEventColumns, j: number, e: StageEvent, tz: string, dicts: Dicts) {
	c.updatedAt[j] = instantMs(e.updatedAt, tz);
	c.deletedAt[j] = instantMs(e.deletedAt, tz);
	c.at[j] = instantMs(e.at, tz);
	c.lead[j] = dictIndex(c.leadDict, dicts.lead, e.leadId);
	c.stage[j] = dictIndex(c.stageDict, dicts.stage, e.stageId);
	c.rep[j] = e.repId ? dictIndex(c.repDict, dicts.rep, e.repId) : -1;
}

/** The block with its notes taken from the (patched) columns. */
function withNotes(block: ActivityBlock, cols: ActivityColumns): ActivityBlock {
	return { ...block, ...packNotes(cols) };
}

interface Dicts {
	lead: Map<string, number>;
	rep: Map<string, number>;
	stage: Map<string, number>;
}

async function mergeLog(
	db: TragtDatabase,
	log: LogListName,
	incoming: readonly LogRow[],
	tz: string
): Promise<void> {
	if (incoming.length === 0) return;
	const table = blockTable(db, log);
	const byId = new Map<string, LogRow>();
	for (const r of incoming) byId.set(r.id, r);
	// Blocks are patched as wholes below: one record per bucket first (blocks.ts, deltas).
	await foldLogDeltas(table);
	const stored = (await table.toArray()) as (ActivityBlock | StageEventBlock)[];
	const out: (ActivityBlock | StageEventBlock)[] = [];
	const empty: number[] = [];
	const handled = new Set<number>();
	const fresh = new Map<number, LogRow[]>();
	for (const r of incoming) {
		const b = bucketOf(r.leadId);
		let l = fresh.get(b);
		if (!l) fresh.set(b, (l = []));
		l.push(r);
	}
	for (const block of stored) {
		const cols =
			log === 'activities'
				? decodeActivityBlock(block as ActivityBlock)
				: decodeStageEventBlock(block as StageEventBlock);
		let hits: number[] | undefined;
		let leaves = false;
		for (let j = 0; j < cols.count; j++) {
			const r = byId.get(cols.id[j]);
			if (r === undefined) continue;
			(hits ??= []).push(j);
			if (bucketOf(r.leadId) !== block.bucket) leaves = true;
		}
		handled.add(block.bucket);
		const adds = fresh.get(block.bucket) ?? [];
		if (!hits && adds.length === 0) continue;
		if (leaves) {
			// A row leaves for another block: rebuild this one through rows, as writeRecords does.
			const rows: LogRow[] =
				log === 'activities'
					? activityRowsOfBlock(block as ActivityBlock)
					: stageEventRowsOfBlock(block as StageEventBlock);
			const kept = rows.filter((r) => !byId.has(r.id));
			for (const r of adds) kept.push(r);
			if (kept.length === 0) empty.push(block.bucket);
			else
				out.push(
					log === 'activities'
						? activityBlockFromRows(block.bucket, kept as Activity[], tz)
						: stageEventBlockFromRows(block.bucket, kept as StageEvent[], tz)
				);
			continue;
		}
		const dicts: Dicts = { lead: new Map(), rep: new Map(), stage: new Map() };
		const replaced = new Set<string>();
		for (const j of hits ?? []) {
			const r = byId.get(cols.id[j])!;
			replaced.add(r.id);
			if (log === 'activities') patchActivity(cols as ActivityColumns, j, r as Activity, tz, dicts);
			else patchStageEvent(cols as StageEventColumns, j, r as StageEvent, tz, dicts);
		}
		const appended = replaced.size ? adds.filter((r) => !replaced.has(r.id)) : adds;
		// (Appending no rows would add an empty id to the packed ids: only append when some.)
		// The columns were patched in place (decode shares the block's typed arrays and
		// dictionaries) and no id changed: the block keeps its packed ids as they are, and only
		// the sparse notes are gathered again (a patch may add or drop one).
		if (log === 'activities') {
			const packed = hits
				? withNotes(block as ActivityBlock, cols as ActivityColumns)
				: (block as ActivityBlock);
			out.push(
				appended.length
					? appendActivities(block.bucket, packed, appended as Activity[], tz)
					: packed
			);
		} else {
			const packed = block as StageEventBlock;
			out.push(
				appended.length
					? appendStageEvents(block.bucket, packed, appended as StageEvent[], tz)
					: packed
			);
		}
	}
	// Buckets without a stored block yet.
	for (const [bucket, rows] of fresh) {
		if (handled.has(bucket)) continue;
		out.push(
			log === 'activities'
				? activityBlockFromRows(bucket, rows as Activity[], tz)
				: stageEventBlockFromRows(bucket, rows as StageEvent[], tz)
		);
	}
	if (empty.length) await table.bulkDelete(empty);
	if (out.length) await table.bulkPut(out);
}

/**
 * Upserts `records` by id in one transaction (the caller has decided that they win the merge)
 * and marks the change as `full`, exactly like writeRecords(db, records, 'merge').
 */
export interface MergeWriteOptions {
	/** Teammates' files merged: their freshness is kept in the same transaction. */
	merged?: readonly MergedFile[];
	mergedAt?: string;
}

export async function writeMerge(
	db: TragtDatabase,
	records: Records,
	options: MergeWriteOptions = {}
): Promise<void> {
	const seq = await db.transaction('rw', allTables(db), async () => {
		if (options.merged?.length) {
			const old = (await db.settings.get(TEAM_FRESHNESS_KEY))?.value as TeamFreshness | undefined;
			await db.settings.put({
				key: TEAM_FRESHNESS_KEY,
				value: withMerged(old ?? {}, options.merged, options.mergedAt ?? new Date().toISOString())
			});
		}
		const ws = await getWorkspaceSettings(db);
		const tz = ws?.timeZone || 'UTC';
		const entities = { ...records, activities: [], stageEvents: [] };
		// The three writes touch disjoint tables (entity rows and their chunk copy, the activity
		// blocks, the stage-event blocks): issued together, one's decoding and patching runs while
		// the storage process writes another's records. Only Dexie promises are awaited in them
		// (anything else would let the transaction commit early).
		await Promise.all([
			writeRecordsInTransaction(db, entities, 'merge', tz),
			mergeLog(db, 'activities', records.activities, tz),
			mergeLog(db, 'stageEvents', records.stageEvents, tz)
		]);
		return recordChange(db, {
			at: Date.now(),
			full: true,
			entities: {},
			activityBuckets: [],
			stageEventBuckets: []
		});
	});
	broadcastChange(seq);
}
