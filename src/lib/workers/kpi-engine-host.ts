// The KPI worker's state, as a plain class so it can be tested without a Worker: it owns the
// columnar dataset, built once from IndexedDB and brought up to date from the data layer's
// change log, so a refresh after one edit re-reads only what changed.
import type { ActivityBlock, StageEventBlock } from '../db/blocks';
import { concatActivityBlocks, concatStageEventBlocks, NO_LEAD_BUCKET } from '../db/blocks';
import { ENTITY_LIST_NAMES, type EntityListName, type TragtDatabase } from '../db/database';
import { getWorkspaceSettings, readChangesSince, readEntityRows } from '../db/repositories';
import {
	buildDataset,
	computeKpis,
	kpiRecords,
	updateDataset,
	type DatasetChange,
	type KpiDataset
} from '../kpi/index';
import type { KpiKey, KpiOptions } from '../kpi/result-types';
import { requestFilters, type KpiRequest, type KpiResponse, type KpiTimings } from './kpi-protocol';

type EntityMaps = { [K in EntityListName]: Map<string, { id: string }> };

export class KpiEngineHost {
	private seq = -1;
	private timeZone = 'UTC';
	private entities: EntityMaps | null = null;
	private activityBlocks = new Map<number, ActivityBlock>();
	private stageEventBlocks = new Map<number, StageEventBlock>();
	private dataset: KpiDataset | null = null;

	constructor(private readonly db: TragtDatabase) {}

	/** Brings the dataset up to date with the database; returns how. */
	async refresh(): Promise<Pick<KpiTimings, 'refresh' | 'refreshMs'>> {
		const t0 = performance.now();
		if (this.seq < 0 || !this.dataset) {
			await this.readEverything();
			return { refresh: 'cold', refreshMs: performance.now() - t0 };
		}
		const changes = await readChangesSince(this.db, this.seq);
		if (changes.seq === this.seq) return { refresh: 'cached', refreshMs: 0 };
		if (changes.full || changes.entities.settings) {
			await this.readEverything();
			return { refresh: 'cold', refreshMs: performance.now() - t0 };
		}
		// The leads named by the changed buckets' old blocks: their rows are replaced too.
		const buckets = [...new Set([...changes.activityBuckets, ...changes.stageEventBuckets])];
		const named = new Set<string>();
		const nameLeads = () => {
			for (const b of buckets) {
				if (b === NO_LEAD_BUCKET) named.add('');
				for (const id of this.activityBlocks.get(b)?.leadDict ?? []) named.add(id);
				for (const id of this.stageEventBlocks.get(b)?.leadDict ?? []) named.add(id);
			}
		};
		nameLeads();
		const changedLists = Object.entries(changes.entities)
			.filter(([, ids]) => ids && ids.length > 0)
			.map(([list]) => list as EntityListName);
		await this.db.transaction(
			'r',
			[
				...ENTITY_LIST_NAMES.map((l) => this.db.table(l)),
				this.db.activityBlocks,
				this.db.stageEventBlocks
			],
			async () => {
				for (const [list, ids] of Object.entries(changes.entities)) {
					if (!ids || !this.entities) continue;
					const map = this.entities[list as EntityListName];
					if (!map) continue;
					const rows = await this.db.table(list).bulkGet(ids);
					ids.forEach((id, i) => {
						const row = rows[i];
						if (row) map.set(id, row);
						else map.delete(id);
					});
				}
				await this.replaceBlocks(
					this.activityBlocks,
					this.db.activityBlocks,
					changes.activityBuckets
				);
				await this.replaceBlocks(
					this.stageEventBlocks,
					this.db.stageEventBlocks,
					changes.stageEventBuckets
				);
			}
		);
		this.seq = changes.seq;
		nameLeads();
		this.patch(changedLists, buckets, [...named]);
		return { refresh: 'incremental', refreshMs: performance.now() - t0 };
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

	private async readEverything(): Promise<void> {
		const db = this.db;
		// The entity rows come through readEntityRows (leads and customers from their JSON
		// chunks: a few dozen records instead of 100k); the logs as raw blocks, kept per bucket so
		// a later refresh replaces only the buckets that changed.
		// The change counter is read BEFORE the data: a write landing in between is then re-read
		// by the next refresh (harmless), never missed.
		const last = await db.changes.orderBy('seq').last();
		const [entityRows, act, ev, ws] = await Promise.all([
			readEntityRows(db),
			db.activityBlocks.toArray(),
			db.stageEventBlocks.toArray(),
			getWorkspaceSettings(db)
		]);
		const entities = {} as EntityMaps;
		for (const l of ENTITY_LIST_NAMES) {
			entities[l] = new Map((entityRows[l] as { id: string }[]).map((r) => [r.id, r]));
		}
		this.entities = entities;
		this.activityBlocks = new Map(act.map((b) => [b.bucket, b]));
		this.stageEventBlocks = new Map(ev.map((b) => [b.bucket, b]));
		this.seq = last?.seq ?? 0;
		this.timeZone = ws?.timeZone || 'UTC';
		this.rebuild();
	}

	private async replaceBlocks<B extends { bucket: number }>(
		cache: Map<number, B>,
		table: { bulkGet(keys: number[]): Promise<(B | undefined)[]> },
		buckets: number[]
	): Promise<void> {
		if (buckets.length === 0) return;
		const blocks = await table.bulkGet(buckets);
		buckets.forEach((b, i) => {
			const block = blocks[i];
			if (block) cache.set(b, block);
			else cache.delete(b);
		});
	}

	/**
	 * Brings the dataset up to date after an edit: the changed entity lists, and every row of the
	 * leads the changed buckets name (in both logs: a lead's rows all live in its bucket). The
	 * engine re-derives only the leads concerned when it can.
	 */
	private patch(lists: EntityListName[], buckets: number[], leadIds: string[]): void {
		const e = this.entities as EntityMaps;
		const change: DatasetChange = {};
		for (const list of lists) {
			if (list in e) (change as Record<string, unknown>)[list] = [...e[list].values()];
		}
		if (buckets.length > 0) {
			const act: ActivityBlock[] = [];
			const ev: StageEventBlock[] = [];
			for (const b of buckets) {
				const a = this.activityBlocks.get(b);
				const s = this.stageEventBlocks.get(b);
				if (a) act.push(a);
				if (s) ev.push(s);
			}
			change.logs = {
				leadIds,
				activities: concatActivityBlocks(act),
				stageEvents: concatStageEventBlocks(ev)
			};
		}
		this.dataset = updateDataset(this.dataset as KpiDataset, change);
	}

	private rebuild(): void {
		const e = this.entities as EntityMaps;
		const rows = <T>(list: EntityListName) => [...e[list].values()] as T[];
		this.dataset = buildDataset({
			timeZone: this.timeZone,
			reps: rows('reps'),
			stages: rows('stages'),
			campaigns: rows('campaigns'),
			leads: rows('leads'),
			customers: rows('customers'),
			forecasts: rows('forecasts'),
			activities: concatActivityBlocks([...this.activityBlocks.values()]),
			stageEvents: concatStageEventBlocks([...this.stageEventBlocks.values()])
		});
	}
}
