// Schema migrations: a database written by each schema version must open with the current code
// with every record intact.
//
// Each fixture below is frozen: the version's store declarations and its records exactly as
// that version stored them (log blocks written out column by column, not through today's
// encoder, which may change). Adding schema version N to database.ts means adding one fixture
// for version N here (the coverage test fails until there is one); the fixtures of older
// versions stay as they are, so every upgrade path from every older version keeps being tested.

import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Records } from '../domain/types';
import { openDatabase, TragtDatabase } from './database';
import { readAllRecords } from './repositories';
import { getWorkspaceSettings, type WorkspaceSettings } from './settings';

interface Fixture {
	version: number;
	/** The version's `stores()` declaration, copied when the version was current. */
	stores: Record<string, string>;
	/** Writes the records as this version stored them. */
	write(db: Dexie): Promise<void>;
	/** The records and settings the current code must read back. */
	expected: { records: Records; workspace: WorkspaceSettings };
}

/** FNV-1a bucket of a lead id, as version 1 placed log rows (frozen copy). */
function v1Bucket(leadId: string | null): number {
	if (!leadId) return 128;
	let h = 0x811c9dc5;
	for (let i = 0; i < leadId.length; i++) {
		h ^= leadId.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % 128;
}

const ms = (iso: string) => Date.parse(iso);

const V1_RECORDS: Records = {
	reps: [
		{
			id: 'rep-1',
			name: 'Mette Holm',
			email: 'mette@example.dk',
			active: true,
			updatedAt: '2026-01-05T08:00:00.000Z'
		},
		{ id: 'rep-2', name: 'Jonas Berg', active: false, updatedAt: '2026-01-06T08:00:00.000Z' }
	],
	stages: [
		{
			id: 'lead',
			name: 'Lead',
			order: 0,
			kind: 'open',
			probability: 0.1,
			qualified: false,
			updatedAt: '2026-01-05T08:00:00.000Z'
		},
		{
			id: 'won',
			name: 'Won',
			order: 5,
			kind: 'won',
			probability: 1,
			qualified: true,
			updatedAt: '2026-01-05T08:00:00.000Z'
		},
		{
			id: 'lost',
			name: 'Lost',
			order: 6,
			kind: 'lost',
			probability: 0,
			qualified: false,
			updatedAt: '2026-01-05T08:00:00.000Z',
			deletedAt: '2026-02-01T10:00:00.000Z'
		}
	],
	campaigns: [
		{
			id: 'cmp-1',
			name: 'Spring fair',
			channel: 'event',
			origin: 'marketing',
			budget: 12500.5,
			startDate: '2026-03-01',
			endDate: '2026-03-31',
			updatedAt: '2026-02-20T12:00:00.000Z'
		}
	],
	leads: [
		{
			id: 'lead-a',
			name: 'Æblegården ApS',
			company: 'Æblegården',
			email: 'info@aeble.dk',
			phone: '+45 12 34 56 78',
			ownerId: 'rep-1',
			campaignId: 'cmp-1',
			origin: 'marketing',
			source: 'fair',
			createdAt: '2026-03-02',
			stageId: 'won',
			value: 48000,
			expectedCloseDate: '2026-04-30',
			updatedAt: '2026-03-20T15:30:00.000Z'
		},
		{
			id: 'lead-b',
			name: '<img src=x onerror=alert(1)>',
			ownerId: 'rep-2',
			origin: 'sales',
			createdAt: '2026-03-05T09:15:00.000Z',
			stageId: 'lost',
			lostReason: 'Budget',
			updatedAt: '2026-03-09T11:00:00.000Z',
			deletedAt: '2026-03-10T11:00:00.000Z'
		}
	],
	stageEvents: [
		{
			id: 'se-1',
			leadId: 'lead-a',
			stageId: 'lead',
			at: '2026-03-02T00:00:00.000Z',
			repId: 'rep-1',
			updatedAt: '2026-03-02T08:00:00.000Z'
		},
		{
			id: 'se-2',
			leadId: 'lead-a',
			stageId: 'won',
			at: '2026-03-20T15:30:00.000Z',
			updatedAt: '2026-03-20T15:30:00.000Z'
		}
	],
	activities: [
		{
			id: 'act-1',
			leadId: 'lead-a',
			repId: 'rep-1',
			type: 'call',
			at: '2026-03-03T10:00:00.000Z',
			response: 'positive',
			note: 'Wants a demo\nnext week',
			updatedAt: '2026-03-03T10:05:00.000Z'
		},
		{
			id: 'act-2',
			leadId: 'lead-a',
			repId: 'rep-2',
			type: 'meeting',
			at: '2026-03-10T13:00:00.000Z',
			updatedAt: '2026-03-10T14:00:00.000Z',
			deletedAt: '2026-03-11T09:00:00.000Z'
		},
		{
			id: 'act-3',
			// No lead: stored in the no-lead block; read back without a leadId field.
			repId: 'rep-1',
			type: 'email',
			at: '2026-03-04T07:45:00.000Z',
			response: 'neutral',
			updatedAt: '2026-03-04T07:45:00.000Z'
		}
	],
	customers: [
		{
			id: 'cust-1',
			name: 'Æblegården',
			ownerId: 'rep-1',
			leadId: 'lead-a',
			since: '2026-03-20',
			updatedAt: '2026-03-20T15:30:00.000Z'
		}
	],
	forecasts: [
		{
			id: 'fc-1',
			period: '2026-03',
			repId: 'rep-1',
			amount: 50000,
			updatedAt: '2026-02-28T12:00:00.000Z'
		},
		{ id: 'fc-2', period: '2026-Q2', amount: 150000, updatedAt: '2026-02-28T12:00:00.000Z' }
	],
	// Versions 1 and 2 had no targets table: they read back as none.
	targets: []
};

const V1_WORKSPACE: WorkspaceSettings = {
	name: 'Holm Sales',
	currency: 'DKK',
	timeZone: 'UTC',
	meRepId: 'rep-1',
	lastChangeAt: '2026-03-20T15:30:00.000Z'
};

const V2_LEAD_B = {
	id: 'lead-c',
	name: 'Bo Berg',
	ownerId: 'rep-2',
	origin: 'sales',
	createdAt: '2026-04-01T09:00:00.000Z',
	stageId: 'lead',
	updatedAt: '2026-04-01T09:00:00.000Z'
} as Records['leads'][number];

const V3_TARGETS: Records['targets'] = [
	{
		id: 'tg-1',
		metric: 'wonValue',
		repId: 'rep-1',
		from: '2026-04-01',
		to: '2026-04-30',
		amount: 60000,
		updatedAt: '2026-03-31T12:00:00.000Z'
	},
	{
		id: 'tg-2',
		metric: 'newLeads',
		from: '2026-04-01',
		to: '2026-06-30',
		amount: 40,
		updatedAt: '2026-03-31T12:00:00.000Z',
		deletedAt: '2026-04-02T08:00:00.000Z'
	}
];

const FIXTURES: Fixture[] = [
	{
		version: 1,
		stores: {
			reps: 'id, deletedAt',
			stages: 'id, order, deletedAt',
			campaigns: 'id, deletedAt',
			leads: 'id, updatedAt, deletedAt',
			customers: 'id, deletedAt',
			forecasts: 'id, deletedAt',
			activityBlocks: 'bucket',
			stageEventBlocks: 'bucket',
			entityChunks: 'key, list',
			settings: 'key',
			changes: '++seq'
		},
		async write(db) {
			const r = V1_RECORDS;
			for (const list of [
				'reps',
				'stages',
				'campaigns',
				'leads',
				'customers',
				'forecasts'
			] as const)
				await db.table(list).bulkAdd(r[list]);
			// Version 1 log blocks: rows as columns; instants as epoch ms (NaN: absent); ids joined
			// by '\n' unless one holds '\n'; types and responses as small numbers; notes sparse.
			const a = v1Bucket('lead-a');
			await db.table('activityBlocks').bulkAdd([
				{
					bucket: a,
					count: 2,
					ids: 'act-1\nact-2',
					updatedAt: new Float64Array([ms('2026-03-03T10:05:00Z'), ms('2026-03-10T14:00:00Z')]),
					deletedAt: new Float64Array([NaN, ms('2026-03-11T09:00:00Z')]),
					at: new Float64Array([ms('2026-03-03T10:00:00Z'), ms('2026-03-10T13:00:00Z')]),
					lead: new Int32Array([0, 0]),
					leadDict: ['lead-a'],
					rep: new Int32Array([0, 1]),
					repDict: ['rep-1', 'rep-2'],
					type: new Uint8Array([0, 2]), // call, meeting
					response: new Uint8Array([1, 0]), // positive, none
					noteRows: new Int32Array([0]),
					notes: ['Wants a demo\nnext week']
				},
				{
					bucket: v1Bucket(null),
					count: 1,
					ids: 'act-3',
					updatedAt: new Float64Array([ms('2026-03-04T07:45:00Z')]),
					deletedAt: new Float64Array([NaN]),
					at: new Float64Array([ms('2026-03-04T07:45:00Z')]),
					lead: new Int32Array([-1]),
					leadDict: [],
					rep: new Int32Array([0]),
					repDict: ['rep-1'],
					type: new Uint8Array([1]), // email
					response: new Uint8Array([3]), // neutral
					noteRows: new Int32Array([]),
					notes: []
				}
			]);
			await db.table('stageEventBlocks').add({
				bucket: a,
				count: 2,
				ids: 'se-1\nse-2',
				updatedAt: new Float64Array([ms('2026-03-02T08:00:00Z'), ms('2026-03-20T15:30:00Z')]),
				deletedAt: new Float64Array([NaN, NaN]),
				at: new Float64Array([ms('2026-03-02T00:00:00Z'), ms('2026-03-20T15:30:00Z')]),
				lead: new Int32Array([0, 0]),
				leadDict: ['lead-a'],
				stage: new Int32Array([0, 1]),
				stageDict: ['lead', 'won'],
				rep: new Int32Array([0, -1]),
				repDict: ['rep-1']
			});
			await db.table('settings').add({ key: 'workspace', value: V1_WORKSPACE });
			await db.table('changes').add({
				at: ms('2026-03-20T15:30:00Z'),
				full: true,
				entities: {},
				activityBuckets: [],
				stageEventBuckets: []
			});
		},
		expected: { records: V1_RECORDS, workspace: V1_WORKSPACE }
	},
	{
		version: 2,
		// Same stores as version 1; the log tables may hold delta records.
		stores: {
			reps: 'id, deletedAt',
			stages: 'id, order, deletedAt',
			campaigns: 'id, deletedAt',
			leads: 'id, updatedAt, deletedAt',
			customers: 'id, deletedAt',
			forecasts: 'id, deletedAt',
			activityBlocks: 'bucket',
			stageEventBlocks: 'bucket',
			entityChunks: 'key, list',
			settings: 'key',
			changes: '++seq'
		},
		async write(db) {
			await FIXTURES[0].write(db);
			// Lead B was created later: its row, and its first stage event in a delta record of its
			// bucket: key (bucket + 1) * 2^32 + 1, a block of one row.
			await db.table('leads').add(V2_LEAD_B);
			const b = v1Bucket('lead-c');
			await db.table('stageEventBlocks').add({
				bucket: (b + 1) * 2 ** 32 + 1,
				count: 1,
				ids: 'se-3',
				updatedAt: new Float64Array([ms('2026-04-01T09:00:00Z')]),
				deletedAt: new Float64Array([NaN]),
				at: new Float64Array([ms('2026-04-01T09:00:00Z')]),
				lead: new Int32Array([0]),
				leadDict: ['lead-c'],
				stage: new Int32Array([0]),
				stageDict: ['lead'],
				rep: new Int32Array([0]),
				repDict: ['rep-2']
			});
		},
		expected: {
			records: {
				...V1_RECORDS,
				leads: [...V1_RECORDS.leads, V2_LEAD_B],
				stageEvents: [
					...V1_RECORDS.stageEvents,
					{
						id: 'se-3',
						leadId: 'lead-c',
						stageId: 'lead',
						at: '2026-04-01T09:00:00.000Z',
						repId: 'rep-2',
						updatedAt: '2026-04-01T09:00:00.000Z'
					}
				]
			},
			workspace: V1_WORKSPACE
		}
	},
	{
		version: 3,
		// Version 2's stores plus targets.
		stores: {
			reps: 'id, deletedAt',
			stages: 'id, order, deletedAt',
			campaigns: 'id, deletedAt',
			leads: 'id, updatedAt, deletedAt',
			customers: 'id, deletedAt',
			forecasts: 'id, deletedAt',
			targets: 'id, deletedAt',
			activityBlocks: 'bucket',
			stageEventBlocks: 'bucket',
			entityChunks: 'key, list',
			settings: 'key',
			changes: '++seq'
		},
		async write(db) {
			await FIXTURES[1].write(db);
			await db.table('targets').bulkAdd(V3_TARGETS);
		},
		// A getter: FIXTURES[1] does not exist yet while this array is built.
		get expected() {
			return {
				records: { ...FIXTURES[1].expected.records, targets: V3_TARGETS },
				workspace: V1_WORKSPACE
			};
		}
	}
	// Version 4 goes here: { version: 4, stores: <its stores()>, write: <its stored shapes>, ... }
];

const byId = <T extends { id: string }>(rows: T[]) =>
	[...rows].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

const names: string[] = [];
afterEach(async () => {
	for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema migrations', () => {
	it('has a fixture for every schema version up to the current one', () => {
		const current = new TragtDatabase('migrations-probe').verno;
		expect(FIXTURES.map((f) => f.version)).toEqual(
			Array.from({ length: current }, (_, i) => i + 1)
		);
	});

	for (const fixture of FIXTURES) {
		it(`opens a version ${fixture.version} database with every record intact`, async () => {
			const name = `migration-v${fixture.version}-${crypto.randomUUID()}`;
			names.push(name);
			const old = new Dexie(name);
			old.version(fixture.version).stores(fixture.stores);
			await old.open();
			await fixture.write(old);
			old.close();

			const db = openDatabase(name);
			await db.open();
			expect(db.verno).toBe(new TragtDatabase('migrations-probe').verno);
			const records = await readAllRecords(db);
			const want = fixture.expected.records;
			for (const list of Object.keys(want) as (keyof Records)[]) {
				expect(byId(records[list] as { id: string }[]), list).toEqual(
					byId(want[list] as { id: string }[])
				);
			}
			expect(await getWorkspaceSettings(db)).toEqual(fixture.expected.workspace);
			db.close();
		});
	}

	it('opens a version 2 database with data at version 3: targets empty and writable', async () => {
		const name = `migration-v2-v3-${crypto.randomUUID()}`;
		names.push(name);
		const old = new Dexie(name);
		old.version(2).stores(FIXTURES[1].stores);
		await old.open();
		await FIXTURES[1].write(old);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.targets.count()).toBe(0);
		expect((await readAllRecords(db)).leads).toHaveLength(3);
		await db.targets.add(V3_TARGETS[0]);
		db.close();
		// Written to disk, not only to the open connection's cache.
		const again = openDatabase(name);
		expect(await again.targets.toArray()).toEqual([V3_TARGETS[0]]);
		expect((await readAllRecords(again)).targets).toEqual([V3_TARGETS[0]]);
		again.close();
	});
});
