import { afterEach, describe, expect, it } from 'vitest';
import { emptyRecords, type Activity, type Records } from '../domain/types';
import { columnsToActivities, columnsToStageEvents } from '../domain/columns';
import { bucketOf, NO_LEAD_BUCKET } from './blocks';
import { createLead, logActivity, moveLead, runCommand, updateLead } from './commands';
import {
	activitiesOfLead,
	countActivities,
	getWorkspaceSettings,
	listActivities,
	listDeleted,
	listLeads,
	readAllRecords,
	readChangesSince,
	readEntityRows,
	readLogBuckets,
	readLogColumns,
	recentLeads,
	saveWorkspaceSettings,
	stageEventsOfLead,
	writeRecords
} from './repositories';
import { closeAll, freshDb, workspaceDb } from './test-util';
import { CHANGE_LOG_KEEP } from './write-context';

afterEach(closeAll);

const T = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h)).toISOString();

/** A small workspace file by hand: 2 reps, default-like stages, 3 leads (one deleted). */
function sample(): Records {
	const r = emptyRecords();
	r.reps.push(
		{ id: 'r1', name: 'Ann', active: true, updatedAt: T(1) },
		{ id: 'r2', name: 'Bo', email: 'bo@x.dk', active: false, updatedAt: T(1), deletedAt: T(3) }
	);
	r.stages.push(
		{
			id: 'lead',
			name: 'Lead',
			order: 1,
			kind: 'open',
			probability: 0.1,
			qualified: false,
			updatedAt: T(1)
		},
		{
			id: 'won',
			name: 'Won',
			order: 2,
			kind: 'won',
			probability: 1,
			qualified: true,
			updatedAt: T(1)
		}
	);
	r.campaigns.push({
		id: 'c1',
		name: 'Fair',
		origin: 'marketing',
		budget: 1000,
		startDate: '2026-01-01',
		updatedAt: T(1)
	});
	for (const [i, id] of ['l1', 'l2', 'l3'].entries()) {
		r.leads.push({
			id,
			name: 'Lead ' + id,
			ownerId: 'r1',
			origin: 'sales',
			createdAt: T(2 + i),
			stageId: 'lead',
			updatedAt: T(2 + i),
			...(id === 'l3' ? { deletedAt: T(9) } : {}),
			...(id === 'l1' ? { campaignId: 'c1', value: 500, expectedCloseDate: '2026-03-01' } : {})
		});
		r.stageEvents.push({
			id: 'e' + id,
			leadId: id,
			stageId: 'lead',
			at: T(2 + i),
			updatedAt: T(2 + i),
			repId: 'r1'
		});
	}
	r.stageEvents.push({ id: 'ewon', leadId: 'l1', stageId: 'won', at: T(8), updatedAt: T(8) });
	r.stageEvents.push({
		id: 'edel',
		leadId: 'l2',
		stageId: 'won',
		at: T(8),
		updatedAt: T(9),
		deletedAt: T(9)
	});
	r.activities.push(
		{
			id: 'a1',
			leadId: 'l1',
			repId: 'r1',
			type: 'call',
			at: T(3, 10),
			response: 'positive',
			note: 'line1\nline2',
			updatedAt: T(3)
		},
		{ id: 'a2', leadId: 'l1', repId: 'r2', type: 'email', at: T(4, 10), updatedAt: T(4) },
		{ id: 'a3', repId: 'r1', type: 'other', at: T(5), updatedAt: T(5) },
		{
			id: 'a4',
			leadId: 'l2',
			repId: 'r1',
			type: 'meeting',
			at: T(6),
			response: 'neutral',
			updatedAt: T(6),
			deletedAt: T(7)
		}
	);
	r.customers.push({
		id: 'cu1',
		name: 'Lead l1',
		ownerId: 'r1',
		leadId: 'l1',
		since: '2026-01-08',
		updatedAt: T(8)
	});
	r.forecasts.push(
		{ id: 'f1', period: '2026-Q1', amount: 2000, updatedAt: T(1) },
		{ id: 'f2', period: '2026-01', repId: 'r1', amount: 0, updatedAt: T(1) }
	);
	return r;
}

