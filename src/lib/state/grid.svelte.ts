// The records behind each grid, live: they follow every command, undo and redo (and other
// tabs), because Dexie's liveQuery re-runs when the tables read here change. Newest first for
// the logs and leads (what people enter and correct most), the entity lists by name or order.
import { activityRowsOfBlock, instantMs, stageEventRowsOfBlock } from '$lib/db/blocks';
import { entityTable, type ChangeRow, type TragtDatabase } from '$lib/db/database';
import { committedChanges } from '$lib/db/write-context';
import { readChunkedList } from '$lib/db/entity-chunks';
import { parseInstant } from '$lib/domain/time';
import type { GridList } from '$lib/entry/grid-columns';
import type { AppState } from './app-state.svelte';
import { LiveQuery } from './live-query.svelte';

export type GridRecord = { id: string; [field: string]: unknown };

function byInstantDesc(field: string) {
	return (a: GridRecord, b: GridRecord) =>
		parseInstant(String(b[field]), 'UTC') - parseInstant(String(a[field]), 'UTC') ||
		(a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** What a grid's lead reader knows from its last read: the change it saw and the rows. */
export interface LeadCache {
	db?: TragtDatabase;
	timeZone?: string;
	seq?: number;
	rows?: GridRecord[];
	/** Each cached row's createdAt in ms, by id: the sort key, parsed once per row. */
	at?: Map<string, number>;
}

/** Above this many changed leads since the last read, reading them all again is cheaper. */
const PATCH_LIMIT = 20_000;

function newestFirst(timeZone: string, at: Map<string, number>) {
	// Every comparison of a binary search over 100k rows would parse two instants.
	const ms = (r: GridRecord) => {
		let v = at.get(r.id);
		if (v === undefined) at.set(r.id, (v = instantMs(String(r.createdAt), timeZone)));
		return v;
	};
	return (a: GridRecord, b: GridRecord) =>
		ms(b) - ms(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * `rows` (sorted newest first) without the leads named in `changed`, with `fresh` (their current
 * versions) merged in at their places: a binary search per fresh row, not a sort of 100k.
 * `at`: the rows' createdAt in ms by id (kept up to date here); when given, a change that names
 * only leads not among the rows (a paste of new leads) skips the pass over all of them.
 */
export function patchLeads(
	rows: readonly GridRecord[],
	changed: ReadonlySet<string>,
	fresh: readonly GridRecord[],
	timeZone: string,
	// A plain index of sort keys, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	at: Map<string, number> = new Map()
): GridRecord[] {
	let present = !at.size;
	for (const id of changed) {
		if (at.has(id)) present = true;
		at.delete(id);
	}
	const order = newestFirst(timeZone, at);
	const kept = changed.size && present ? rows.filter((r) => !changed.has(r.id)) : rows;
	const added = fresh.filter((r) => !r.deletedAt);
	// Every row shown gets its key now: a later change must find it among the rows.
	for (const r of added) at.set(r.id, instantMs(String(r.createdAt), timeZone));
	added.sort(order);
	if (!added.length) return kept === rows ? rows.slice() : (kept as GridRecord[]);
	// Runs of kept rows and the new rows between them, joined by one concat (a bulk copy).
	const parts: GridRecord[][] = [];
	let from = 0;
	for (const rec of added) {
		let lo = from;
		let hi = kept.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (order(kept[mid], rec) < 0) lo = mid + 1;
			else hi = mid;
		}
		if (lo > from) parts.push(kept.slice(from, lo));
		parts.push([rec]);
		from = lo;
	}
	parts.push(kept.slice(from));
	// (Spread arguments are bounded by the stack: a patch of thousands of leads uses flat().)
	return parts.length < 8192 ? ([] as GridRecord[]).concat(...parts) : parts.flat();
}

/**
 * The current rows of the leads named in `ids` (removed ones are left out). Every command stamps
 * what it writes with its start time, so one read of the updatedAt index from a little before
 * the first change finds them in one request; 1,000 single gets after a paste cost more than
 * the rest of the refresh. Leads not found there (removed, or written with an older stamp by a
 * merge) are read by id.
 */
async function changedLeads(
	db: TragtDatabase,
	ids: ReadonlySet<string>,
	firstChangeAt: number
): Promise<GridRecord[]> {
	// Margin: a command's stamp is taken before its commit, which the change row records.
	const from = new Date(firstChangeAt - 10 * 60_000).toISOString();
	const recent = (await db.leads
		.where('updatedAt')
		.aboveOrEqual(from)
		.toArray()) as unknown as GridRecord[];
	const out = recent.filter((r) => ids.has(r.id));
	if (out.length < ids.size) {
		const found = new Set(out.map((r) => r.id));
		const rest = [...ids].filter((id) => !found.has(id));
		for (const r of await db.leads.bulkGet(rest)) if (r) out.push(r as unknown as GridRecord);
	}
	return out;
}

/**
 * The leads of `changes` as these commits wrote them, when every one of them was made in this
 * page (committedChanges): no read back of a paste's 1,000 leads. Copies, so that nothing done
 * to grid records reaches the undo history's images. Undefined when one commit is not known.
 */
function localLeads(
	db: TragtDatabase,
	changes: readonly ChangeRow[],
	ids: ReadonlySet<string>
): GridRecord[] | undefined {
	// A local map, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const out = new Map<string, GridRecord>();
	for (const c of changes) {
		const rows = c.seq === undefined ? undefined : committedChanges(db, c.seq);
		if (!rows) return undefined;
		for (const r of rows) {
			if (r.list !== 'leads' || !ids.has(r.id)) continue;
			if (r.after) out.set(r.id, { ...r.after } as GridRecord);
			else out.delete(r.id);
		}
	}
	return [...out.values()];
}

/**
 * The live leads, newest first. After the first read, a re-run (any committed write) reads only
 * the change log and the leads it names, and patches the previous rows: after a paste of 1,000
 * leads into 100k, re-reading and sorting them all took longer than the paste itself. The
 * chunk set's meta row is read too: a write from outside the data layer drops it (and is seen).
 */
export async function readLeadsIncrementally(
	db: TragtDatabase,
	timeZone: string,
	cache: LeadCache
): Promise<GridRecord[]> {
	// One round of requests side by side (each is a trip to the browser's storage process, which
	// a busy machine makes slow): the last change, the meta row and the changes since last time.
	const [last, meta, since] = await Promise.all([
		db.changes.orderBy('seq').last(),
		db.entityChunks.get('leads:meta'),
		cache.seq !== undefined && cache.db === db
			? db.changes.where('seq').above(cache.seq).toArray()
			: Promise.resolve([])
	]);
	const seq = last?.seq ?? 0;
	const known = cache.rows && cache.db === db && cache.timeZone === timeZone && meta;
	if (known && cache.seq !== undefined && seq >= cache.seq) {
		if (seq === cache.seq) return cache.rows!;
		const complete =
			since.length === seq - cache.seq && since.at(-1)?.seq === seq && !since.some((c) => c.full);
		// A local set of ids, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const ids = new Set<string>();
		if (complete) for (const c of since) for (const id of c.entities.leads ?? []) ids.add(id);
		if (complete && ids.size <= PATCH_LIMIT) {
			const fresh = ids.size
				? (localLeads(db, since, ids) ?? (await changedLeads(db, ids, since[0].at)))
				: [];
			const rows = ids.size ? patchLeads(cache.rows!, ids, fresh, timeZone, cache.at) : cache.rows!;
			Object.assign(cache, { seq, rows });
			return rows;
		}
	}
	// The chunked copy reads 100k leads as 64 records instead of 100k (see entity-chunks.ts).
	const all = (await readChunkedList(db, 'leads')) as unknown as GridRecord[];
	// A local index for the sort, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const at = new Map(all.map((l) => [l.id, instantMs(String(l.createdAt), timeZone)]));
	const rows = all
		.filter((r) => !r.deletedAt)
		.sort((a, b) => (at.get(b.id) ?? 0) - (at.get(a.id) ?? 0) || (a.id < b.id ? 1 : -1));
	// Sort keys of the rows shown (the patch looks up new ones; tombstones are not shown).
	for (const r of all) if (r.deletedAt) at.delete(r.id);
	Object.assign(cache, { db, timeZone, seq, rows, at });
	return rows;
}

/** Reads the live records of one grid's list (no tombstones), in the grid's default order. */
export async function readGridRecords(
	app: AppState,
	list: GridList,
	cache: LeadCache = {}
): Promise<GridRecord[]> {
	const db = app.db;
	switch (list) {
		case 'leads':
			return readLeadsIncrementally(db, app.timeZone, cache);
		case 'stageEvents': {
			const blocks = await db.stageEventBlocks.toArray();
			const rows = blocks.flatMap((b) => stageEventRowsOfBlock(b)).filter((e) => !e.deletedAt);
			return (rows as unknown as GridRecord[]).sort(byInstantDesc('at'));
		}
		case 'activities': {
			const blocks = await db.activityBlocks.toArray();
			const rows = blocks.flatMap((b) => activityRowsOfBlock(b)).filter((e) => !e.deletedAt);
			return (rows as unknown as GridRecord[]).sort(byInstantDesc('at'));
		}
		default: {
			const rows = (list === 'customers'
				? await readChunkedList(db, 'customers')
				: await entityTable(db, list).toArray()) as unknown as GridRecord[];
			const live = rows.filter((r) => !r.deletedAt);
			if (list === 'stages')
				return live.sort((a, b) => Number(a.order) - Number(b.order) || (a.id < b.id ? -1 : 1));
			if (list === 'forecasts')
				return live.sort((a, b) => String(b.period).localeCompare(String(a.period)));
			// Latest window first; within it, by metric then rep (team first).
			if (list === 'targets')
				return live.sort(
					(a, b) =>
						String(b.from).localeCompare(String(a.from)) ||
						String(b.to).localeCompare(String(a.to)) ||
						String(a.metric).localeCompare(String(b.metric)) ||
						String(a.repId ?? '').localeCompare(String(b.repId ?? '')) ||
						(a.id < b.id ? -1 : 1)
				);
			return live.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')));
		}
	}
}

/** The live records of a grid; create during component initialisation. */
export function liveGridRecords(app: AppState, list: () => GridList): LiveQuery<GridRecord[]> {
	// Per grid: it goes away with the grid (100k leads are not kept after leaving the page).
	const cache: LeadCache = {};
	return new LiveQuery(() => readGridRecords(app, list(), cache), list);
}
