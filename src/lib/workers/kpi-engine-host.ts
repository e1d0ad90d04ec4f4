// The KPI worker's state, as a plain class so it can be tested without a Worker: it owns the
// columnar dataset, built once from IndexedDB and brought up to date from the data layer's
// change log, so a refresh after one edit re-reads only what changed.
import type { ActivityBlock, StageEventBlock } from '../db/blocks';
import { concatActivityBlocks, concatStageEventBlocks } from '../db/blocks';
import { ENTITY_LIST_NAMES, type EntityListName, type TragtDatabase } from '../db/database';
import { getWorkspaceSettings, readChangesSince, readEntityRows } from '../db/repositories';
import {
	buildDataset,
	computeKpis,
	computeTileKpis,
	kpiRecords,
	updateDataset,
	workspaceSummary,
	type DatasetChange,
	type DatasetInput,
	type KpiDataset,
	type WorkspaceSummary
} from '../kpi/index';
import { liveActivityOrder, PackedIds } from '../kpi/logs';
import type { ResultKey, KpiOptions } from '../kpi/result-types';
import type { ActivityColumns } from '../domain/columns';
import type { Lead } from '../domain/types';
import {
	activityRowsAt,
	activityRowsOf,
	changedActivityLeads,
	changedEventLeads,
	eventRowsOf,
	type NoLeadRows
} from './block-diff';
import { requestFilters, type KpiRequest, type KpiResponse, type KpiTimings } from './kpi-protocol';

type RefreshTimings = Pick<KpiTimings, 'refresh' | 'refreshMs' | 'readMs' | 'updateMs' | 'buildMs'>;

type EntityMaps = { [K in EntityListName]: Map<string, { id: string }> };

export class KpiEngineHost {
	private seq = -1;
	private timeZone = 'UTC';
	private entities: EntityMaps | null = null;
	/** The entity rows of the last cold read, until the maps by id are made from them. */
	private entityRows: Record<EntityListName, { id: string }[]> | null = null;
	private activityBlocks = new Map<number, ActivityBlock>();
	private stageEventBlocks = new Map<number, StageEventBlock>();
	private dataset: KpiDataset | null = null;

	constructor(private readonly db: TragtDatabase) {}

	/** The refresh under way: refreshes run one at a time (the dataset is changed in place). */
	private running: Promise<RefreshTimings | undefined> = Promise.resolve(undefined);
	private queued = 0;
	private lastUpdateMs = 0;

	/**
	 * Brings the dataset up to date with the database; returns how. A call made while another
	 * refresh runs waits for it (so a cold read started early, by prefetch(), is not done twice)
	 * and reports the work it waited for.
	 */
	async refresh(): Promise<RefreshTimings> {
		const t0 = performance.now();
		const waited = this.queued > 0;
		this.queued++;
		const before = this.running;
		const run = before.then(() => this.refreshNow());
		this.running = run.catch(() => undefined);
		try {
			const other = await before;
			const r = await run;
			if (waited && r.refresh === 'cached' && other && other.refresh !== 'cached') {
				return { ...other, refreshMs: performance.now() - t0 };
			}
			return r;
		} finally {
			this.queued--;
		}
	}

	/** Starts the cold read now, before the page asks (the first figures wait on it anyway). */
	prefetch(): void {
		void this.refresh().catch(() => undefined);
	}

