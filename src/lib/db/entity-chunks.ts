// A read-optimised copy of the two large entity lists (leads, customers) for cold reads.
//
// Leads and customers stay one Dexie record per row (indexed; the lead grid, forms and queries
// use them), but reading 100k rows back one IndexedDB record each costs about a second on this
// hardware, most of the KPI worker's cold-start budget. So the data layer also keeps each of
// these lists as CHUNK_COUNT JSON strings (partitioned by a hash of id): a cold read is a few
// dozen records and one JSON.parse each. The rows are the truth; a chunk set is trusted only
// while its meta row exists. Every write path of this folder keeps the chunks in step inside its
// transaction; a write from anywhere else drops the meta row (chunkGuard, in chunk-guard.ts), so readers
// fall back to the rows until the next write here rebuilds the set.

import type { Customer, Lead } from '../domain/types';
import { bucketOf } from './blocks';
import type { ChunkedListName, EntityChunkRow } from './chunk-guard';
import type { TragtDatabase } from './database';

// The guard's names stay importable from here (chunk-guard.ts says why they live apart).
export {
	CHUNKED_LISTS,
	chunkGuard,
	isChunkedList,
	markChunkAware,
	type ChunkedListName,
	type EntityChunkRow
} from './chunk-guard';

export const CHUNK_COUNT = 64;
/**
 * New rows of a chunk may sit in up to this many small delta records beside it
 * (`${list}:${chunk}:${suffix}`), so that a paste of 1,000 new leads writes 64 small records
 * instead of rewriting all 100k leads (30 MB); any other change to a chunk, or one delta too
 * many, folds its deltas back into it. Readers read every record of the list, so they see the
 * rows either way; a row lives in exactly one record of its chunk.
 */
export const MAX_CHUNK_DELTAS = 8;

type Row = Lead | Customer;

export function chunkOf(id: string): number {
	return bucketOf(id) % CHUNK_COUNT;
}

function table(db: TragtDatabase, list: ChunkedListName) {
	return list === 'leads' ? db.leads : db.customers;
}

async function writeMeta(db: TragtDatabase, list: ChunkedListName) {
	await db.entityChunks.put({ key: `${list}:meta`, list });
}

let deltaCounter = 0;

function deltaKey(list: ChunkedListName, c: number): string {
	// Time first (fixed width in base 36 until 2059), so deltas sort in the order written.
	const n = (++deltaCounter % 1296).toString(36).padStart(2, '0');
	return `${list}:${c}:${Date.now().toString(36)}${n}${Math.random().toString(36).slice(2, 6)}`;
}

/** The delta keys of each chunk of `list` (one keys-only read). */
async function deltaKeys(db: TragtDatabase, list: ChunkedListName): Promise<Map<number, string[]>> {
	const keys = (await db.entityChunks.where('list').equals(list).primaryKeys()) as string[];
	const out = new Map<number, string[]>();
	for (const k of keys.sort()) {
		const parts = k.split(':');
		if (parts.length !== 3) continue;
		const c = Number(parts[1]);
		let l = out.get(c);
		if (!l) out.set(c, (l = []));
		l.push(k);
	}
	return out;
}

/** The rows of chunk `c` (its record, then its deltas in the order written). */
async function readChunk(
	db: TragtDatabase,
	list: ChunkedListName,
	c: number,
	deltas: readonly string[]
): Promise<Map<string, Row>> {
	const records = await db.entityChunks.bulkGet([`${list}:${c}`, ...deltas]);
	const rows = new Map<string, Row>();
	for (const rec of records)
		if (rec?.json) for (const r of JSON.parse(rec.json) as Row[]) rows.set(r.id, r);
	return rows;
}

