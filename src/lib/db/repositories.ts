// Typed reads and bulk writes. The rest of the app sees records and columns; how they are laid
// out in IndexedDB (rows for entities, blocks of columns for the logs) stays in this folder.

import {
	activityAt,
	stageEventAt,
	columnsToActivities,
	columnsToStageEvents,
	type ActivityColumns,
	type StageEventColumns
} from '../domain/columns';
import { parseInstant } from '../domain/time';
import type {
	Activity,
	Lead,
	RecordListName,
	RecordOf,
	Records,
	StageEvent
} from '../domain/types';
import {
	activityRowsOfBlock,
	bucketOf,
	concatActivityBlocks,
	concatStageEventBlocks,
	decodeActivityBlock,
	decodeStageEventBlock,
	readLogBucket,
	readLogBuckets as readLogBucketsOf,
	stageEventRowsOfBlock,
	unpackStrings,
	type ActivityBlock,
	type StageEventBlock
} from './blocks';
import { writeRecordsInTransaction, type WriteMode } from './bulk';
import {
	allTables,
	blockTable,
	ENTITY_LIST_NAMES,
	entityTable,
	type EntityListName,
	type TragtDatabase
} from './database';
import { isChunkedList, readChunkedList } from './entity-chunks';
import { getWorkspaceSettings } from './settings';
import { broadcastChange, recordChange } from './write-context';

export { bucketOf, BUCKET_COUNT, NO_LEAD_BUCKET } from './blocks';
export { getWorkspaceSettings, saveWorkspaceSettings, type WorkspaceSettings } from './settings';
export type { WriteMode } from './bulk';

export type EntityRecords = Omit<Records, 'activities' | 'stageEvents'>;

/** Every entity row, tombstones included (in no particular order). */
export async function readEntityRows(db: TragtDatabase): Promise<EntityRecords> {
	const tables = [...ENTITY_LIST_NAMES.map((l) => entityTable(db, l)), db.entityChunks];
	return db.transaction('r', tables, async () => {
		// Leads and customers come from their JSON chunks (entity-chunks.ts): 100k rows as a few
		// dozen records instead of 100k.
		const lists = await Promise.all(
			ENTITY_LIST_NAMES.map((l) =>
				isChunkedList(l) ? readChunkedList(db, l) : entityTable(db, l).toArray()
			)
		);
		const out = {} as Record<EntityListName, unknown[]>;
		ENTITY_LIST_NAMES.forEach((l, i) => (out[l] = lists[i]));
		return out as unknown as EntityRecords;
	});
}

/**
 * Both logs as columns, tombstones included (deletedAt is NaN for live rows). Rows are grouped
 * by bucket, not sorted. This is the KPI worker's cold path: one getAll per log.
 */
export async function readLogColumns(
	db: TragtDatabase
): Promise<{ activities: ActivityColumns; stageEvents: StageEventColumns }> {
	const [a, e] = await db.transaction('r', db.activityBlocks, db.stageEventBlocks, () =>
		Promise.all([db.activityBlocks.toArray(), db.stageEventBlocks.toArray()])
	);
	return { activities: concatActivityBlocks(a), stageEvents: concatStageEventBlocks(e) };
}

/** Some buckets of one log as columns (for an incremental refresh after readChangesSince). */
export async function readLogBuckets(
	db: TragtDatabase,
	log: 'activities',
	buckets: number[]
): Promise<ActivityColumns>;
export async function readLogBuckets(
	db: TragtDatabase,
	log: 'stageEvents',
	buckets: number[]
): Promise<StageEventColumns>;
export async function readLogBuckets(
	db: TragtDatabase,
	log: 'activities' | 'stageEvents',
	buckets: number[]
): Promise<ActivityColumns | StageEventColumns> {
	if (log === 'activities') {
		const blocks = await readLogBucketsOf(blockTable(db, 'activities'), buckets);
		return concatActivityBlocks(blocks as ActivityBlock[]);
	}
	const blocks = await readLogBucketsOf(blockTable(db, 'stageEvents'), buckets);
	return concatStageEventBlocks(blocks as StageEventBlock[]);
}

/** Everything, tombstones included, logs expanded to rows (for export). */
export async function readAllRecords(db: TragtDatabase): Promise<Records> {
	const [entities, logs] = await Promise.all([readEntityRows(db), readLogColumns(db)]);
	return {
		...entities,
		activities: columnsToActivities(logs.activities),
		stageEvents: columnsToStageEvents(logs.stageEvents)
	};
}

/**
 * Writes many records in one transaction (durability 'strict'), logs as whole blocks, and marks
 * the change as `full`. 'replace' clears every data table first (settings stay); 'merge' upserts
 * by id. Date-only and offset instants of the logs are stored as epoch ms, resolved in the
 * workspace time zone (UTC when none is set yet): save the workspace settings first.
 * Not an undo step by itself: use the loadRecords command for that.
 */
