// The one way the data layer writes inside a transaction.
//
// A WriteContext lives for one Dexie 'rw' transaction. Every row it writes is recorded with its
// before image (the row as the transaction found it) and after image (as it left it), so that
// history.ts can undo a whole command by writing the before images back and redo it by writing
// the after images, and so that the change log tells the KPI worker what to re-read. Log rows
// (activities, stage events) are edited inside their decoded block, and each touched block is
// re-encoded and written once when the transaction finishes.

import type { Table } from 'dexie';
import type { Activity, RecordListName, StageEvent } from '../domain/types';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	blockMayHold,
	bucketOf,
	bucketOfKey,
	deltaKeyRange,
	logDeltaKeys,
	MAX_LOG_DELTAS,
	mergeLogDeltas,
	unpackStrings,
	stageEventBlockFromRows,
	stageEventRowsOfBlock,
	type ActivityBlock,
	type StageEventBlock
} from './blocks';
import {
	allTables,
	blockTable,
	entityTable,
	isEntityList,
	type EntityListName,
	type LogListName,
	type TragtDatabase
} from './database';
import { CHUNKED_LISTS, applyChunkChanges, markChunkAware } from './entity-chunks';
import { broadcastChange, recordChange } from './change-log';
import { WORKSPACE_KEY, type WorkspaceSettings } from './workspace-settings';

// The change log's names stay importable from here.
export { broadcastChange, CHANGE_LOG_KEEP, CHANGES_CHANNEL, recordChange } from './change-log';

type AnyRow = { id: string; [field: string]: unknown };
type LogRow = Activity | StageEvent;

/** One row touched by a transaction. `before`/`after` undefined: the row did not exist. */
export interface RowChange {
	list: RecordListName;
	id: string;
	before?: AnyRow;
	after?: AnyRow;
}

function clone<T>(v: T): T {
	return v === undefined ? v : structuredClone(v);
}

export class WriteContext {
	readonly db: TragtDatabase;
	readonly timeZone: string;
	readonly workspace: WorkspaceSettings | undefined;
	/** Set by bulk writes: readers must re-read everything. */
	full = false;
	private readonly changes = new Map<string, RowChange>();
	private readonly blocks: Record<LogListName, Map<number, Map<string, LogRow>>> = {
		activities: new Map(),
		stageEvents: new Map()
	};
	private readonly scanned: Partial<Record<LogListName, Map<string, number>>> = {};
	private readonly stored: Partial<Record<LogListName, (ActivityBlock | StageEventBlock)[]>> = {};
	private readonly lookups: Partial<Record<LogListName, number>> = {};
	/** False when a bulk write made this transaction too large to undo (history is cleared). */
	undoable = true;
	private readonly dirty: Record<LogListName, Set<number>> = {
		activities: new Set(),
		stageEvents: new Set()
	};
	/** New log rows of blocks not decoded in this transaction: written as a delta record beside
	 * the block at the end (appendLogRows), unless something decodes the block first
	 * (loadBucket). */
	private readonly appends: Record<LogListName, Map<number, LogRow[]>> = {
		activities: new Map(),
		stageEvents: new Map()
	};
	/** The stored delta keys of each bucket (read once per transaction; see blocks.ts). */
	private readonly deltaKeys: Partial<Record<LogListName, Map<number, number[]>>> = {};

	private constructor(db: TragtDatabase, workspace: WorkspaceSettings | undefined) {
		this.db = db;
		this.workspace = workspace;
		this.timeZone = workspace?.timeZone || 'UTC';
	}

	static async open(db: TragtDatabase): Promise<WriteContext> {
		markChunkAware();
		const row = await db.settings.get(WORKSPACE_KEY);
		return new WriteContext(db, row?.value as WorkspaceSettings | undefined);
	}

	/** The changes so far, in first-touch order. Rows created and removed again are left out. */
	changeList(): RowChange[] {
		return [...this.changes.values()].filter(
			(c) => c.before !== undefined || c.after !== undefined
		);
	}