/** Rewrites the chunks holding `ids` from the table's current rows (inside the caller's tx). */
export async function refreshChunks(
	db: TragtDatabase,
	list: ChunkedListName,
	ids: readonly string[]
): Promise<void> {
	if (ids.length === 0) return;
	const meta = await db.entityChunks.get(`${list}:meta`);
	if (!meta) {
		// No chunk set yet (or it was dropped): build it whole.
		await rebuildChunks(db, list);
		return;
	}
	const byChunk = new Map<number, string[]>();
	for (const id of ids) {
		const c = chunkOf(id);
		let l = byChunk.get(c);
		if (!l) byChunk.set(c, (l = []));
		l.push(id);
	}
	const t = table(db, list);
	const deltas = await deltaKeys(db, list);
	for (const [c, chunkIds] of byChunk) {
		const key = `${list}:${c}`;
		const rows = await readChunk(db, list, c, deltas.get(c) ?? []);
		if (deltas.get(c)?.length) await db.entityChunks.bulkDelete(deltas.get(c)!);
		const current = await t.bulkGet(chunkIds);
		chunkIds.forEach((id, i) => {
			const r = current[i];
			if (r) rows.set(id, r);
			else rows.delete(id);
		});
		if (rows.size)
			await db.entityChunks.put({ key, list, json: JSON.stringify([...rows.values()]) });
		else await db.entityChunks.delete(key);
	}
	await writeMeta(db, list);
}

/**
 * The delta keys of each chunk, for a write that updates the copy in place; or null when the
 * copy had no meta record (never written, or dropped by a write outside the data layer) and was
 * rebuilt from the table instead, which already holds the caller's rows. Both reads at once
 * (each is a round trip to the storage process).
 */
async function chunkDeltasOrRebuild(
	db: TragtDatabase,
	list: ChunkedListName
): Promise<Map<number, string[]> | null> {
	const [meta, deltas] = await Promise.all([
		db.entityChunks.get(`${list}:meta`),
		deltaKeys(db, list)
	]);
	if (meta) return deltas;
	await rebuildChunks(db, list);
	return null;
}

function groupByChunk<T extends { id: string }>(items: readonly T[]): Map<number, T[]> {
	const byChunk = new Map<number, T[]>();
	for (const item of items) {
		const c = chunkOf(item.id);
		let l = byChunk.get(c);
		if (!l) byChunk.set(c, (l = []));
		l.push(item);
	}
	return byChunk;
}

/**
 * Puts `rows` (just written to the table, so the caller has them in hand) into the chunk copy
 * (inside the caller's tx): every chunk they fall in is read with its deltas in ONE request,
 * changed and written back as one record. refreshChunks read the rows back from the table and
 * went chunk by chunk, a round trip each; for a merge that touches every chunk that was most of
 * the entity write. Later rows of `rows` win over earlier ones with the same id, as in bulkPut.
 */
export async function putChunkRows(
	db: TragtDatabase,
	list: ChunkedListName,
	rows: readonly Row[]
): Promise<void> {
	if (rows.length === 0) return;
	const deltas = await chunkDeltasOrRebuild(db, list);
	if (!deltas) return;
	const byChunk = groupByChunk(rows);
	const chunks = [...byChunk.keys()];
	const keys: string[] = [];
	const gone: string[] = [];
	for (const c of chunks) {
		const held = deltas.get(c) ?? [];
		keys.push(`${list}:${c}`, ...held);
		gone.push(...held);
	}
	const records = await db.entityChunks.bulkGet(keys);
	const byKey = new Map<string, EntityChunkRow>();
	records.forEach((rec, i) => {
		if (rec) byKey.set(keys[i], rec);
	});
	const out: EntityChunkRow[] = [];
	for (const c of chunks) {
		const merged = new Map<string, Row>();
		for (const k of [`${list}:${c}`, ...(deltas.get(c) ?? [])]) {
			const json = byKey.get(k)?.json;
			if (json) for (const r of JSON.parse(json) as Row[]) merged.set(r.id, r);
		}
		for (const r of byChunk.get(c)!) merged.set(r.id, r);
		out.push({ key: `${list}:${c}`, list, json: JSON.stringify([...merged.values()]) });
	}
	// Disjoint keys (deltas are never a chunk's own key): the requests go out together.
	await Promise.all([
		gone.length ? db.entityChunks.bulkDelete(gone) : undefined,
		db.entityChunks.bulkPut(out),
		writeMeta(db, list)
	]);
}

