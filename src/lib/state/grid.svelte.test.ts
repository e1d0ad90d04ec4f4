// The leads grid's reader patches its previous rows from the change log; after any mix of
// writes it must give exactly what a fresh full read gives.
import { afterEach, describe, expect, it } from 'vitest';
import {
	createLead,
	deleteRecords,
	runCommand,
	updateLead,
	upsertMany,
	type Command
} from '$lib/db/commands';
import type { TragtDatabase } from '$lib/db/database';
import { CommandHistory } from '$lib/db/history';
import { readAllRecords, writeRecords } from '$lib/db/repositories';
import { closeAll, workspaceDb } from '$lib/db/test-util';
import { patchLeads, readLeadsIncrementally, type GridRecord, type LeadCache } from './grid.svelte';

afterEach(closeAll);

const run = async <R>(db: TragtDatabase, cmd: Command<R>) => (await runCommand(db, cmd)).result;

const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T08:00:00.000Z`;

async function fresh(db: TragtDatabase) {
	return readLeadsIncrementally(db, 'UTC', {});
}

describe('readLeadsIncrementally', () => {
	it('after creates, edits that reorder, deletes, undo and redo, equals a full read', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const a = await run(db, createLead({ name: 'A', createdAt: day(5) }));
		const b = await run(db, createLead({ name: 'B', createdAt: day(9) }));
		const cache: LeadCache = {};
		const first = await readLeadsIncrementally(db, 'UTC', cache);
		expect(first.map((r) => r.name)).toEqual(['B', 'A']);

		await history.run(
			upsertMany(
				'leads',
				[3, 7, 7, 12, 1].map((d, i) => ({ name: `P${i}`, createdAt: day(d) }))
			)
		);
		const second = await readLeadsIncrementally(db, 'UTC', cache);
		expect(second.map((r) => r.name).slice(0, 3)).toEqual(['P3', 'B', expect.any(String)]);
		expect(second).toEqual(await fresh(db));
		// Patched, not read again: the untouched leads are the very same objects.
		expect(second.find((r) => r.id === a.id)).toBe(first.find((r) => r.id === a.id));

		await run(db, updateLead(a.id, { createdAt: day(20), company: 'A Co' }));
		await run(db, deleteRecords('leads', [b.id]));
		const third = await readLeadsIncrementally(db, 'UTC', cache);
		expect(third[0]).toMatchObject({ name: 'A', company: 'A Co' });
		expect(third.some((r) => r.id === b.id)).toBe(false);
		expect(third).toEqual(await fresh(db));

		await history.undo();
		expect(await readLeadsIncrementally(db, 'UTC', cache)).toEqual(await fresh(db));
		await history.redo();
		const last = await readLeadsIncrementally(db, 'UTC', cache);
		expect(last).toEqual(await fresh(db));
		expect(last).toHaveLength(6);
		// Nothing changed since: the same array, so the grid is not sent it again.
		expect(await readLeadsIncrementally(db, 'UTC', cache)).toBe(last);
	});
});

describe('readLeadsIncrementally, writes from elsewhere', () => {
	it('reads back leads written by another page or a merge (not remembered here)', async () => {
		const { db } = await workspaceDb();
		const a = await run(db, createLead({ name: 'A', createdAt: day(5) }));
		const cache: LeadCache = {};
		await readLeadsIncrementally(db, 'UTC', cache);
		// A paste here, then a merge that renames A and adds C (it records its own change).
		const [p] = await run(db, upsertMany('leads', [{ name: 'P', createdAt: day(7) }]));
		const all = await readAllRecords(db);
		const later = '2099-01-01T00:00:00.000Z';
		await writeRecords(
			db,
			{
				...all,
				leads: [
					{ ...all.leads.find((l) => l.id === a.id)!, name: 'A renamed', updatedAt: later },
					{
						...all.leads.find((l) => l.id === a.id)!,
						id: 'c',
						name: 'C',
						createdAt: day(9),
						updatedAt: later
					}
				],
				stageEvents: []
			},
			'merge'
		);
		const rows = await readLeadsIncrementally(db, 'UTC', cache);
		expect(rows.map((r) => r.name)).toEqual(['C', 'P', 'A renamed']);
		expect(rows).toEqual(await fresh(db));
		expect(rows.some((r) => r.id === p)).toBe(true);
	});
});

describe('patchLeads', () => {
	it('merges fresh rows at their places, ties newest id first, and drops tombstones', () => {
		const r = (id: string, d: number, deletedAt?: string): GridRecord => ({
			id,
			createdAt: day(d),
			...(deletedAt ? { deletedAt } : {})
		});
		const rows = [r('a', 9), r('b', 5), r('c', 5), r('d', 1)].sort(
			(x, y) =>
				Date.parse(String(y.createdAt)) - Date.parse(String(x.createdAt)) || (x.id < y.id ? 1 : -1)
		);
		expect(rows.map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
		const out = patchLeads(
			rows,
			new Set(['a', 'd']),
			[r('a', 2), r('bb', 5), r('d', 1, day(3)), r('z', 10)],
			'UTC'
		);
		expect(out.map((x) => x.id)).toEqual(['z', 'c', 'bb', 'b', 'a']);
	});

	it('with the cached sort keys, patches of new and then edited leads match a full sort', () => {
		const r = (id: string, d: number): GridRecord => ({ id, createdAt: day(d) });
		const sorted = (list: GridRecord[]) =>
			[...list].sort(
				(x, y) =>
					Date.parse(String(y.createdAt)) - Date.parse(String(x.createdAt)) ||
					(x.id < y.id ? 1 : -1)
			);
		let rows = sorted([r('a', 9), r('b', 5), r('c', 5), r('d', 1)]);
		const at = new Map(rows.map((x) => [x.id, Date.parse(String(x.createdAt))]));
		// A paste of new leads (none of them among the rows yet).
		rows = patchLeads(rows, new Set(['n1', 'n2']), [r('n1', 5), r('n2', 20)], 'UTC', at);
		expect(rows.map((x) => x.id)).toEqual(['n2', 'a', 'n1', 'c', 'b', 'd']);
		// One pasted lead alone, then an edit of it: it moves, and is not shown twice.
		rows = patchLeads(rows, new Set(['n3']), [r('n3', 2)], 'UTC', at);
		rows = patchLeads(rows, new Set(['n3']), [r('n3', 30)], 'UTC', at);
		rows = patchLeads(rows, new Set(['n1']), [{ ...r('n1', 5), deletedAt: day(6) }], 'UTC', at);
		const oracle = sorted([r('a', 9), r('b', 5), r('c', 5), r('d', 1), r('n2', 20), r('n3', 30)]);
		expect(rows.map((x) => x.id)).toEqual(oracle.map((x) => x.id));
	});
});
