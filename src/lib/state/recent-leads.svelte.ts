// The "recent leads" behind one-thumb logging: leads created, edited or moved lately, and the
// leads I logged an activity on from this device, most recent first; rows keep their places
// while the list is open so that a second tap lands on the row the first one did.
import * as repo from '$lib/db/repositories';
import type { Lead } from '$lib/domain/types';
import type { AppState } from './app-state.svelte';
import { LiveQuery } from './live-query.svelte';
import { addTouch, mergeRecent, parseTouches, stableOrder, type Touch } from './recent-leads';

const KEY = 'tragt.recent-leads';

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // Private modes may refuse storage; the list then lives in memory.
	}
}

/** The leads I logged on lately (this device); shared by every quick-log on the page. */
class RecentTouches {
	#list = $state<Touch[]>(parseTouches(storage()?.getItem(KEY) ?? null));

	get list(): Touch[] {
		return this.#list;
	}

	touch(id: string, at = Date.now()): void {
		this.#list = addTouch(this.list, id, at);
		try {
			storage()?.setItem(KEY, JSON.stringify(this.#list));
		} catch {
			// A full or refused storage only loses the ordering hint, never data.
		}
	}
}

export const recentTouches = new RecentTouches();

export class RecentLeadsState {
	readonly query: LiveQuery<Lead[]>;
	#shown: string[] = [];

	constructor(app: AppState, n = 20) {
		this.query = new LiveQuery(
			async () => {
				const touches = recentTouches.list.slice(0, n);
				const [byUpdate, touched] = await Promise.all([
					repo.recentLeads(app.db, n),
					app.db.leads.bulkGet(touches.map((t) => t.id))
				]);
				const live = touched.map((l) => (l && !l.deletedAt ? l : undefined));
				return mergeRecent(byUpdate, (l) => Date.parse(l.updatedAt), touches, live, n);
			},
			() => recentTouches.list
		);
	}

	get loading(): boolean {
		return this.query.loading;
	}

	/** The recent leads in a stable order (see stableOrder). */
	rows: Lead[] = $derived.by(() => {
		const list = this.query.current ?? [];
		// A lookup built and dropped within this run, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map(list.map((l) => [l.id, l]));
		const ids = stableOrder(
			this.#shown,
			list.map((l) => l.id)
		);
		// Bookkeeping for the next run, not state that anything renders.
		this.#shown = ids;
		return ids.map((id) => byId.get(id)).filter((l): l is Lead => !!l);
	});
}