	private record(
		list: RecordListName,
		id: string,
		before: AnyRow | undefined,
		after: AnyRow | undefined
	) {
		const key = list + '\u0000' + id;
		const c = this.changes.get(key);
		if (c) c.after = clone(after);
		else this.changes.set(key, { list, id, before: clone(before), after: clone(after) });
	}

	// ---- entities ----

	/** A row by id; for log rows, `leadHint` (the row's leadId if known) saves a block scan. */
	async get<T = AnyRow>(
		list: RecordListName,
		id: string,
		leadHint?: string | null
	): Promise<T | undefined> {
		if (isEntityList(list)) {
			const row = await entityTable(this.db, list).get(id);
			return row as T | undefined;
		}
		const found = await this.findLog(
			list as LogListName,
			id,
			leadHint === undefined ? [] : [leadHint]
		);
		return found ? (clone(found.row) as T) : undefined;
	}

	/**
	 * Writes a whole row (insert or replace). Log rows move block when their lead changes.
	 * `isNew`: the id was just made, so no block needs searching for an older copy;
	 * `leadHints`: other leads whose blocks may hold the row now (its lead is being changed).
	 */
	async put(
		list: RecordListName,
		row: AnyRow,
		opts: { isNew?: boolean; leadHints?: (string | null | undefined)[] } = {}
	): Promise<void> {
		if (isEntityList(list)) {
			const table = entityTable(this.db, list);
			const before = this.changes.has(list + '\u0000' + row.id)
				? undefined
				: ((await table.get(row.id)) as AnyRow | undefined);
			await table.put(row);
			this.record(list, row.id, before, row);
			return;
		}
		const log = list as LogListName;
		const leadId = row.leadId as string | null | undefined;
		const found = opts.isNew
			? undefined
			: await this.findLog(log, row.id, [leadId, ...(opts.leadHints ?? [])]);
		const bucket = bucketOf(leadId);
		if (found && found.bucket !== bucket) {
			found.rows.delete(row.id);
			this.dirty[log].add(found.bucket);
		}
		const rows = await this.loadBucket(log, bucket);
		rows.set(row.id, clone(row) as unknown as LogRow);
		this.dirty[log].add(bucket);
		this.record(list, row.id, found?.row as AnyRow | undefined, row);
	}

	/**
	 * Writes many entity rows with one bulkPut. `before[i]`: row i as the caller read it in this
	 * transaction (undefined: it did not exist), so nothing is read again. `logRows[i]`: a new
	 * log row that goes with row i (a new lead's first stage event; see appendLogRows).
	 *
	 * Each log row is recorded right after its entity row, as one-by-one commands do: undo and
	 * redo replay the changes in this order, and a long run of log rows whose blocks are already
	 * decoded makes no IndexedDB request, which loses Dexie's transaction zone (its native-await
	 * echoes run out) and commits the transaction under the replay.
	 */
	async putEntities(
		list: EntityListName,
		rows: readonly AnyRow[],
		before: readonly (AnyRow | undefined)[],
		logRows?: { log: LogListName; rows: readonly (LogRow | undefined)[] }
	): Promise<void> {
		if (rows.length === 0) return;
		await entityTable(this.db, list).bulkPut(rows as { id: string }[]);
		rows.forEach((row, i) => {
			this.record(list, row.id, before[i], row);
			const extra = logRows?.rows[i];
			if (extra) this.appendLogRows(logRows.log, [extra]);
		});
	}