function byId<T extends { id: string }>(rows: T[]): T[] {
	return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function normalized(r: Records): Records {
	const out = { ...r } as Records;
	for (const k of Object.keys(out) as (keyof Records)[])
		(out[k] as { id: string }[]) = byId(out[k] as { id: string }[]);
	return out;
}

describe('writeRecords / readAllRecords', () => {
	it('round-trips every list, tombstones and activities without a lead', async () => {
		const db = freshDb();
		const data = sample();
		await writeRecords(db, data, 'replace');
		expect(normalized(await readAllRecords(db))).toEqual(normalized(data));
	});

	it('replace drops what the file does not hold; merge keeps it and upserts by id', async () => {
		const db = freshDb();
		await writeRecords(db, sample(), 'replace');
		const patch = emptyRecords();
		patch.leads.push({
			id: 'l9',
			name: 'New',
			ownerId: 'r1',
			origin: 'sales',
			createdAt: T(10),
			stageId: 'lead',
			updatedAt: T(10)
		});
		const moved: Activity = {
			id: 'a2',
			leadId: 'l9',
			repId: 'r2',
			type: 'email',
			at: T(4, 10),
			updatedAt: T(11)
		};
		patch.activities.push(moved);
		await writeRecords(db, patch, 'merge');
		const merged = await readAllRecords(db);
		expect(merged.leads).toHaveLength(4);
		expect(merged.activities.filter((a) => a.id === 'a2')).toEqual([moved]);
		expect(merged.activities).toHaveLength(4);
		expect((await activitiesOfLead(db, 'l1')).map((a) => a.id)).toEqual(['a1']);
		await writeRecords(db, patch, 'replace');
		const replaced = await readAllRecords(db);
		expect(replaced.leads.map((l) => l.id)).toEqual(['l9']);
		expect(replaced.activities).toEqual([moved]);
		expect(replaced.reps).toEqual([]);
	});

	it('resolves date-only log instants in the workspace zone', async () => {
		const { db, settings } = await workspaceDb('Europe/Copenhagen');
		const file = emptyRecords();
		file.activities.push({
			id: 'x',
			repId: settings.meRepId,
			type: 'call',
			at: '2026-01-10',
			updatedAt: T(1)
		});
		await writeRecords(db, file, 'merge');
		const [a] = (await readAllRecords(db)).activities;
		// Midnight in Copenhagen (UTC+1 in winter) is 23:00 UTC the day before.
		expect(a.at).toBe('2026-01-09T23:00:00.000Z');
	});
});

describe('columns and blocks', () => {
	it('readLogColumns holds the same rows as readAllRecords', async () => {
		const db = freshDb();
		const data = sample();
		await writeRecords(db, data, 'replace');
		const { activities, stageEvents } = await readLogColumns(db);
		expect(activities.count).toBe(4);
		expect(byId(columnsToActivities(activities))).toEqual(byId(data.activities));
		expect(byId(columnsToStageEvents(stageEvents))).toEqual(byId(data.stageEvents));
		const noLead = activities.id.indexOf('a3');
		expect(activities.lead[noLead]).toBe(-1);
		expect(Number.isNaN(activities.deletedAt[noLead])).toBe(true);
		expect(activities.deletedAt[activities.id.indexOf('a4')]).toBe(Date.parse(T(7)));
		const entities = await readEntityRows(db);
		expect(byId(entities.leads)).toEqual(byId(data.leads));
	});

	it("a lead's history lives in one block, and readLogBuckets reads just that block", async () => {
		const db = freshDb();
		await writeRecords(db, sample(), 'replace');
		const b = bucketOf('l1');
		const acts = await readLogBuckets(db, 'activities', [b]);
		expect(
			columnsToActivities(acts)
				.filter((a) => a.leadId === 'l1')
				.map((a) => a.id)
				.sort()
		).toEqual(['a1', 'a2']);
		const none = await readLogBuckets(db, 'activities', [NO_LEAD_BUCKET]);
		expect(none.id).toEqual(['a3']);
		const evs = await readLogBuckets(db, 'stageEvents', [b]);
		expect(
			columnsToStageEvents(evs)
				.filter((e) => e.leadId === 'l1')
				.map((e) => e.id)
				.sort()
		).toEqual(['el1', 'ewon']);
		let blockReads = 0;
		const table = db.activityBlocks;
		const get = table.get.bind(table);
		(table as unknown as { get: typeof get }).get = ((key: number) => {
			blockReads++;
			return get(key);
		}) as typeof get;
		expect((await activitiesOfLead(db, 'l1')).map((a) => a.id)).toEqual(['a2', 'a1']);
		expect(blockReads).toBe(1);
		expect((await stageEventsOfLead(db, 'l1')).map((e) => e.stageId)).toEqual(['lead', 'won']);
	});
});

describe('entity chunks (the cold-read copy of leads and customers)', () => {
	it('stay equal to the rows through commands, and stale chunks are not trusted', async () => {
		const db = freshDb();
		await writeRecords(db, sample(), 'replace');
		const { result: lead } = await runCommand(db, createLead({ name: 'New', ownerId: 'r1' }));
		await runCommand(db, updateLead('l1', { name: 'Renamed' }));
		const rows = async () => ({
			leads: byId(await db.leads.toArray()),
			customers: byId(await db.customers.toArray())
		});
		const fromChunks = async () => {
			const e = await readEntityRows(db);
			return { leads: byId(e.leads), customers: byId(e.customers) };
		};
		expect(await fromChunks()).toEqual(await rows());
		expect((await readEntityRows(db)).leads.map((l) => l.id)).toContain(lead.id);
		expect(await db.entityChunks.get('leads:meta')).toBeTruthy();
		// A write that bypasses the data layer leaves the chunks behind: readers use the rows.
		await db.leads.update('l2', { name: 'Sneaky', updatedAt: T(20) });
		await db.customers.delete('cu1');
		expect(await db.entityChunks.get('leads:meta')).toBeUndefined();
		expect(await fromChunks()).toEqual(await rows());
		expect((await readEntityRows(db)).leads.find((l) => l.id === 'l2')?.name).toBe('Sneaky');
		// The next data-layer write rebuilds the chunk set from the rows.
		await runCommand(db, updateLead('l1', { name: 'Again' }));
		expect(await db.entityChunks.get('leads:meta')).toBeTruthy();
		expect(await fromChunks()).toEqual(await rows());
		// An outside transaction that has the chunk table in scope drops the meta inside it.
		await db.transaction('rw', db.leads, db.entityChunks, async () => {
			await db.leads.update('l1', { name: 'Inside' });
			expect(await db.entityChunks.get('leads:meta')).toBeUndefined();
		});
		expect((await readEntityRows(db)).leads.find((l) => l.id === 'l1')?.name).toBe('Inside');
	});
});

describe('queries', () => {
	it('lists leads, recent leads, activities newest first and the bin', async () => {
		const db = freshDb();
		await writeRecords(db, sample(), 'replace');
		expect((await listLeads(db)).map((l) => l.id).sort()).toEqual(['l1', 'l2']);
		expect(await listLeads(db, { includeDeleted: true })).toHaveLength(3);
		expect((await recentLeads(db, 1)).map((l) => l.id)).toEqual(['l2']);
		expect(await countActivities(db)).toBe(3);
		expect((await listActivities(db, { limit: 10 })).map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
		expect((await listActivities(db, { limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['a2']);
		const bin = await listDeleted(db);
		expect(bin.map((e) => `${e.list}:${e.record.id}`).sort()).toEqual(
			['activities:a4', 'leads:l3', 'reps:r2', 'stageEvents:edel'].sort()
		);
	});

	it('listActivities pages through many rows in order', async () => {
		const db = freshDb();
		const file = emptyRecords();
		for (let i = 0; i < 300; i++)
			file.activities.push({
				id: 'a' + String(i).padStart(3, '0'),
				leadId: 'lead' + (i % 37),
				repId: 'r',
				type: 'call',
				// Scrambled times, with a few ties broken by id.
				at: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 250) * 60_000).toISOString(),
				updatedAt: T(1)
			});
		await writeRecords(db, file, 'replace');
		const expected = [...file.activities]
			.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
			.map((a) => a.id);
		const pages: string[] = [];
		for (let off = 0; off < 300; off += 40)
			pages.push(...(await listActivities(db, { limit: 40, offset: off })).map((a) => a.id));
		expect(pages).toEqual(expected);
	});
});

describe('change tracking', () => {
	it('records entity ids and buckets per commit, and full for bulk writes', async () => {
		const { db } = await workspaceDb();
		const start = (await readChangesSince(db, 0)).seq;
		expect(start).toBeGreaterThan(0);
		const got: number[] = [];
		const ch = new BroadcastChannel('tragt-changes');
		ch.onmessage = (e: MessageEvent<{ seq: number }>) => got.push(e.data.seq);
		const { result: lead } = await runCommand(db, createLead({ name: 'A' }));
		const { result: act } = await runCommand(db, logActivity({ leadId: lead.id, type: 'call' }));
		await runCommand(db, updateLead(lead.id, { name: 'B' }));
		const since = await readChangesSince(db, start);
		expect(since.full).toBe(false);
		expect(since.seq).toBe(start + 3);
		expect(since.entities.leads).toEqual([lead.id]);
		expect(since.activityBuckets).toEqual([bucketOf(lead.id)]);
		expect(since.stageEventBuckets).toEqual([bucketOf(lead.id)]);
		expect(act.leadId).toBe(lead.id);
		const last = await readChangesSince(db, start + 2);
		expect(last.entities).toEqual({ leads: [lead.id] });
		expect(last.activityBuckets).toEqual([]);
		expect(await readChangesSince(db, since.seq)).toEqual({
			seq: since.seq,
			full: false,
			entities: {},
			activityBuckets: [],
			stageEventBuckets: []
		});
		// A seq from a database that was since recreated: start over.
		expect((await readChangesSince(db, since.seq + 50)).full).toBe(true);
		await writeRecords(db, emptyRecords(), 'merge');
		expect((await readChangesSince(db, since.seq)).full).toBe(true);
		await new Promise((r) => setTimeout(r, 20));
		ch.close();
		expect(got).toEqual([start + 1, start + 2, start + 3, start + 4]);
	});

	it('a reader older than the kept change log re-reads everything', async () => {
		const db = freshDb();
		const row = { at: 0, full: false, entities: {}, activityBuckets: [1], stageEventBuckets: [] };
		await db.changes.bulkAdd(Array.from({ length: CHANGE_LOG_KEEP + 10 }, () => ({ ...row })));
		// The next commit prunes the log down to the last CHANGE_LOG_KEEP entries.
		await writeRecords(db, emptyRecords(), 'merge');
		const last = (await readChangesSince(db, 0)).seq;
		expect(last).toBe(CHANGE_LOG_KEEP + 11);
		expect(await db.changes.count()).toBeLessThanOrEqual(CHANGE_LOG_KEEP + 1);
		expect((await readChangesSince(db, 5)).full).toBe(true);
		const recent = await readChangesSince(db, last - 2);
		expect(recent.seq).toBe(last);
	});

	it('stamps lastChangeAt on data writes but not on settings edits', async () => {
		const { db, settings } = await workspaceDb();
		await runCommand(
			db,
			moveLead((await runCommand(db, createLead({ name: 'A' }))).result.id, 'won')
		);
		const s1 = await getWorkspaceSettings(db);
		expect(s1?.lastChangeAt).toBeTruthy();
		await saveWorkspaceSettings(db, { ...settings, name: 'Renamed', lastChangeAt: undefined });
		const s2 = await getWorkspaceSettings(db);
		expect(s2).toMatchObject({ name: 'Renamed', lastChangeAt: s1?.lastChangeAt });
	});
});
