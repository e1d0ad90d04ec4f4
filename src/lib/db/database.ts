// The Dexie schema. Every version is kept here forever: a user's database may be at any of them,
// and Dexie upgrades it step by step. Layout and reasons: docs/adr-0001-storage-layout.md.
//
// Relative imports only: the KPI worker, benchmarks and Node tests load this file.

import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Campaign, Customer, Forecast, Lead, Rep, Stage, Target } from '../domain/types';
import type { ActivityBlock, StageEventBlock } from './blocks';
import { chunkGuard, type EntityChunkRow } from './chunk-guard';
import { trackTransactions } from './transaction-guard';

/** One row of the `settings` table: a key and its value (the workspace lives under 'workspace'). */
export interface SettingRow {
	key: string;
	value: unknown;
}

/** One committed write transaction, for the KPI worker's incremental refresh. */
export interface ChangeRow {
	seq?: number;
	/** Epoch ms of the commit. */
	at: number;
	/** A bulk write (import, demo data, replace): readers re-read everything. */
	full: boolean;
	/** Entity list name -> ids written (added, edited, tombstoned or removed). */
	entities: Record<string, string[]>;
	activityBuckets: number[];
	stageEventBuckets: number[];
}

export class TragtDatabase extends Dexie {
	reps!: EntityTable<Rep, 'id'>;
	stages!: EntityTable<Stage, 'id'>;
	campaigns!: EntityTable<Campaign, 'id'>;
	leads!: EntityTable<Lead, 'id'>;
	customers!: EntityTable<Customer, 'id'>;
	forecasts!: EntityTable<Forecast, 'id'>;
	targets!: EntityTable<Target, 'id'>;
	activityBlocks!: Table<ActivityBlock, number>;
	stageEventBlocks!: Table<StageEventBlock, number>;
	entityChunks!: Table<EntityChunkRow, string>;
	settings!: EntityTable<SettingRow, 'key'>;
	changes!: Table<ChangeRow, number>;

	constructor(name = 'tragt') {
		// 'strict': a committed command is on disk before we tell the user it is saved.
		super(name, { chromeTransactionDurability: 'strict' });
		// Version 1. Indexes are only those the data layer's queries use: each index costs on
		// bulk writes (writing the L demo's 100k leads: 7 indexes 24 s, 3 indexes 16 s, primary key
		// only 12 s, on this machine under load; ADR 0001). Filters by owner, stage or campaign run
		// in memory over the leads (the grid and board hold them all anyway). `deletedAt` indexes
		// are sparse (only tombstones carry the field), so they cost nothing for live rows and make
		// the bin one index scan per table; `leads.updatedAt` serves recentLeads.
		this.version(1).stores({
			reps: 'id, deletedAt',
			stages: 'id, order, deletedAt',
			campaigns: 'id, deletedAt',
			leads: 'id, updatedAt, deletedAt',
			customers: 'id, deletedAt',
			forecasts: 'id, deletedAt',
			// The two logs: one record per bucket (hash of leadId), rows stored as columns.
			activityBlocks: 'bucket',
			stageEventBlocks: 'bucket',
			// A JSON copy of leads and customers in chunks, for fast cold reads (entity-chunks.ts).
			entityChunks: 'key, list',
			settings: 'key',
			changes: '++seq'
		});
		// Version 2: the log tables may also hold delta records (keys from 2^32 up: new rows of a
		// bucket beside its block, blocks.ts). No store changes and nothing to convert: a version 1
		// database is a version 2 one without deltas. The version number keeps an older app, which
		// would miss the delta rows when it reads one bucket, from opening a newer database.
		this.version(2).stores({});
		// Version 3: targets (file format version 2), indexed like forecasts. A new, empty table:
		// nothing to convert, so no upgrade function; the existing tables are untouched.
		this.version(3).stores({ targets: 'id, deletedAt' });
		this.use(chunkGuard(this));
		// Later versions go here, each with its .upgrade(tx => ...) and a test that opens a
		// database written by the previous version.
	}
}

export function openDatabase(name = 'tragt'): TragtDatabase {
	// Each context that opens the database can abort its transactions when its page goes away.
	trackTransactions();
	return new TragtDatabase(name);
}

/** The entity tables (one Dexie record per row), by record list name. */
export const ENTITY_LIST_NAMES = [
	'reps',
	'stages',
	'campaigns',
	'leads',
	'customers',
	'forecasts',
	'targets'
] as const;

export type EntityListName = (typeof ENTITY_LIST_NAMES)[number];
export type LogListName = 'activities' | 'stageEvents';

export function isEntityList(name: string): name is EntityListName {
	return (ENTITY_LIST_NAMES as readonly string[]).includes(name);
}

export function entityTable(
	db: TragtDatabase,
	list: EntityListName
): Table<{ id: string }, string> {
	return db[list] as unknown as Table<{ id: string }, string>;
}

export function blockTable(
	db: TragtDatabase,
	log: LogListName
): Table<ActivityBlock | StageEventBlock, number> {
	return (log === 'activities' ? db.activityBlocks : db.stageEventBlocks) as Table<
		ActivityBlock | StageEventBlock,
		number
	>;
}

/** Every table, for transactions that may touch anything (commands, imports). */
export function allTables(db: TragtDatabase): Table[] {
	return [
		db.reps,
		db.stages,
		db.campaigns,
		db.leads,
		db.customers,
		db.forecasts,
		db.targets,
		db.activityBlocks,
		db.stageEventBlocks,
		db.entityChunks,
		db.settings,
		db.changes
	] as Table[];
}
