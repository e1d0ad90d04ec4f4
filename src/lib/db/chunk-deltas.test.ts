// The chunk copy of leads keeps new rows in small delta records until a chunk is changed
// otherwise or holds too many; whatever the mix of writes, reading the copy must give exactly
// the table's rows, and the number of records must stay bounded.
import { afterEach, describe, expect, it } from 'vitest';
import type { Lead } from '../domain/types';
import {
	createLead,
	deleteRecords,
	emptyBin,
	runCommand,
	updateLead,
	upsertMany,
	type Command
} from './commands';
import type { TragtDatabase } from './database';
import { CHUNK_COUNT, MAX_CHUNK_DELTAS, readChunkedList } from './entity-chunks';
import { CommandHistory } from './history';
import { closeAll, workspaceDb } from './test-util';

afterEach(closeAll);

const run = async <R>(db: TragtDatabase, cmd: Command<R>) => (await runCommand(db, cmd)).result;

async function expectInStep(db: TragtDatabase) {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
	const copy = (await readChunkedList<Lead>(db, 'leads')).sort(byId);
	expect(await db.entityChunks.get('leads:meta')).toBeDefined();
	expect(copy).toEqual((await db.leads.toArray()).sort(byId));
}

describe('chunk deltas', () => {
	it('stay in step through pastes, edits, deletes, undo, redo and emptying the bin', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const first = await history.run(
			upsertMany(
				'leads',
				Array.from({ length: 150 }, (_, i) => ({ name: `L${i}` }))
			)
		);
		await expectInStep(db);
		await history.run(upsertMany('leads', [{ name: 'one more' }]));
		await expectInStep(db);
		// An edit folds that chunk's deltas; the edited row must appear once, edited.
		await history.run(updateLead(first[3], { company: 'Edited' }));
		await expectInStep(db);
		const copy = await readChunkedList<Lead>(db, 'leads');
		expect(copy.filter((l) => l.id === first[3])).toEqual([
			expect.objectContaining({ company: 'Edited' })
		]);
		await history.run(deleteRecords('leads', first.slice(0, 40)));
		await expectInStep(db);
		await history.undo();
		await expectInStep(db);
		await history.undo();
		await expectInStep(db);
		await history.redo();
		await expectInStep(db);
		await history.run(emptyBin());
		await expectInStep(db);
	});

	it('folds a chunk once it holds too many deltas', async () => {
		const { db } = await workspaceDb();
		for (let i = 0; i < MAX_CHUNK_DELTAS + 3; i++)
			await run(
				db,
				upsertMany(
					'leads',
					Array.from({ length: 3 * CHUNK_COUNT }, (_, k) => ({ name: `B${i}-${k}` }))
				)
			);
		await run(db, createLead({ name: 'last' }));
		await expectInStep(db);
		const records = await db.entityChunks.where('list').equals('leads').count();
		// Every chunk: its record and at most MAX_CHUNK_DELTAS deltas; plus the meta row.
		expect(records).toBeLessThanOrEqual(CHUNK_COUNT * (MAX_CHUNK_DELTAS + 1) + 1);
		expect(await db.leads.count()).toBe((MAX_CHUNK_DELTAS + 3) * 3 * CHUNK_COUNT + 1);
	});
});
