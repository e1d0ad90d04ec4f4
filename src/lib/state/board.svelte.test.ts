// The board's reader patches its map of leads from the change log; after any mix of moves,
// edits, deletes, undo and redo it must hold exactly what the leads table holds.
import { afterEach, describe, expect, it } from 'vitest';
import { createLead, deleteRecords, moveLead, updateLead, upsertMany } from '$lib/db/commands';
import type { TragtDatabase } from '$lib/db/database';
import { CommandHistory } from '$lib/db/history';
import { closeAll, workspaceDb } from '$lib/db/test-util';
import type { Lead } from '$lib/domain/types';
import { readBoardLeads, type BoardLeadCache } from './board.svelte';

afterEach(closeAll);

/** The live leads straight from the table (the reference), as id -> stage and value. */
async function truth(db: TragtDatabase) {
	const rows = (await db.leads.toArray()).filter((l) => !l.deletedAt);
	return new Map(rows.map((l) => [l.id, `${l.stageId}:${l.value ?? ''}:${l.name}`]));
}

function seen(leads: ReadonlyMap<string, Lead>) {
	return new Map([...leads.values()].map((l) => [l.id, `${l.stageId}:${l.value ?? ''}:${l.name}`]));
}

describe('readBoardLeads', () => {
	it('follows moves, edits, new leads, deletes, undo and redo like a fresh read', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const a = await history.run(createLead({ name: 'A', value: 100 }));
		const b = await history.run(createLead({ name: 'B', value: 200, stageId: 'qualified' }));
		const cache: BoardLeadCache = {};
		const first = await readBoardLeads(db, cache);
		expect(seen(first.leads)).toEqual(await truth(db));
		expect(first.leads.get(b.id)?.stageId).toBe('qualified');
		const untouched = first.leads.get(b.id);

		await history.run(moveLead(a.id, 'proposal'));
		const second = await readBoardLeads(db, cache);
		expect(second).not.toBe(first); // a new object, so the board redraws
		expect(second.leads.get(a.id)?.stageId).toBe('proposal');
		// Patched, not read again: the lead the move did not touch is the very same object.
		expect(second.leads.get(b.id)).toBe(untouched);
		expect(seen(second.leads)).toEqual(await truth(db));

		await history.run(upsertMany('leads', [{ name: 'C', value: 5 }, { name: 'D' }]));
		await history.run(updateLead(b.id, { value: 250 }));
		await history.run(deleteRecords('leads', [a.id]));
		const third = await readBoardLeads(db, cache);
		expect(third.leads.has(a.id)).toBe(false);
		expect(third.leads.get(b.id)?.value).toBe(250);
		expect(third.leads.size).toBe(3);
		expect(seen(third.leads)).toEqual(await truth(db));

		await history.run(createLead({ name: 'E' }));
		await history.undo(); // E goes
		const fourth = await readBoardLeads(db, cache);
		expect([...fourth.leads.values()].map((l) => l.name).sort()).toEqual(['B', 'C', 'D']);
		expect(seen(fourth.leads)).toEqual(await truth(db));
		await history.undo(); // A is back, in the stage it was moved to
		expect((await readBoardLeads(db, cache)).leads.get(a.id)?.stageId).toBe('proposal');
		expect(seen((await readBoardLeads(db, cache)).leads)).toEqual(await truth(db));
		await history.redo();
		expect(seen((await readBoardLeads(db, cache)).leads)).toEqual(await truth(db));

		// Nothing changed since: the same object, so the board is not rebuilt.
		const last = await readBoardLeads(db, cache);
		expect(await readBoardLeads(db, cache)).toBe(last);
	});

	it('gives the moved lead to a read that starts while another is still reading', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const a = await history.run(createLead({ name: 'A' }));
		const cache: BoardLeadCache = {};
		const first = await readBoardLeads(db, cache);
		const tick = () => new Promise((r) => setTimeout(r, 0));
		// Dexie starts a new run when a write lands during a read; the newest run's result is the
		// one shown, so it must not be handed the previous result while the other is patching.
		const stages = ['contacted', 'qualified', 'proposal', 'negotiation'];
		for (let i = 0; i < 24; i++) {
			const stage = stages[i % stages.length];
			await history.run(moveLead(a.id, stage));
			const early = readBoardLeads(db, cache);
			for (let t = 0; t < i; t++) await tick();
			const late = await readBoardLeads(db, cache);
			expect(late.leads.get(a.id)?.stageId, `after ${i} ticks`).toBe(stage);
			expect(late).not.toBe(first);
			expect((await early).leads.get(a.id)?.stageId).toBe(stage);
		}
	});

	it('reads the rows when a write from outside the data layer dropped the chunked copy', async () => {
		const { db } = await workspaceDb();
		const a = await new CommandHistory(db).run(createLead({ name: 'A', value: 1 }));
		const cache: BoardLeadCache = {};
		await readBoardLeads(db, cache);
		// A raw Dexie write (not a command): the chunk guard drops the chunk set's meta row.
		await db.leads.put({ ...(await db.leads.get(a.id))!, stageId: 'won' });
		const after = await readBoardLeads(db, cache);
		expect(after.leads.get(a.id)?.stageId).toBe('won');
	});
});