	/**
	 * Adds new log rows (ids just made, so no block can hold them yet). Blocks not decoded in
	 * this transaction get the rows appended to their stored columns when it finishes.
	 */
	appendLogRows(log: LogListName, rows: readonly LogRow[]): void {
		for (const row of rows) {
			const bucket = bucketOf(row.leadId);
			const decoded = this.blocks[log].get(bucket);
			if (decoded) decoded.set(row.id, clone(row));
			else {
				let pending = this.appends[log].get(bucket);
				if (!pending) this.appends[log].set(bucket, (pending = []));
				pending.push(clone(row));
			}
			this.dirty[log].add(bucket);
			this.record(log, row.id, undefined, row as unknown as AnyRow);
		}
	}

	/** Removes a row for good (emptying the bin, undoing a creation). */
	async remove(list: RecordListName, id: string, leadHint?: string | null): Promise<void> {
		if (isEntityList(list)) {
			const table = entityTable(this.db, list);
			const before = (await table.get(id)) as AnyRow | undefined;
			if (!before) return;
			await table.delete(id);
			this.record(list, id, before, undefined);
			return;
		}
		const log = list as LogListName;
		const found = await this.findLog(log, id, leadHint === undefined ? [] : [leadHint]);
		if (!found) return;
		found.rows.delete(id);
		this.dirty[log].add(found.bucket);
		this.record(list, id, found.row as unknown as AnyRow, undefined);
	}

	/**
	 * Writes log rows for undo and redo (`image` undefined removes the row). Every block that
	 * may hold a row or receive it is read first; then the rows are written without awaiting
	 * anything: a long run of awaits that make no IndexedDB request loses Dexie's transaction
	 * zone, and the transaction commits under the replay (PrematureCommitError).
	 */
	async replayLogRows(
		items: readonly {
			list: LogListName;
			id: string;
			image: AnyRow | undefined;
			leadHints: (string | null | undefined)[];
		}[]
	): Promise<void> {
		if (items.length === 0) return;
		const located = (log: LogListName, id: string) => {
			for (const [bucket, rows] of this.blocks[log]) {
				const row = rows.get(id);
				if (row) return { bucket, rows, row };
			}
			return undefined;
		};
		const need = new Set<string>();
		for (const it of items) {
			for (const hint of it.leadHints) need.add(it.list + ':' + bucketOf(hint));
			if (it.image) need.add(it.list + ':' + bucketOf(it.image.leadId as string | undefined));
		}
		for (const key of need) {
			const [log, bucket] = key.split(':');
			await this.loadBucket(log as LogListName, Number(bucket));
		}
		// Rows that moved to a lead none of the images name (a teammate's merge): found through
		// the stored ids, with one read per block.
		for (const it of items) {
			if (located(it.list, it.id)) continue;
			let where = this.scanned[it.list];
			if (!where) {
				where = new Map();
				const stored = (this.stored[it.list] ??= (await blockTable(this.db, it.list).toArray()) as (
					ActivityBlock | StageEventBlock
				)[]);
				for (const block of stored)
					for (const rowId of unpackStrings(block.ids, block.count))
						where.set(rowId, bucketOfKey(block.bucket));
				this.scanned[it.list] = where;
			}
			for (const [bucket, pending] of this.appends[it.list])
				if (pending.some((r) => r.id === it.id)) await this.loadBucket(it.list, bucket);
			const bucket = where.get(it.id);
			if (bucket !== undefined) await this.loadBucket(it.list, bucket);
		}
		for (const it of items) {
			const found = located(it.list, it.id);
			if (!it.image) {
				if (!found) continue;
				found.rows.delete(it.id);
				this.dirty[it.list].add(found.bucket);
				this.record(it.list, it.id, found.row as unknown as AnyRow, undefined);
				continue;
			}
			const bucket = bucketOf(it.image.leadId as string | null | undefined);
			if (found && found.bucket !== bucket) {
				found.rows.delete(it.id);
				this.dirty[it.list].add(found.bucket);
			}
			this.blocks[it.list].get(bucket)!.set(it.id, clone(it.image) as unknown as LogRow);
			this.dirty[it.list].add(bucket);
			this.record(it.list, it.id, found?.row as AnyRow | undefined, it.image);
		}
	}

