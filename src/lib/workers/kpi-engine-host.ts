// The KPI worker's state, as a plain class so it can be tested without a Worker: it owns the
// columnar dataset, built once from IndexedDB and brought up to date from the data layer's
// change log, so a refresh after one edit re-reads only what changed.
import type { ActivityBlock, StageEventBlock } from '../db/blocks';
import { concatActivityBlocks, concatStageEventBlocks, unpackStrings } from '../db/blocks';
import { ENTITY_LIST_NAMES, type EntityListName, type TragtDatabase } from '../db/database';
import { getWorkspaceSettings, readChangesSince, readEntityRows } from '../db/repositories';
import {
	buildDataset,
	computeKpis,
	kpiRecords,
	updateDataset,
	workspaceSummary,
	type DatasetChange,
	type DatasetInput,
	type KpiDataset,
	type WorkspaceSummary
} from '../kpi/index';
import { liveActivityOrder, PackedIds } from '../kpi/logs';
import type { KpiKey, KpiOptions } from '../kpi/result-types';
import type { ActivityColumns } from '../domain/columns';
import type { Lead } from '../domain/types';
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
			previous = computeKpis(this.dataset as KpiDataset, {
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

	async records(request: KpiRequest, kpi: KpiKey, part?: string): Promise<string[]> {
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

const leadOf = (b: { lead: Int32Array; leadDict: string[] }, r: number): string =>
	b.lead[r] < 0 ? '' : b.leadDict[b.lead[r]];

const sameInstant = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));

/**
 * Rows without a lead that an edit changed, by row number: `before` in the old block (gone or
 * changed), `after` in the new one (new or changed). They go to the engine as a delta: the
 * prospecting bucket holds every activity without a lead, too many to replace on each edit.
 */
export interface NoLeadRows {
	before: number[];
	after: number[];
}

/**
 * Adds to `out` the leads whose activities differ between two versions of a block in a field
 * the KPIs read, so that an edit replaces one lead's rows, not a bucket's. Rows without a lead
 * go to `noLead` when given, else they add '' to `out`.
 */
export function changedActivityLeads(
	before: ActivityBlock | undefined,
	after: ActivityBlock | undefined,
	out: Set<string>,
	noLead?: NoLeadRows
): void {
	diffBlocks(
		before,
		after,
		out,
		(o, r) => {
			const a = after as ActivityBlock;
			const b = before as ActivityBlock;
			return (
				sameInstant(b.at[o], a.at[r]) &&
				sameInstant(b.deletedAt[o], a.deletedAt[r]) &&
				b.type[o] === a.type[r] &&
				b.response[o] === a.response[r] &&
				leadOf(b, o) === leadOf(a, r) &&
				b.repDict[b.rep[o]] === a.repDict[a.rep[r]]
			);
		},
		noLead
	);
}

/** The same for stage events. */
export function changedEventLeads(
	before: StageEventBlock | undefined,
	after: StageEventBlock | undefined,
	out: Set<string>
): void {
	diffBlocks(before, after, out, (o, r) => {
		const a = after as StageEventBlock;
		const b = before as StageEventBlock;
		return (
			sameInstant(b.at[o], a.at[r]) &&
			sameInstant(b.deletedAt[o], a.deletedAt[r]) &&
			b.stageDict[b.stage[o]] === a.stageDict[a.stage[r]] &&
			leadOf(b, o) === leadOf(a, r) &&
			(b.rep[o] < 0 ? null : b.repDict[b.rep[o]]) === (a.rep[r] < 0 ? null : a.repDict[a.rep[r]])
		);
	});
}

type Block = { ids: ActivityBlock['ids']; count: number; lead: Int32Array; leadDict: string[] };

/**
 * True when the first `before.count` ids of `after` are `before`'s, in order: the usual edit
 * (a block re-encoded from its decoded rows keeps their order and appends new rows; a delta
 * record appends too), which can then be compared row by row without a map of every id.
 */
function sameIdPrefix(before: Block, after: Block): boolean {
	const n = before.count;
	if (after.count < n) return false;
	if (n === 0) return true;
	const x = before.ids;
	const y = after.ids;
	if (typeof x === 'string' && typeof y === 'string') {
		if (after.count === n) return x === y;
		return y.length > x.length && y.charCodeAt(x.length) === 10 && y.startsWith(x);
	}
	const xs = unpackStrings(x, n);
	const ys = unpackStrings(y, after.count);
	for (let r = 0; r < n; r++) if (xs[r] !== ys[r]) return false;
	return true;
}

function diffBlocks<B extends Block>(
	before: B | undefined,
	after: B | undefined,
	out: Set<string>,
	same: (oldRow: number, newRow: number) => boolean,
	noLead?: NoLeadRows
): void {
	const old = (r: number) => {
		const id = leadOf(before as B, r);
		if (id === '' && noLead) noLead.before.push(r);
		else out.add(id);
	};
	const fresh = (r: number) => {
		const id = leadOf(after as B, r);
		if (id === '' && noLead) noLead.after.push(r);
		else out.add(id);
	};
	if (before && after && sameIdPrefix(before, after)) {
		for (let r = 0; r < before.count; r++) {
			if (!same(r, r)) {
				old(r);
				fresh(r);
			}
		}
		for (let r = before.count; r < after.count; r++) fresh(r);
		return;
	}
	const byId = new Map<string, number>();
	if (before) unpackStrings(before.ids, before.count).forEach((id, r) => byId.set(id, r));
	const seen = new Uint8Array(before?.count ?? 0);
	if (after) {
		const ids = unpackStrings(after.ids, after.count);
		for (let r = 0; r < after.count; r++) {
			const o = byId.get(ids[r]);
			if (o === undefined || !before) {
				fresh(r);
				continue;
			}
			seen[o] = 1;
			if (!same(o, r)) {
				fresh(r);
				old(o);
			}
		}
	}
	if (before) for (let o = 0; o < before.count; o++) if (!seen[o]) old(o);
}

/** The rows of `block` whose lead is in `leads`, with a lead dictionary of only those leads. */
function selectRows<B extends Block>(
	block: B,
	leads: Set<string>
): { rows: number[]; lead: Int32Array; leadDict: string[]; ids: string[] } {
	const ids = unpackStrings(block.ids, block.count);
	const map = new Int32Array(block.leadDict.length).fill(-2);
	const leadDict: string[] = [];
	const rows: number[] = [];
	for (let r = 0; r < block.count; r++) {
		const d = block.lead[r];
		if (!leads.has(d < 0 ? '' : block.leadDict[d])) continue;
		if (d >= 0 && map[d] === -2) {
			map[d] = leadDict.length;
			leadDict.push(block.leadDict[d]);
		}
		rows.push(r);
	}
	const lead = Int32Array.from(rows, (r) => (block.lead[r] < 0 ? -1 : map[block.lead[r]]));
	return { rows, lead, leadDict, ids: rows.map((r) => ids[r]) };
}

/** Rows `rows` of an activity block as a block of their own. */
function activityRowsAt(block: ActivityBlock, rows: number[]): ActivityBlock {
	const all = unpackStrings(block.ids, block.count);
	const map = new Int32Array(block.leadDict.length).fill(-2);
	const leadDict: string[] = [];
	const lead = Int32Array.from(rows, (r) => {
		const d = block.lead[r];
		if (d < 0) return -1;
		if (map[d] === -2) {
			map[d] = leadDict.length;
			leadDict.push(block.leadDict[d]);
		}
		return map[d];
	});
	return activityBlockOf(
		block,
		rows,
		lead,
		leadDict,
		rows.map((r) => all[r])
	);
}

function activityRowsOf(block: ActivityBlock, leads: Set<string>): ActivityBlock {
	const { rows, lead, leadDict, ids } = selectRows(block, leads);
	return activityBlockOf(block, rows, lead, leadDict, ids);
}

function activityBlockOf(
	block: ActivityBlock,
	rows: number[],
	lead: Int32Array,
	leadDict: string[],
	ids: string[]
): ActivityBlock {
	const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => pickRows(a, rows);
	return {
		bucket: block.bucket,
		count: rows.length,
		ids,
		updatedAt: pick(block.updatedAt),
		deletedAt: pick(block.deletedAt),
		at: pick(block.at),
		lead,
		leadDict,
		rep: pick(block.rep),
		repDict: block.repDict,
		type: pick(block.type),
		response: pick(block.response),
		noteRows: new Int32Array(0),
		notes: []
	};
}

function eventRowsOf(block: StageEventBlock, leads: Set<string>): StageEventBlock {
	const { rows, lead, leadDict, ids } = selectRows(block, leads);
	const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => pickRows(a, rows);
	return {
		bucket: block.bucket,
		count: rows.length,
		ids,
		updatedAt: pick(block.updatedAt),
		deletedAt: pick(block.deletedAt),
		at: pick(block.at),
		lead,
		leadDict,
		stage: pick(block.stage),
		stageDict: block.stageDict,
		rep: pick(block.rep),
		repDict: block.repDict
	};
}

function pickRows<T extends Float64Array | Int32Array | Uint8Array>(a: T, rows: number[]): T {
	const out = new (a.constructor as new (n: number) => T)(rows.length);
	for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
	return out;
}