	private async refreshNow(): Promise<RefreshTimings> {
		const t0 = performance.now();
		if (this.seq < 0 || !this.dataset) {
			const buildMs = await this.readEverything();
			const refreshMs = performance.now() - t0;
			return { refresh: 'cold', refreshMs, readMs: refreshMs - buildMs, buildMs };
		}
		// One read transaction: the change log, then every changed row and block requested at
		// once (one round trip to IndexedDB for them, not one per table).
		const db = this.db;
		const read = await db.transaction(
			'r',
			[
				db.changes,
				...ENTITY_LIST_NAMES.map((l) => db.table(l)),
				db.activityBlocks,
				db.stageEventBlocks
			],
			async () => {
				const changes = await readChangesSince(db, this.seq);
				if (changes.seq === this.seq || changes.full || changes.entities.settings) {
					return { changes, lists: [], rows: [], act: [], ev: [] };
				}
				const lists = Object.entries(changes.entities).filter(
					(e): e is [EntityListName, string[]] =>
						!!e[1] && e[1].length > 0 && (ENTITY_LIST_NAMES as readonly string[]).includes(e[0])
				);
				const [rows, act, ev] = await Promise.all([
					Promise.all(lists.map(([list, ids]) => db.table(list).bulkGet(ids))),
					db.activityBlocks.bulkGet(changes.activityBuckets),
					db.stageEventBlocks.bulkGet(changes.stageEventBuckets)
				]);
				return { changes, lists, rows, act, ev };
			}
		);
		const changes = read.changes;
		if (changes.seq === this.seq) return { refresh: 'cached', refreshMs: 0 };
		if (changes.full || changes.entities.settings) {
			const buildMs = await this.readEverything();
			const refreshMs = performance.now() - t0;
			return { refresh: 'cold', refreshMs, readMs: refreshMs - buildMs, buildMs };
		}
		const maps = this.entityMaps();
		const changedLists = Object.entries(changes.entities)
			.filter(([, ids]) => ids && ids.length > 0)
			.map(([list]) => list as EntityListName);
		// The changed buckets' blocks before and after: a diff names the leads whose rows changed.
		const buckets = [...new Set([...changes.activityBuckets, ...changes.stageEventBuckets])];
		const oldActivities = buckets.map((b) => this.activityBlocks.get(b));
		const oldEvents = buckets.map((b) => this.stageEventBlocks.get(b));
		let leadsComplete = true;
		read.lists.forEach(([list, ids], k) => {
			const map = maps[list];
			const rows = read.rows[k];
			ids.forEach((id, i) => {
				const row = rows[i] as { id: string } | undefined;
				if (row) map.set(id, row);
				else {
					map.delete(id);
					if (list === 'leads') leadsComplete = false;
				}
			});
		});
		replaceBlocks(this.activityBlocks, changes.activityBuckets, read.act);
		replaceBlocks(this.stageEventBlocks, changes.stageEventBuckets, read.ev);
		this.seq = changes.seq;
		const readMs = performance.now() - t0;
		const named = new Set<string>();
		const noLeadOld: ActivityBlock[] = [];
		const noLeadNew: ActivityBlock[] = [];
		buckets.forEach((b, k) => {
			const before = oldActivities[k];
			const after = this.activityBlocks.get(b);
			const rows: NoLeadRows = { before: [], after: [] };
			changedActivityLeads(before, after, named, rows);
			if (rows.before.length > 0) noLeadOld.push(activityRowsAt(before!, rows.before));
			if (rows.after.length > 0) noLeadNew.push(activityRowsAt(after!, rows.after));
			changedEventLeads(oldEvents[k], this.stageEventBlocks.get(b), named);
		});
		const changedLeads = leadsComplete
			? (changes.entities.leads ?? []).map((id) => this.entities!.leads.get(id) as Lead)
			: undefined;
		const noLead =
			noLeadOld.length + noLeadNew.length > 0 ? { before: noLeadOld, after: noLeadNew } : null;
		this.patch(changedLists, buckets, named, changedLeads, noLead);
		return {
			refresh: 'incremental',
			refreshMs: performance.now() - t0,
			readMs,
			updateMs: this.lastUpdateMs
		};
	}