/** A row written by a transaction: as it found it (absent: new) and as it left it (absent:
 * removed). */
export interface ChunkChange {
	id: string;
	before?: { id: string };
	after?: { id: string };
}

/**
 * Brings the chunks holding the changed rows in step from the changes themselves (inside the
 * caller's tx), with no read of the rows. A chunk that only gains new rows gets them in a new
 * delta record (see MAX_CHUNK_DELTAS): a paste of 1,000 new leads touches nearly every chunk,
 * and parsing and writing out 100k leads again cost more than the rest of the paste.
 */
export async function applyChunkChanges(
	db: TragtDatabase,
	list: ChunkedListName,
	changes: readonly ChunkChange[]
): Promise<void> {
	if (changes.length === 0) return;
	const deltas = await chunkDeltasOrRebuild(db, list);
	if (!deltas) return;
	const byChunk = groupByChunk(changes);
	const out: EntityChunkRow[] = [];
	const gone: string[] = [];
	for (const [c, group] of byChunk) {
		const held = deltas.get(c) ?? [];
		if (group.every((ch) => !ch.before && ch.after) && held.length < MAX_CHUNK_DELTAS) {
			out.push({ key: deltaKey(list, c), list, json: JSON.stringify(group.map((ch) => ch.after)) });
			continue;
		}
		// Fold: the chunk with its deltas, changed, as one record again.
		const rows = await readChunk(db, list, c, held);
		for (const ch of group) {
			if (ch.after) rows.set(ch.id, ch.after as Row);
			else rows.delete(ch.id);
		}
		gone.push(...held);
		const key = `${list}:${c}`;
		if (rows.size) out.push({ key, list, json: JSON.stringify([...rows.values()]) });
		else gone.push(key);
	}
	// Disjoint keys: the requests go out together.
	await Promise.all([
		gone.length ? db.entityChunks.bulkDelete(gone) : undefined,
		out.length ? db.entityChunks.bulkPut(out) : undefined,
		writeMeta(db, list)
	]);
}

/** Writes the whole chunk set of `list` from `rows` (the table's full content). */
export async function writeAllChunks(
	db: TragtDatabase,
	list: ChunkedListName,
	rows: readonly Row[]
): Promise<void> {
	await db.entityChunks.where('list').equals(list).delete();
	const groups: Row[][] = Array.from({ length: CHUNK_COUNT }, () => []);
	for (const r of rows) groups[chunkOf(r.id)].push(r);
	const out: EntityChunkRow[] = [];
	groups.forEach((g, c) => {
		if (g.length) out.push({ key: `${list}:${c}`, list, json: JSON.stringify(g) });
	});
	await db.entityChunks.bulkPut(out);
	await writeMeta(db, list);
}

export async function rebuildChunks(db: TragtDatabase, list: ChunkedListName): Promise<void> {
	await writeAllChunks(db, list, await table(db, list).toArray());
}

/** The list from its chunks when they are in step with the table, else from the rows. */
export async function readChunkedList<T extends Row>(
	db: TragtDatabase,
	list: ChunkedListName
): Promise<T[]> {
	const chunks = await db.entityChunks.where('list').equals(list).toArray();
	if (!chunks.some((c) => c.key === `${list}:meta`)) {
		return (await table(db, list).toArray()) as T[];
	}
	const out: T[] = [];
	for (const c of chunks) {
		if (!c.json) continue;
		for (const r of JSON.parse(c.json) as T[]) out.push(r);
	}
	return out;
}
