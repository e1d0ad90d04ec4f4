/* eslint-disable svelte/prefer-svelte-reactivity -- the Sets and Maps here are local lookups,
   never state. */
// Drill-through: the records behind one figure. The worker names them (ids, in record order);
// this class turns the ids into rows a person can read and open, a page at a time.
import { activityRowsOfBlock } from '../db/blocks';
import type { TragtDatabase } from '../db/database';
import type { Activity, Customer, Forecast, Lead } from '../domain/types';
import type { KpiKey } from '../kpi/result-types';
import { drillKind, type DrillKind } from '../dashboard/drill';

export { drillKind, type DrillKind };

export type DrillRow =
	| { kind: 'lead'; id: string; lead: Lead | undefined }
	| { kind: 'activity'; id: string; activity: Activity | undefined; lead: Lead | undefined }
	| { kind: 'forecast'; id: string; forecast: Forecast | undefined }
	| { kind: 'customer'; id: string; customer: Customer | undefined };

export const DRILL_PAGE = 50;

export class DrillState {
	/** All ids behind the figure; null until loaded. */
	ids = $state.raw<string[] | null>(null);
	rows = $state.raw<DrillRow[]>([]);
	loading = $state(false);
	kind = $state<DrillKind>('lead');

	#db: () => TragtDatabase;
	#seq = 0;

	constructor(db: () => TragtDatabase) {
		this.#db = db;
	}

	async load(kpi: KpiKey, part: string | undefined, fetchIds: () => Promise<string[]>) {
		return this.loadKind(drillKind(kpi, part), fetchIds);
	}

	/** The same for figures that are not tiles (a target's records): the caller names the kind. */
	async loadKind(kind: DrillKind, fetchIds: () => Promise<string[]>) {
		const seq = ++this.#seq;
		this.loading = true;
		const ids = await fetchIds();
		if (seq !== this.#seq) return;
		this.kind = kind;
		this.ids = ids;
		this.rows = [];
		await this.more(seq);
	}

	get hasMore(): boolean {
		return !!this.ids && this.rows.length < this.ids.length;
	}

	/** Resolves the next page of ids into rows. */
	async more(seq = this.#seq): Promise<void> {
		const ids = this.ids ?? [];
		const page = ids.slice(this.rows.length, this.rows.length + DRILL_PAGE);
		this.loading = true;
		const rows = await this.#resolve(page);
		if (seq !== this.#seq) return;
		this.rows = [...this.rows, ...rows];
		this.loading = false;
	}

	async #resolve(ids: string[]): Promise<DrillRow[]> {
		const db = this.#db();
		switch (this.kind) {
			case 'lead': {
				const leads = await db.leads.bulkGet(ids);
				return ids.map((id, i) => ({ kind: 'lead', id, lead: leads[i] }));
			}
			case 'forecast': {
				const list = await db.forecasts.bulkGet(ids);
				return ids.map((id, i) => ({ kind: 'forecast', id, forecast: list[i] }));
			}
			case 'customer': {
				const list = await db.customers.bulkGet(ids);
				return ids.map((id, i) => ({ kind: 'customer', id, customer: list[i] }));
			}
			case 'activity': {
				// Activities live in blocks by lead: read the blocks once, keep the wanted rows.
				const wanted = new Set(ids);
				const found = new Map<string, Activity>();
				for (const block of await db.activityBlocks.toArray()) {
					for (const a of activityRowsOfBlock(block)) if (wanted.has(a.id)) found.set(a.id, a);
				}
				const leadIds = [...new Set([...found.values()].map((a) => a.leadId ?? ''))];
				const leads = await db.leads.bulkGet(leadIds);
				const leadById = new Map(leadIds.map((id, i) => [id, leads[i]]));
				return ids.map((id) => {
					const activity = found.get(id);
					return { kind: 'activity', id, activity, lead: leadById.get(activity?.leadId ?? '') };
				});
			}
		}
	}
}
