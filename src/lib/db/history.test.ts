import { afterEach, describe, expect, it } from 'vitest';
import {
	createLead,
	createRecord,
	deleteRecords,
	emptyBin,
	loadRecords,
	logActivity,
	moveLead,
	updateLead,
	upsertMany,
	type Command
} from './commands';
import { CommandHistory } from './history';
import { getLead, readAllRecords, readChangesSince, stageEventsOfLead } from './repositories';
import { closeAll, workspaceDb } from './test-util';
import { emptyRecords, type Records } from '../domain/types';

afterEach(closeAll);

describe('CommandHistory', () => {
	it('undoes and redoes a lead creation with its stage event', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const empty = await readAllRecords(db);
		const lead = await h.run(createLead({ name: 'A' }));
		const created = await readAllRecords(db);
		expect(h.canUndo).toBe(true);
		expect(h.undoLabel).toBe('createLead');
		expect(await h.undo()).toBe(true);
		expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(empty));
		expect(h.canRedo).toBe(true);
		expect(h.redoLabel).toBe('createLead');
		expect(await h.redo()).toBe(true);
		expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(created));
		expect((await getLead(db, lead.id))?.name).toBe('A');
		expect(await h.redo()).toBe(false);
	});

	it('walks 105 steps back and forward, restoring every state on the way', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const states = [await readAllRecords(db)];
		const lead = await h.run(createLead({ name: 'L', createdAt: '2026-01-01T00:00:00.000Z' }));
		states.push(await readAllRecords(db));
		const stages = ['contacted', 'qualified', 'proposal', 'negotiation'];
		for (let i = 0; i < 104; i++) {
			const k = i % 4;
			if (k === 0) await h.run(updateLead(lead.id, { name: 'L' + i, value: i }));
			else if (k === 1)
				await h.run(
					moveLead(lead.id, stages[i % stages.length], {
						at: new Date(Date.UTC(2026, 0, 2, 0, i)).toISOString()
					})
				);
			else if (k === 2) await h.run(logActivity({ leadId: lead.id, type: 'call', note: 'n' + i }));
			else await h.run(createRecord('reps', { name: 'R' + i }));
			states.push(await readAllRecords(db));
		}
		expect(h.undoDepth).toBe(105);
		expect(states).toHaveLength(106);
		for (let i = states.length - 2; i >= 0; i--) {
			expect(await h.undo()).toBe(true);
			expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(states[i]));
		}
		expect(await h.undo()).toBe(false);
		for (let i = 1; i < states.length; i++) {
			expect(await h.redo()).toBe(true);
			if (i % 10 === 0 || i === states.length - 1)
				expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(states[i]));
		}
	}, 30_000);

	it('keeps at most `limit` steps', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db, 3);
		for (let i = 0; i < 5; i++) await h.run(createRecord('reps', { name: 'R' + i }));
		let n = 0;
		while (await h.undo()) n++;
		expect(n).toBe(3);
		const reps = (await readAllRecords(db)).reps.map((r) => r.name).sort();
		expect(reps).toEqual(['Me', 'R0', 'R1']);
	});

	it('a new command clears the redo stack', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		await h.run(createRecord('reps', { name: 'A' }));
		await h.undo();
		await h.run(createRecord('reps', { name: 'B' }));
		expect(h.canRedo).toBe(false);
	});

	it('a command that throws midway leaves no data and no step', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		await h.run(createRecord('reps', { name: 'A' }));
		const before = await readAllRecords(db);
		const seq = (await readChangesSince(db, 0)).seq;
		const failing: Command<void> = {
			label: 'createRecord',
			run: async (ctx) => {
				await createLead({ name: 'half' }).run(ctx);
				await logActivity({ type: 'call' }).run(ctx);
				throw new Error('disk on fire');
			}
		};
		await expect(h.run(failing)).rejects.toThrow('disk on fire');
		expect(await readAllRecords(db)).toEqual(before);
		expect(h.undoDepth).toBe(1);
		expect(h.undoLabel).toBe('createRecord');
		expect((await readChangesSince(db, seq)).seq).toBe(seq);
		// A constraint error from IndexedDB itself (adding an existing key) also rolls back.
		const constraint: Command<void> = {
			label: 'createRecord',
			run: async (ctx) => {
				await createRecord('reps', { name: 'B' }).run(ctx);
				await ctx.db.reps.add(before.reps[0]);
			}
		};
		await expect(h.run(constraint)).rejects.toThrow();
		expect(await readAllRecords(db)).toEqual(before);
		expect(h.undoDepth).toBe(1);
		// The queue still works after failures.
		expect(await h.undo()).toBe(true);
	});

	it('undoes a delete, an emptied bin and a small load as single steps', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const lead = await h.run(createLead({ name: 'A' }));
		await h.run(logActivity({ leadId: lead.id, type: 'meeting' }));
		const s0 = await readAllRecords(db);
		await h.run(deleteRecords('leads', [lead.id]));
		await h.run(emptyBin());
		expect((await readAllRecords(db)).leads).toEqual([]);
		await h.undo();
		expect((await getLead(db, lead.id))?.deletedAt).toBeTruthy();
		await h.undo();
		expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(s0));
		const file = emptyRecords();
		file.reps.push({
			id: 'imp',
			name: 'Imported',
			active: true,
			updatedAt: '2026-01-01T00:00:00.000Z'
		});
		file.activities.push({
			id: 'act',
			repId: 'imp',
			type: 'call',
			at: '2026-01-02T00:00:00.000Z',
			updatedAt: '2026-01-02T00:00:00.000Z'
		});
		const r = await h.run(loadRecords(file, 'merge'));
		expect(r).toEqual({ undoable: true, rows: 2 });
		expect((await readAllRecords(db)).activities.map((a) => a.id)).toContain('act');
		await h.undo();
		expect(withoutStamps(await readAllRecords(db))).toEqual(withoutStamps(s0));
		expect((await stageEventsOfLead(db, lead.id)).length).toBe(1);
	});

	it('a load too large to undo clears the history and says so', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		await h.run(createRecord('reps', { name: 'A' }));
		const file = emptyRecords();
		for (let i = 0; i < 6000; i++)
			file.activities.push({
				id: 'a' + i,
				repId: 'r',
				type: 'call',
				at: '2026-01-02T00:00:00.000Z',
				updatedAt: '2026-01-02T00:00:00.000Z'
			});
		let notified = 0;
		h.subscribe(() => notified++);
		const r = await h.run(loadRecords(file, 'replace'));
		expect(r.undoable).toBe(false);
		expect(h.canUndo).toBe(false);
		expect(notified).toBe(1);
		const all = await readAllRecords(db);
		expect(all.activities).toHaveLength(6000);
		expect(all.reps).toEqual([]);
		expect((await readChangesSince(db, 0)).full).toBe(true);
	});
});