export async function writeRecords(
	db: TragtDatabase,
	records: Records,
	mode: WriteMode
): Promise<void> {
	const seq = await db.transaction('rw', allTables(db), async () => {
		const ws = await getWorkspaceSettings(db);
		await writeRecordsInTransaction(db, records, mode, ws?.timeZone || 'UTC');
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

// ---- lead page and lists ----

export async function getLead(db: TragtDatabase, id: string): Promise<Lead | undefined> {
	return db.leads.get(id);
}

export async function listLeads(
	db: TragtDatabase,
	opts: { includeDeleted?: boolean } = {}
): Promise<Lead[]> {
	const all = await db.leads.toArray();
	return opts.includeDeleted ? all : all.filter((l) => !l.deletedAt);
}

/** Live leads most recently changed first. */
export async function recentLeads(db: TragtDatabase, n: number): Promise<Lead[]> {
	return db.leads
		.orderBy('updatedAt')
		.reverse()
		.filter((l) => !l.deletedAt)
		.limit(n)
		.toArray();
}

function instantMs(value: string): number {
	// Stored log instants are UTC ISO strings, so the zone does not matter here.
	return parseInstant(value, 'UTC');
}

/** A lead's activities (one block read), newest first. */
export async function activitiesOfLead(
	db: TragtDatabase,
	leadId: string,
	opts: { includeDeleted?: boolean } = {}
): Promise<Activity[]> {
	const block = (await readLogBucket(blockTable(db, 'activities'), bucketOf(leadId))) as
		ActivityBlock | undefined;
	if (!block) return [];
	// Decode only this lead's rows: the block holds the whole bucket's.
	const k = block.leadDict.indexOf(leadId);
	if (k < 0) return [];
	const cols = decodeActivityBlock(block);
	const rows: Activity[] = [];
	for (let i = 0; i < cols.count; i++) {
		if (cols.lead[i] !== k || (!opts.includeDeleted && !Number.isNaN(cols.deletedAt[i]))) continue;
		rows.push(activityAt(cols, i));
	}
	return rows.sort((a, b) => instantMs(b.at) - instantMs(a.at) || (a.id < b.id ? 1 : -1));
}

/** A lead's stage history (one block read), in history order: by `at`, ties by id. */
export async function stageEventsOfLead(
	db: TragtDatabase,
	leadId: string,
	opts: { includeDeleted?: boolean } = {}
): Promise<StageEvent[]> {
	const block = (await readLogBucket(blockTable(db, 'stageEvents'), bucketOf(leadId))) as
		StageEventBlock | undefined;
	if (!block) return [];
	const k = block.leadDict.indexOf(leadId);
	if (k < 0) return [];
	const cols = decodeStageEventBlock(block);
	const rows: StageEvent[] = [];
	for (let i = 0; i < cols.count; i++) {
		if (cols.lead[i] !== k || (!opts.includeDeleted && !Number.isNaN(cols.deletedAt[i]))) continue;
		rows.push(stageEventAt(cols, i));
	}
	return rows.sort((a, b) => instantMs(a.at) - instantMs(b.at) || (a.id < b.id ? -1 : 1));
}

/** Number of live activities (the length of the activity list). */
export async function countActivities(db: TragtDatabase): Promise<number> {
	const blocks = await db.activityBlocks.toArray();
	let n = 0;
	for (const b of blocks) for (let i = 0; i < b.count; i++) if (Number.isNaN(b.deletedAt[i])) n++;
	return n;
}

/**
 * A page of live activities, newest first (ties: id descending). Reads only the `at` columns to
 * choose the page (a bounded heap of offset + limit), then decodes just those rows.
 */
export async function listActivities(
	db: TragtDatabase,
	opts: { limit: number; offset?: number }
): Promise<Activity[]> {
	const offset = opts.offset ?? 0;
	const k = offset + opts.limit;
	if (opts.limit <= 0) return [];
	const blocks = await db.activityBlocks.toArray();
	const ids = blocks.map((b) => unpackStrings(b.ids, b.count));
	// Min-heap of the k newest rows seen so far; the root is the oldest of them.
	const heap: [number, number][] = []; // [block, row]
	const older = (x: [number, number], y: [number, number]) => {
		const ax = blocks[x[0]].at[x[1]];
		const ay = blocks[y[0]].at[y[1]];
		return ax !== ay ? ax < ay : ids[x[0]][x[1]] < ids[y[0]][y[1]];
	};
	const up = (i: number) => {
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!older(heap[i], heap[p])) break;
			[heap[i], heap[p]] = [heap[p], heap[i]];
			i = p;
		}
	};
	const down = (i: number) => {
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < heap.length && older(heap[l], heap[m])) m = l;
			if (r < heap.length && older(heap[r], heap[m])) m = r;
			if (m === i) return;
			[heap[i], heap[m]] = [heap[m], heap[i]];
			i = m;
		}
	};
	blocks.forEach((b, bi) => {
		for (let i = 0; i < b.count; i++) {
			if (!Number.isNaN(b.deletedAt[i])) continue;
			const item: [number, number] = [bi, i];
			if (heap.length < k) {
				heap.push(item);
				up(heap.length - 1);
			} else if (older(heap[0], item)) {
				heap[0] = item;
				down(0);
			}
		}
	});
	heap.sort((x, y) => (older(x, y) ? 1 : older(y, x) ? -1 : 0));
	const decoded = new Map<number, ActivityColumns>();
	return heap.slice(offset).map(([bi, i]) => {
		let cols = decoded.get(bi);
		if (!cols) decoded.set(bi, (cols = decodeActivityBlock(blocks[bi])));
		return activityAt(cols, i);
	});
}