	async compute(request: KpiRequest): Promise<KpiResponse> {
		const refreshed = await this.refresh();
		const t = performance.now();
		const options = this.options(request);
		const result = computeKpis(this.dataset as KpiDataset, options);
		let previous;
		if (request.withPrevious) {
			const span = options.to - options.from;
			previous = computeTileKpis(this.dataset as KpiDataset, {
				...options,
				from: options.from - span,
				to: options.from
			});
		}
		return {
			result,
			previous,
			seq: this.seq,
			timings: { ...refreshed, computeMs: performance.now() - t }
		};
	}

	/** The workspace at a glance, brought up to date like the KPIs. */
	async summary(): Promise<WorkspaceSummary> {
		await this.refresh();
		return workspaceSummary(this.dataset as KpiDataset);
	}

	async records(request: KpiRequest, kpi: ResultKey, part?: string): Promise<string[]> {
		await this.refresh();
		return kpiRecords(this.dataset as KpiDataset, this.options(request), kpi, part);
	}

	private options(request: KpiRequest): KpiOptions {
		return {
			from: request.from,
			to: request.to,
			now: request.now ?? Date.now(),
			timeZone: request.timeZone ?? this.timeZone,
			// Reps, campaigns and origins; an empty list is no filter.
			...requestFilters(request),
			granularity: request.granularity ?? 'month',
			pipelineMode: request.pipelineMode ?? 'configured'
		};
	}

	/** Reads everything and builds the dataset; returns the time spent building. */
	private async readEverything(): Promise<number> {
		const db = this.db;
		// The entity rows come through readEntityRows (leads and customers from their JSON
		// chunks: a few dozen records instead of 100k); the logs as raw blocks, kept per bucket so
		// a later refresh replaces only the buckets that changed.
		// One read transaction: every request is sent at once (no round trip first for the change
		// counter), and the counter is read from the same snapshot as the data, so a write
		// landing meanwhile is seen by the next refresh, never missed.
		// The activities' columns and order (a sort of a million rows, which needs no lead) are
		// worked out as soon as their blocks arrive, while the stage events are still being read.
		let prepMs = 0;
		const [last, entityRows, act, ev, ws] = await db.transaction(
			'r',
			[
				db.changes,
				db.settings,
				db.entityChunks,
				...ENTITY_LIST_NAMES.map((l) => db.table(l)),
				db.activityBlocks,
				db.stageEventBlocks
			],
			() =>
				Promise.all([
					db.changes.orderBy('seq').last(),
					readEntityRows(db),
					db.activityBlocks.toArray().then((blocks) => {
						const t = performance.now();
						const prepared = engineActivities(blocks);
						const order = liveActivityOrder(prepared.activities);
						prepMs = performance.now() - t;
						return { blocks, prepared, order };
					}),
					db.stageEventBlocks.toArray(),
					getWorkspaceSettings(db)
				])
		);
		// The maps by id serve only later edits: made once the first figures are out.
		const rows = entityRows as unknown as Record<EntityListName, { id: string }[]>;
		this.entityRows = rows;
		this.entities = null;
		setTimeout(() => {
			if (this.entityRows === rows) this.entityMaps();
		}, 0);
		this.activityBlocks = new Map(act.blocks.map((b) => [b.bucket, b]));
		this.stageEventBlocks = new Map(ev.map((b) => [b.bucket, b]));
		this.seq = last?.seq ?? 0;
		this.timeZone = ws?.timeZone || 'UTC';
		const t = performance.now();
		this.rebuild({ ...act.prepared, activityOrder: act.order });
		return performance.now() - t + prepMs;
	}

