// Bulk writes (demo data, imports): whole tables and whole blocks at once, inside the caller's
// transaction. The logs are grouped by bucket and each bucket's block is written once, which is
// what makes loading 1.4M records take seconds instead of minutes (docs/adr-0001).

import type { Activity, Records, StageEvent } from '../domain/types';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	bucketOf,
	foldLogDeltas,
	stageEventBlockFromRows,
	stageEventRowsOfBlock,
	unpackStrings,
	type ActivityBlock,
	type StageEventBlock
} from './blocks';
import { CHUNKED_LISTS, markChunkAware, putChunkRows, writeAllChunks } from './entity-chunks';
import {
	blockTable,
	ENTITY_LIST_NAMES,
	entityTable,
	type LogListName,
	type TragtDatabase
} from './database';

export type WriteMode = 'replace' | 'merge';

function groupByBucket<T extends { leadId?: string | null }>(rows: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const r of rows) {
		const b = bucketOf(r.leadId);
		let list = out.get(b);
		if (!list) out.set(b, (list = []));
		list.push(r);
	}
	return out;
}

/**
 * Writes `records` inside the current transaction. 'replace': every data table is cleared
 * first (settings stay). 'merge': rows are upserted by id (the caller has already decided which
 * side of a merge wins); rows not named are kept.
 */
export async function writeRecordsInTransaction(
	db: TragtDatabase,
	records: Records,
	mode: WriteMode,
	timeZone: string
): Promise<void> {
	markChunkAware();
	if (mode === 'replace') {
		for (const list of ENTITY_LIST_NAMES) await entityTable(db, list).clear();
		await db.activityBlocks.clear();
		await db.entityChunks.clear();
		await db.stageEventBlocks.clear();
	}
	for (const list of ENTITY_LIST_NAMES) {
		const rows = records[list] as { id: string }[];
		if (rows.length) await entityTable(db, list).bulkPut(rows);
	}
	for (const list of CHUNKED_LISTS) {
		if (mode === 'replace') await writeAllChunks(db, list, records[list]);
		else await putChunkRows(db, list, records[list]);
	}
	await writeLog(db, 'activities', records.activities, mode, timeZone);
	await writeLog(db, 'stageEvents', records.stageEvents, mode, timeZone);
}

async function writeLog(
	db: TragtDatabase,
	log: LogListName,
	incoming: readonly (Activity | StageEvent)[],
	mode: WriteMode,
	timeZone: string
): Promise<void> {
	if (incoming.length === 0) return;
	const table = blockTable(db, log);
	const groups = groupByBucket(incoming);
	if (mode === 'merge') {
		// Blocks are rewritten as wholes below: one record per bucket first (no deltas).
		await foldLogDeltas(table);
		// A row already stored in another bucket (its lead changed) must leave that bucket.
		const stored = (await table.toArray()) as (ActivityBlock | StageEventBlock)[];
		const byBucket = new Map(stored.map((b) => [b.bucket, b]));
		const where = new Map<string, number>();
		for (const b of stored) for (const id of unpackStrings(b.ids, b.count)) where.set(id, b.bucket);
		const targetOf = new Map<string, number>();
		for (const [bucket, rows] of groups) for (const r of rows) targetOf.set(r.id, bucket);
		const touched = new Set<number>(groups.keys());
		for (const [id, target] of targetOf) {
			const from = where.get(id);
			if (from !== undefined && from !== target) touched.add(from);
		}
		for (const bucket of touched) {
			const old = byBucket.get(bucket);
			const oldRows =
				log === 'activities'
					? activityRowsOfBlock(old as ActivityBlock | undefined)
					: stageEventRowsOfBlock(old as StageEventBlock | undefined);
			const merged = new Map<string, Activity | StageEvent>();
			for (const r of oldRows) if (targetOf.get(r.id) === undefined) merged.set(r.id, r);
			for (const r of groups.get(bucket) ?? []) merged.set(r.id, r);
			groups.set(bucket, [...merged.values()]);
		}
	}
	const blocks: (ActivityBlock | StageEventBlock)[] = [];
	const empty: number[] = [];
	for (const [bucket, rows] of groups) {
		if (rows.length === 0) {
			empty.push(bucket);
			continue;
		}
		blocks.push(
			log === 'activities'
				? activityBlockFromRows(bucket, rows as Activity[], timeZone)
				: stageEventBlockFromRows(bucket, rows as StageEvent[], timeZone)
		);
	}
	if (empty.length) await table.bulkDelete(empty);
	await table.bulkPut(blocks);
}