	/** Entity rows of a list, straight from the table (small lists: reps, stages). */
	async all<T>(list: EntityListName): Promise<T[]> {
		return (await entityTable(this.db, list).toArray()) as T[];
	}

	// ---- logs ----

	/** The log rows of one lead (live and tombstoned), from its one block. */
	async logRowsOfLead<T extends LogRow>(log: LogListName, leadId: string): Promise<T[]> {
		const rows = await this.loadBucket(log, bucketOf(leadId));
		const out: T[] = [];
		for (const r of rows.values()) if (r.leadId === leadId) out.push(clone(r) as T);
		return out;
	}

	/** Every row of every block (used by emptyBin and bulk replace). */
	async allLogRows<T extends LogRow>(log: LogListName): Promise<T[]> {
		const stored = (await blockTable(this.db, log).toCollection().primaryKeys()) as number[];
		const keys = [...new Set(stored.map(bucketOfKey))];
		for (const b of this.appends[log].keys()) if (!keys.includes(b)) keys.push(b);
		const out: T[] = [];
		for (const b of keys)
			for (const r of (await this.loadBucket(log, b)).values()) out.push(r as T);
		return out;
	}

	/** Tombstoned log rows; only blocks that hold one are decoded. */
	async logTombstones<T extends LogRow>(log: LogListName): Promise<T[]> {
		const blocks = (await blockTable(this.db, log).toArray()) as (
			ActivityBlock | StageEventBlock
		)[];
		const out: T[] = [];
		const seen = new Set<number>();
		for (const block of blocks) {
			if (!block.deletedAt.some((d) => !Number.isNaN(d))) continue;
			const bucket = bucketOfKey(block.bucket);
			if (seen.has(bucket)) continue;
			seen.add(bucket);
			for (const r of (await this.loadBucket(log, bucket)).values())
				if (r.deletedAt) out.push(clone(r) as T);
		}
		return out;
	}

	private async deltasOf(log: LogListName): Promise<Map<number, number[]>> {
		return (this.deltaKeys[log] ??= await logDeltaKeys(blockTable(this.db, log)));
	}

	private async loadBucket(log: LogListName, bucket: number): Promise<Map<string, LogRow>> {
		let rows = this.blocks[log].get(bucket);
		if (!rows) {
			const table = blockTable(this.db, log);
			const keys = (await this.deltasOf(log)).get(bucket);
			let block = await table.get(bucket);
			if (keys?.length) {
				const deltas = await table.bulkGet(keys);
				block = mergeLogDeltas(
					bucket,
					block,
					deltas.filter((d): d is ActivityBlock | StageEventBlock => !!d)
				);
			}
			const list =
				log === 'activities'
					? activityRowsOfBlock(block as ActivityBlock | undefined)
					: stageEventRowsOfBlock(block as StageEventBlock | undefined);
			rows = new Map(list.map((r) => [r.id, r as LogRow]));
			const pending = this.appends[log].get(bucket);
			if (pending) {
				for (const r of pending) rows.set(r.id, r);
				this.appends[log].delete(bucket);
			}
			this.blocks[log].set(bucket, rows);
		}
		return rows;
	}