	/**
	 * Brings the dataset up to date after an edit: the changed entity lists, and every row of the
	 * leads whose rows changed in the changed buckets (in both logs: a lead's rows all live in its
	 * bucket). The engine re-derives only the leads concerned when it can, in place.
	 */
	private patch(
		lists: EntityListName[],
		buckets: number[],
		leads: Set<string>,
		changedLeads: Lead[] | undefined,
		noLead: { before: ActivityBlock[]; after: ActivityBlock[] } | null
	): void {
		const e = this.entities as EntityMaps;
		const change: DatasetChange = {};
		for (const list of lists) {
			if (list in e) (change as Record<string, unknown>)[list] = [...e[list].values()];
		}
		if (change.leads && changedLeads) change.changedLeads = changedLeads;
		// A stage event naming no lead cannot be stored; should one appear, every row without a
		// lead is replaced (the rows of the delta are among them).
		if (noLead && leads.has('')) noLead = null;
		if (leads.size > 0 || noLead) {
			const act: ActivityBlock[] = [];
			const ev: StageEventBlock[] = [];
			if (leads.size > 0) {
				for (const b of buckets) {
					const a = this.activityBlocks.get(b);
					const s = this.stageEventBlocks.get(b);
					if (a) act.push(activityRowsOf(a, leads));
					if (s) ev.push(eventRowsOf(s, leads));
				}
			}
			if (noLead) act.push(...noLead.after);
			change.logs = {
				leadIds: [...leads],
				activities: concatActivityBlocks(act),
				stageEvents: concatStageEventBlocks(ev)
			};
			if (noLead) change.logs.removedWithoutLead = concatActivityBlocks(noLead.before);
		}
		const t = performance.now();
		this.dataset = updateDataset(this.dataset as KpiDataset, change, { inPlace: true });
		this.lastUpdateMs = performance.now() - t;
	}

	/** The entity rows by id (made from the last cold read's rows on first use). */
	private entityMaps(): EntityMaps {
		if (!this.entities) {
			const entities = {} as EntityMaps;
			const lists = this.entityRows;
			for (const l of ENTITY_LIST_NAMES) {
				entities[l] = new Map((lists?.[l] ?? []).map((r) => [r.id, r]));
			}
			this.entities = entities;
			this.entityRows = null;
		}
		return this.entities;
	}

	private rebuild(
		activities: Pick<
			DatasetInput,
			'activities' | 'activityIds' | 'activityOrder'
		> = engineActivities([...this.activityBlocks.values()])
	): void {
		const lists = this.entityRows;
		const e = this.entities;
		const rows = <T>(list: EntityListName) =>
			(lists ? lists[list] : [...(e as EntityMaps)[list].values()]) as T[];
		this.dataset = buildDataset({
			timeZone: this.timeZone,
			reps: rows('reps'),
			stages: rows('stages'),
			campaigns: rows('campaigns'),
			leads: rows('leads'),
			customers: rows('customers'),
			forecasts: rows('forecasts'),
			targets: rows('targets'),
			...activities,
			stageEvents: concatStageEventBlocks([...this.stageEventBlocks.values()])
		});
	}
}

/**
 * The activity blocks as one set of columns, with only what the engine reads: no notes (a
 * million-slot array at L, filled and collected on every cold read), no updatedAt, and the ids
 * left packed as stored (split a block at a time when a drill-through or an edit reads them:
 * a million strings fewer to make and to collect). Lead dictionaries are disjoint between
 * blocks (a lead hashes to one bucket): appended with an offset.
 */
export function engineActivities(blocks: readonly ActivityBlock[]): {
	activities: ActivityColumns;
	activityIds: PackedIds;
} {
	const activities = concatActivityBlocks(blocks, true);
	const activityIds = new PackedIds(
		blocks.map((b) => b.ids),
		blocks.map((b) => b.count)
	);
	return { activities, activityIds };
}

/** Puts the blocks read for `buckets` in the cache (absent ones leave it). */
function replaceBlocks<B>(cache: Map<number, B>, buckets: number[], blocks: (B | undefined)[]) {
	buckets.forEach((b, i) => {
		const block = blocks[i];
		if (block) cache.set(b, block);
		else cache.delete(b);
	});
}

// The block diffs' names stay importable from here.
export { changedActivityLeads, changedEventLeads, type NoLeadRows } from './block-diff';