/** Records without their `updatedAt` stamps: an undo restores the data with a new stamp. */
function withoutStamps(records: Records): Record<string, unknown[]> {
	const out: Record<string, unknown[]> = {};
	for (const [list, rows] of Object.entries(records)) {
		out[list] = (rows as { updatedAt?: string }[]).map((r) => ({ ...r, updatedAt: undefined }));
	}
	return out;
}

describe('undo and team merges', () => {
	afterEach(closeAll);

	it('stamps an undone record later than the edit it reverts, so the undo wins a merge', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const lead = await h.run(createLead({ name: 'Original' }));
		await new Promise((r) => setTimeout(r, 5));
		await h.run(updateLead(lead.id, { name: 'Mistake' }));
		const edited = await getLead(db, lead.id);
		await new Promise((r) => setTimeout(r, 5));
		await h.undo();
		const undone = await getLead(db, lead.id);
		expect(undone?.name).toBe('Original');
		expect(Date.parse(undone!.updatedAt)).toBeGreaterThan(Date.parse(edited!.updatedAt));
	});

	it('undoes, redoes and undoes again a paste of 1,000 activities as one step', async () => {
		const { db } = await workspaceDb();
		const h = new CommandHistory(db);
		const leads: { id: string }[] = [];
		for (let i = 0; i < 20; i++) leads.push(await h.run(createLead({ name: `Lead ${i}` })));
		// Most rows land in blocks this step has decoded already: a long replay of them makes no
		// IndexedDB request, which is what used to commit the transaction under the replay.
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			...(i % 50 === 49 ? {} : { leadId: leads[i % 20].id }),
			type: 'call',
			at: '2026-03-04T10:00:00Z',
			note: `n${i}`
		}));
		const ids = await h.run(upsertMany('activities', rows));
		expect(new Set(ids).size).toBe(1000);
		const count = async () => (await readAllRecords(db)).activities.length;
		expect(await count()).toBe(1000);
		expect(await h.undo()).toBe(true);
		expect(await count()).toBe(0);
		expect((await readAllRecords(db)).leads).toHaveLength(20);
		expect(await h.redo()).toBe(true);
		const back = (await readAllRecords(db)).activities;
		expect(back.map((a) => a.id).sort()).toEqual([...ids].sort());
		expect(back.filter((a) => !a.leadId)).toHaveLength(20);
		expect(await h.undo()).toBe(true);
		expect(await count()).toBe(0);
		expect(h.undoLabel).toBe('createLead');
	});
});