export interface BinEntry<K extends RecordListName = RecordListName> {
	list: K;
	record: RecordOf<K>;
}

/** The bin: every tombstoned record with its list name, most recently deleted first. */
export async function listDeleted(db: TragtDatabase): Promise<BinEntry[]> {
	const out: BinEntry[] = [];
	await db.transaction('r', allTables(db), async () => {
		for (const list of ENTITY_LIST_NAMES) {
			const rows = await entityTable(db, list).where('deletedAt').above('').toArray();
			for (const r of rows) out.push({ list, record: r as RecordOf<typeof list> });
		}
		for (const b of await db.activityBlocks.toArray()) {
			if (!b.deletedAt.some((d) => !Number.isNaN(d))) continue;
			for (const a of activityRowsOfBlock(b))
				if (a.deletedAt) out.push({ list: 'activities', record: a });
		}
		for (const b of await db.stageEventBlocks.toArray()) {
			if (!b.deletedAt.some((d) => !Number.isNaN(d))) continue;
			for (const e of stageEventRowsOfBlock(b))
				if (e.deletedAt) out.push({ list: 'stageEvents', record: e });
		}
	});
	const key = (e: BinEntry) => instantMs(e.record.deletedAt as string);
	return out.sort((a, b) => key(b) - key(a));
}

// ---- change tracking ----

export interface ChangesSince {
	/** The newest change's sequence number: pass it next time. */
	seq: number;
	/** Re-read everything (bulk write, too many changes, or `seq` is unknown). */
	full: boolean;
	entities: Partial<Record<EntityListName | 'settings', string[]>>;
	activityBuckets: number[];
	stageEventBuckets: number[];
}

/** Above this many changed ids, a reader is better off re-reading everything. */
export const MAX_INCREMENTAL_IDS = 5000;

/** What changed after change `seq` (0: from the start). */
export async function readChangesSince(db: TragtDatabase, seq: number): Promise<ChangesSince> {
	return db.transaction('r', db.changes, async () => {
		const last = await db.changes.orderBy('seq').last();
		const lastSeq = last?.seq ?? 0;
		const out: ChangesSince = {
			seq: lastSeq,
			full: false,
			entities: {},
			activityBuckets: [],
			stageEventBuckets: []
		};
		if (seq === lastSeq) return out;
		const first = await db.changes.orderBy('seq').first();
		// A reader from the future (database recreated) or from before the kept log: start over.
		if (seq > lastSeq || !first || (first.seq as number) > seq + 1) {
			out.full = true;
			return out;
		}
		const rows = await db.changes.where('seq').above(seq).toArray();
		const ent = new Map<string, Set<string>>();
		const ab = new Set<number>();
		const sb = new Set<number>();
		let ids = 0;
		for (const r of rows) {
			if (r.full) out.full = true;
			for (const [list, list_ids] of Object.entries(r.entities)) {
				let s = ent.get(list);
				if (!s) ent.set(list, (s = new Set()));
				for (const id of list_ids) s.add(id);
				ids += list_ids.length;
			}
			for (const b of r.activityBuckets) ab.add(b);
			for (const b of r.stageEventBuckets) sb.add(b);
		}
		if (ids > MAX_INCREMENTAL_IDS) out.full = true;
		if (out.full) return out;
		for (const [list, s] of ent) out.entities[list as EntityListName] = [...s];
		out.activityBuckets = [...ab].sort((a, b) => a - b);
		out.stageEventBuckets = [...sb].sort((a, b) => a - b);
		return out;
	});
}

/** The newest change sequence number (0 for a new database). */
export async function currentChangeSeq(db: TragtDatabase): Promise<number> {
	return (await db.changes.orderBy('seq').last())?.seq ?? 0;
}
