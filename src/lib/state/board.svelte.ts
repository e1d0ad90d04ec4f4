// The pipeline board's state: the filters and the columns built from the live leads and
// stages. Moves go through the stage-move dialogs (which run the moveLead command).
import type { TragtDatabase } from '$lib/db/database';
import { readChunkedList } from '$lib/db/entity-chunks';
import { currentChangeSeq, readChangesSince } from '$lib/db/repositories';
import type { Lead, Stage } from '$lib/domain/types';
import {
	buildBoard,
	patchBoard,
	type BoardColumn,
	type BoardFilter,
	type LeadChange
} from '$lib/entry/board-columns';
import type { AppState } from './app-state.svelte';
import { LiveQuery } from './live-query.svelte';

/** The live leads as the board's reader last saw them; a new object whenever they changed. */
export interface BoardLeads {
	/** Live (not deleted) leads by id. */
	leads: ReadonlyMap<string, Lead>;
	/** The result this one was patched from, and what changed since (absent: a full read). */
	from?: BoardLeads;
	changes?: LeadChange[];
}

/** What the reader keeps between runs. */
export interface BoardLeadCache {
	db?: TragtDatabase;
	seq?: number;
	leads?: Map<string, Lead>;
	last?: BoardLeads;
}

/**
 * The live leads for the board. The first read takes the chunked copy as it comes (64 records
 * at 100k leads, see entity-chunks.ts) with no sort: the board orders each column itself, and
 * the grid's newest-first order cost half of the board's open with 100k leads. Later runs read
 * the change log and only the leads it names (a move writes one), and patch the map in place.
 * The chunk set's meta row is read too: a write from outside the data layer drops it.
 */
export async function readBoardLeads(
	db: TragtDatabase,
	cache: BoardLeadCache
): Promise<BoardLeads> {
	const meta = await db.entityChunks.get('leads:meta');
	const { seq, leads, last } = cache;
	if (cache.db === db && leads && last && seq !== undefined && meta) {
		const changes = await readChangesSince(db, seq);
		if (changes.seq === seq) return last;
		if (!changes.full) {
			const ids = changes.entities.leads ?? [];
			const fresh = ids.length ? await db.leads.bulkGet(ids) : [];
			// Runs may overlap (Dexie starts a new one when a write lands during a read): the
			// cache changes only here, after the last await, and never back to older rows.
			if (cache.leads !== leads || (cache.seq ?? 0) > changes.seq) return cache.last!;
			const changed: LeadChange[] = ids.map((id, i) => {
				const before = leads.get(id);
				const lead = fresh[i];
				if (lead && !lead.deletedAt) leads.set(id, lead);
				else leads.delete(id);
				return { before, after: leads.get(id) };
			});
			cache.seq = changes.seq;
			if (!ids.length) return last;
			// One link back is enough to patch the board from; older ones would pile up.
			const from = cache.last!;
			from.from = from.changes = undefined;
			return (cache.last = { leads, from, changes: changed });
		}
	}
	// The change seq first: a write landing meanwhile is in the rows and read again next time.
	const atSeq = await currentChangeSeq(db);
	// A local index, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const all = new Map<string, Lead>();
	for (const lead of await readChunkedList<Lead>(db, 'leads'))
		if (!lead.deletedAt) all.set(lead.id, lead);
	Object.assign(cache, { db, seq: atSeq, leads: all, last: { leads: all } });
	return cache.last!;
}

export class BoardState {
	repId = $state('');
	campaignId = $state('');
	readonly leads: LiveQuery<BoardLeads>;
	readonly lookups;

	constructor(app: AppState) {
		// Per board: 100k leads are not kept after leaving the page.
		const cache: BoardLeadCache = {};
		this.leads = new LiveQuery(() => readBoardLeads(app.db, cache));
		this.lookups = app.liveLookups();
	}

	get ready(): boolean {
		return !!this.leads.current && !!this.lookups.current;
	}

	/** What the columns were last built from (plain fields: bookkeeping, not state). */
	#built?: { leads?: BoardLeads; stages: readonly Stage[]; filter: BoardFilter };
	#columns: BoardColumn[] = [];

	columns: BoardColumn[] = $derived.by(() => {
		const leads = this.leads.current;
		const stages = this.lookups.current?.stages ?? [];
		const filter = { repId: this.repId, campaignId: this.campaignId };
		const b = this.#built;
		// After a move only the changed leads are put in place; anything else builds afresh.
		const patch =
			!!leads?.from &&
			leads.from === b?.leads &&
			b.stages === stages &&
			b.filter.repId === filter.repId &&
			b.filter.campaignId === filter.campaignId;
		this.#columns = patch
			? patchBoard(this.#columns, leads.changes ?? [], filter)
			: buildBoard(leads?.leads.values() ?? [], stages, filter);
		this.#built = { leads, stages, filter };
		return this.#columns;
	});
}