	/**
	 * Finds a log row by id: in blocks already loaded, then in the hinted leads' blocks, then
	 * through a map of every stored id to its block (built once per transaction; no row is
	 * decoded for it). Blocks already loaded are authoritative: rows may have moved inside them.
	 */
	private async findLog(
		log: LogListName,
		id: string,
		leadHints: (string | null | undefined)[] = []
	): Promise<{ bucket: number; rows: Map<string, LogRow>; row: LogRow } | undefined> {
		for (const [bucket, rows] of this.blocks[log]) {
			const row = rows.get(id);
			if (row) return { bucket, rows, row };
		}
		for (const [bucket, pending] of this.appends[log]) {
			if (!pending.some((r) => r.id === id)) continue;
			const rows = await this.loadBucket(log, bucket);
			return { bucket, rows, row: rows.get(id)! };
		}
		for (const hint of leadHints) {
			const bucket = bucketOf(hint);
			const rows = await this.loadBucket(log, bucket);
			const row = rows.get(id);
			if (row) return { bucket, rows, row };
		}
		// The stored blocks are read once per transaction. The first few lookups search their
		// packed ids (one indexOf per block, nothing decoded); a transaction that looks up many
		// rows (a merge, a paste) builds an id -> bucket map instead.
		let stored = this.stored[log];
		if (!stored) {
			stored = (await blockTable(this.db, log).toArray()) as (ActivityBlock | StageEventBlock)[];
			this.stored[log] = stored;
		}
		let bucket: number | undefined;
		const lookups = (this.lookups[log] = (this.lookups[log] ?? 0) + 1);
		if (lookups <= 16) {
			const b = stored.find(
				(b) => !this.blocks[log].has(bucketOfKey(b.bucket)) && blockMayHold(b, id)
			)?.bucket;
			bucket = b === undefined ? undefined : bucketOfKey(b);
		} else {
			let where = this.scanned[log];
			if (!where) {
				where = new Map();
				for (const block of stored)
					for (const rowId of unpackStrings(block.ids, block.count))
						where.set(rowId, bucketOfKey(block.bucket));
				this.scanned[log] = where;
			}
			bucket = where.get(id);
		}
		if (bucket === undefined || this.blocks[log].has(bucket)) return undefined;
		const rows = await this.loadBucket(log, bucket);
		const row = rows.get(id);
		return row ? { bucket, rows, row } : undefined;
	}

	// ---- commit ----

	/** Writes touched blocks and the change row; returns the new change sequence number. */
	async finish(): Promise<number> {
		const buckets: Record<LogListName, number[]> = { activities: [], stageEvents: [] };
		// Leads created by this transaction: their log rows can only be in this transaction's
		// writes, so a delta of theirs is all a reader needs to re-read of the bucket.
		const created = new Set<string>();
		for (const c of this.changes.values())
			if (c.list === 'leads' && !c.before && c.after) created.add(c.id);
		const logs = (['activities', 'stageEvents'] as const).filter(
			(log) => this.appends[log].size || this.dirty[log].size
		);
		// The blocks, and below the chunk copy, are written side by side (different tables; each
		// awaited request is a round trip to the storage process).
		const writeLogs = async () => {
			await Promise.all(logs.map((log) => this.deltasOf(log)));
			for (const log of logs) await this.writeLog(log, created, buckets);
		};
		const entities: Record<string, string[]> = {};
		const chunked: Record<string, RowChange[]> = {};
		for (const c of this.changeList()) {
			if (!isEntityList(c.list)) continue;
			(entities[c.list] ??= []).push(c.id);
			(chunked[c.list] ??= []).push(c);
		}
		// The chunk copy from the rows' after images (no re-read); new rows are appended.
		await Promise.all([
			writeLogs(),
			...CHUNKED_LISTS.map((list) => applyChunkChanges(this.db, list, chunked[list] ?? []))
		]);
		return recordChange(this.db, {
			at: Date.now(),
			full: this.full,
			entities,
			activityBuckets: buckets.activities,
			stageEventBuckets: buckets.stageEvents
		});
	}

