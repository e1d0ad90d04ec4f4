// upsertMany on leads takes a bulk path (bulk-upsert.ts); these tests hold it to the rules of
// creating, editing and moving leads one at a time.
import { afterEach, describe, expect, it } from 'vitest';
import type { Lead, StageEvent } from '../domain/types';
import { bucketOf } from './blocks';
import { createLead, runCommand, upsertMany, ValidationError, type Command } from './commands';
import type { TragtDatabase } from './database';
import { readChunkedList } from './entity-chunks';
import { CommandHistory } from './history';
import { getLead, readAllRecords, stageEventsOfLead } from './repositories';
import { closeAll, workspaceDb } from './test-util';

afterEach(closeAll);

const run = async <R>(db: TragtDatabase, cmd: Command<R>) => (await runCommand(db, cmd)).result;

const AT = '2026-03-02T10:00:00.000Z';

function pasted(n: number, from = 0): Record<string, unknown>[] {
	return Array.from({ length: n }, (_, i) => ({
		name: `Pasted ${from + i}`,
		company: `Co ${from + i}`,
		stageId: i % 3 === 0 ? 'qualified' : 'lead',
		value: i,
		createdAt: AT
	}));
}

/** The chunk copy and the table hold the same leads. */
async function expectChunksInStep(db: TragtDatabase) {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
	const chunks = (await readChunkedList<Lead>(db, 'leads')).sort(byId);
	expect(await db.entityChunks.get('leads:meta')).toBeDefined();
	expect(chunks).toEqual((await db.leads.toArray()).sort(byId));
}

describe('upsertMany on leads in bulk', () => {
	it('creates every lead with its first stage event, as one undo step', async () => {
		const { db, settings } = await workspaceDb();
		const history = new CommandHistory(db);
		const old = await history.run(createLead({ name: 'Old', createdAt: AT }));
		const before = await readAllRecords(db);
		const ids = await history.run(upsertMany('leads', pasted(300)));
		expect(history.undoDepth).toBe(2);
		expect(new Set(ids).size).toBe(300);
		const all = await readAllRecords(db);
		expect(all.leads).toHaveLength(301);
		expect(all.stageEvents).toHaveLength(301);
		for (const [i, id] of ids.entries()) {
			const lead = all.leads.find((l) => l.id === id)!;
			expect(lead).toMatchObject({
				name: `Pasted ${i}`,
				ownerId: settings.meRepId,
				origin: 'sales',
				stageId: i % 3 === 0 ? 'qualified' : 'lead'
			});
			const events = all.stageEvents.filter((e) => e.leadId === id);
			expect(events.map((e) => [e.stageId, e.at, e.repId])).toEqual([
				[lead.stageId, AT, settings.meRepId]
			]);
		}
		expect(await stageEventsOfLead(db, old.id)).toHaveLength(1);
		await expectChunksInStep(db);

		// One undo removes all 300 (and their events); redo brings them back.
		await history.undo();
		const undone = await readAllRecords(db);
		expect(undone.leads).toEqual(before.leads);
		expect(undone.stageEvents).toEqual(before.stageEvents);
		await expectChunksInStep(db);
		await history.redo();
		expect((await readAllRecords(db)).leads).toHaveLength(301);
		await expectChunksInStep(db);
	});

	it('a bad row writes nothing and leaves no undo step; the error names the row', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		await history.run(createLead({ name: 'Old', createdAt: AT }));
		const before = await readAllRecords(db);
		const rows = pasted(200);
		rows[149] = { ...rows[149], ownerId: 'nobody' };
		const err = await history.run(upsertMany('leads', rows)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).field).toBe('ownerId');
		expect((err as Error).message).toContain('row 150');
		expect(history.undoDepth).toBe(1);
		expect(await readAllRecords(db)).toEqual(before);
		await expectChunksInStep(db);
	});

	it('patches existing leads; a changed stage appends an event now and stageId follows it', async () => {
		const { db } = await workspaceDb();
		const a = await run(db, createLead({ name: 'A', createdAt: AT }));
		const b = await run(db, createLead({ name: 'B', createdAt: AT, stageId: 'proposal' }));
		// A new lead in the same block as A, so the move of A and the append meet in one block.
		let sameBlock = '';
		for (let i = 0; !sameBlock; i++) if (bucketOf(`n${i}`) === bucketOf(a.id)) sameBlock = `n${i}`;
		const t0 = Date.now();
		const ids = await run(
			db,
			upsertMany('leads', [
				{ id: a.id, stageId: 'lost', lostReason: 'Price' },
				{ id: b.id, company: 'B Co', stageId: 'proposal' },
				{ id: sameBlock, name: 'Same block', createdAt: AT }
			])
		);
		expect(ids).toEqual([a.id, b.id, sameBlock]);
		const a2 = (await getLead(db, a.id))!;
		expect(a2).toMatchObject({ stageId: 'lost', lostReason: 'Price' });
		const events = (await stageEventsOfLead(db, a.id)) as StageEvent[];
		expect(events.map((e) => e.stageId)).toEqual(['lead', 'lost']);
		expect(Date.parse(events[1].at)).toBeGreaterThanOrEqual(t0 - 1000);
		// Same stage: no new event, only the field.
		expect(await getLead(db, b.id)).toMatchObject({ company: 'B Co', stageId: 'proposal' });
		expect(await stageEventsOfLead(db, b.id)).toHaveLength(1);
		expect((await stageEventsOfLead(db, sameBlock)).map((e) => e.stageId)).toEqual(['lead']);
		await expectChunksInStep(db);
	});

	it('gives the same records as creating the leads one by one', async () => {
		const one = await workspaceDb();
		const bulk = await workspaceDb();
		const camp = { id: 'c1', name: 'Fair', origin: 'marketing' as const, budget: 10 };
		for (const w of [one, bulk]) await run(w.db, upsertMany('campaigns', [camp]));
		const rows = pasted(40).map((r, i) => (i % 2 ? { ...r, campaignId: 'c1' } : r));
		for (const r of rows) await run(one.db, upsertMany('leads', [r]));
		await run(bulk.db, upsertMany('leads', rows));
		// Ids, stamps and the me-rep's id differ between the two databases; the rest must not.
		const strip = (all: Awaited<ReturnType<typeof readAllRecords>>, me: string) => {
			const name = new Map(all.leads.map((l) => [l.id, l.name]));
			return {
				leads: all.leads
					.map(({ id: _i, updatedAt: _u, ownerId, ...rest }) => ({ ...rest, me: ownerId === me }))
					.sort((x, y) => x.name.localeCompare(y.name)),
				events: all.stageEvents
					.map((e) => [name.get(e.leadId), e.stageId, e.at, e.repId === me])
					.sort((x, y) => String(x[0]).localeCompare(String(y[0])))
			};
		};
		expect(strip(await readAllRecords(bulk.db), bulk.settings.meRepId!)).toEqual(
			strip(await readAllRecords(one.db), one.settings.meRepId!)
		);
		expect(
			(await readAllRecords(bulk.db)).leads.filter((l) => l.origin === 'marketing')
		).toHaveLength(20);
	});
});