	/** Writes one log's new rows (as deltas) and rewritten buckets; notes the keys touched. */
	private async writeLog(
		log: LogListName,
		created: ReadonlySet<string>,
		buckets: Record<LogListName, number[]>
	): Promise<void> {
		{
			const table = blockTable(this.db, log);
			const changed = new Set<number>();
			const deltas = await this.deltasOf(log);
			const puts: (ActivityBlock | StageEventBlock)[] = [];
			const gone: number[] = [];
			const fold: number[] = [];
			for (const [bucket, rows] of this.appends[log]) {
				const held = deltas?.get(bucket) ?? [];
				if (held.length >= MAX_LOG_DELTAS) {
					// One delta too many: this bucket is folded back into its block below.
					fold.push(bucket);
					continue;
				}
				// New rows go beside the block as a small record; the block is neither read nor
				// rewritten (a paste of 1,000 new leads adds a row to nearly every bucket).
				const [lo] = deltaKeyRange(bucket);
				const key = held.length ? held[held.length - 1] + 1 : lo + 1;
				puts.push(
					log === 'activities'
						? activityBlockFromRows(key, rows as Activity[], this.timeZone)
						: stageEventBlockFromRows(key, rows as StageEvent[], this.timeZone)
				);
				changed.add(key);
				// Rows of older leads: readers re-read the whole bucket (block and deltas), since a
				// lead's rows are spread over them.
				if (rows.some((r) => !r.leadId || !created.has(r.leadId))) {
					changed.add(bucket);
					for (const k of held) changed.add(k);
				}
			}
			for (const bucket of fold) await this.loadBucket(log, bucket);
			for (const bucket of this.dirty[log]) {
				if (this.appends[log].has(bucket)) continue;
				changed.add(bucket);
				// The bucket is rewritten whole: its deltas' rows are in `rows` (loadBucket).
				for (const k of deltas?.get(bucket) ?? []) {
					gone.push(k);
					changed.add(k);
				}
				const rows = [...(this.blocks[log].get(bucket)?.values() ?? [])];
				if (rows.length === 0) {
					gone.push(bucket);
					continue;
				}
				puts.push(
					log === 'activities'
						? activityBlockFromRows(bucket, rows as Activity[], this.timeZone)
						: stageEventBlockFromRows(bucket, rows as StageEvent[], this.timeZone)
				);
			}
			// Disjoint keys: both requests go out at once.
			await Promise.all([
				gone.length ? table.bulkDelete(gone) : undefined,
				puts.length ? table.bulkPut(puts) : undefined
			]);
			buckets[log] = [...changed].sort((a, b) => a - b);
		}
	}
}

/**
 * The row changes of this page's last few commits, by database and change number: a reader in
 * the same page (the lead grid after a paste) takes the rows as written from here instead of
 * reading them back. Writes from other tabs, workers or bulk paths are not here: readers fall
 * back to the database for them.
 */
const committed = new WeakMap<TragtDatabase, Map<number, RowChange[]>>();
const KEEP_COMMITTED = 8;

function rememberCommitted(db: TragtDatabase, seq: number, changes: RowChange[]): void {
	let m = committed.get(db);
	if (!m) committed.set(db, (m = new Map()));
	m.set(seq, changes);
	for (const k of m.keys()) if (m.size > KEEP_COMMITTED) m.delete(k);
}

/** The row changes of commit `seq` when it was made in this page and is still remembered. Read
 * only: they are also the undo history's images. */
export function committedChanges(db: TragtDatabase, seq: number): readonly RowChange[] | undefined {
	return committed.get(db)?.get(seq);
}

export interface WriteResult<R> {
	result: R;
	changes: RowChange[];
	seq: number;
	undoable: boolean;
}

/**
 * Runs `fn` in one 'rw' transaction over every table. If `fn` throws, Dexie aborts the
 * transaction and nothing it wrote remains.
 */
export async function runWrite<R>(
	db: TragtDatabase,
	fn: (ctx: WriteContext) => Promise<R>
): Promise<WriteResult<R>> {
	const out = await db.transaction('rw', allTables(db) as Table[], async () => {
		const ctx = await WriteContext.open(db);
		const result = await fn(ctx);
		const changes = ctx.changeList();
		const seq = await ctx.finish();
		return { result, changes, seq, undoable: ctx.undoable };
	});
	rememberCommitted(db, out.seq, out.changes);
	broadcastChange(out.seq);
	return out;
}
