// Delta records of the logs (blocks.ts): a paste of new leads writes their first stage events
// beside the blocks instead of rewriting them, and every reader and writer still sees one log.
import { afterEach, describe, expect, it } from 'vitest';
import type { Records, StageEvent } from '../domain/types';
import { KpiEngineHost } from '../workers/kpi-engine-host';
import { computeKpis, datasetFromRecords } from '../kpi/index';
import {
	bucketOf,
	bucketOfKey,
	DELTA_SPAN,
	foldLogDeltas,
	MAX_LOG_DELTAS,
	mergeLogDeltas,
	readLogBucket,
	stageEventBlockFromRows,
	stageEventRowsOfBlock,
	type StageEventBlock
} from './blocks';
import { createLead, emptyBin, moveLead, upsertMany, ValidationError } from './commands';
import { blockTable, type TragtDatabase } from './database';
import { CommandHistory } from './history';
import {
	listDeleted,
	readAllRecords,
	readLogColumns,
	stageEventsOfLead,
	writeRecords
} from './repositories';
import { closeAll, freshDb, workspaceDb } from './test-util';

afterEach(closeAll);

const AT = '2026-03-02T10:00:00.000Z';

function pasted(n: number, tag: string): Record<string, unknown>[] {
	return Array.from({ length: n }, (_, i) => ({
		name: `${tag} ${i}`,
		stageId: i % 4 === 0 ? 'contacted' : 'lead',
		value: 100 + i,
		createdAt: AT
	}));
}

const sortRecords = (r: Records): Records => {
	const out = { ...r } as Record<string, unknown>;
	for (const [k, v] of Object.entries(r))
		if (Array.isArray(v))
			out[k] = [...(v as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1));
	return out as unknown as Records;
};

/** Numbers rounded to 9 significant digits, through any nesting. */
function roundFloats(v: unknown): unknown {
	if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(9)) : v;
	if (Array.isArray(v)) return v.map(roundFloats);
	if (v && typeof v === 'object')
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundFloats(x)]));
	return v;
}

function plain(v: unknown): unknown {
	if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array);
	if (Array.isArray(v)) return v.map(plain);
	if (v && typeof v === 'object')
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
	return v;
}

async function storedKeys(db: TragtDatabase): Promise<number[]> {
	return (await db.stageEventBlocks.toCollection().primaryKeys()) as number[];
}

async function mainBlocks(db: TragtDatabase): Promise<StageEventBlock[]> {
	return (await db.stageEventBlocks
		.where('bucket')
		.below(DELTA_SPAN)
		.toArray()) as StageEventBlock[];
}

/** A database with 200 older leads (their events in the blocks) and a history. */
async function seeded() {
	const { db, settings } = await workspaceDb();
	const history = new CommandHistory(db);
	const old = await history.run(upsertMany('leads', pasted(200, 'Old')));
	// Fold the first paste's deltas into blocks, as an import or an edit would leave them.
	await db.transaction('rw', db.stageEventBlocks, () =>
		foldLogDeltas(blockTable(db, 'stageEvents'))
	);
	return { db, settings, history, old };
}

describe('log deltas', () => {
	it('a paste of new leads writes their first events beside the blocks, not into them', async () => {
		const { db, history } = await seeded();
		const blocksBefore = await mainBlocks(db);
		expect((await storedKeys(db)).every((k) => k < DELTA_SPAN)).toBe(true);
		const ids = await history.run(upsertMany('leads', pasted(300, 'New')));
		// The blocks are as they were; the new events are in delta records of their buckets.
		expect(await mainBlocks(db)).toEqual(blocksBefore);
		const deltas = (await storedKeys(db)).filter((k) => k >= DELTA_SPAN);
		expect(deltas.length).toBeGreaterThan(0);
		const buckets = new Set(ids.map(bucketOf));
		expect(new Set(deltas.map(bucketOfKey))).toEqual(buckets);
		// Each new lead has exactly its one first event, read through its bucket.
		for (const id of ids.slice(0, 20)) {
			const events = await stageEventsOfLead(db, id);
			expect(events).toHaveLength(1);
			expect(events[0]).toMatchObject({ leadId: id, at: AT });
		}
		const all = await readAllRecords(db);
		expect(all.stageEvents).toHaveLength(500);
		expect(new Set(all.stageEvents.map((e) => e.id)).size).toBe(500);
	});

	it('a paste with one bad row writes nothing, deltas included', async () => {
		const { db, history } = await seeded();
		const before = sortRecords(await readAllRecords(db));
		const keys = await storedKeys(db);
		const rows = pasted(50, 'Bad');
		rows[37] = { ...rows[37], ownerId: 'no-such-rep' };
		await expect(history.run(upsertMany('leads', rows))).rejects.toThrow(ValidationError);
		expect(await storedKeys(db)).toEqual(keys);
		expect(sortRecords(await readAllRecords(db))).toEqual(before);
	});

	it('undo removes the pasted leads and their events; redo brings them back', async () => {
		const { db, history } = await seeded();
		const before = sortRecords(await readAllRecords(db));
		await history.run(upsertMany('leads', pasted(300, 'New')));
		const after = sortRecords(await readAllRecords(db));
		expect(after.stageEvents).toHaveLength(500);
		await history.undo();
		const undone = sortRecords(await readAllRecords(db));
		expect(undone.leads.map((l) => l.id)).toEqual(before.leads.map((l) => l.id));
		expect(undone.stageEvents.map((e) => e.id)).toEqual(before.stageEvents.map((e) => e.id));
		expect((await storedKeys(db)).some((k) => k >= DELTA_SPAN)).toBe(false);
		await history.redo();
		const redone = sortRecords(await readAllRecords(db));
		expect(redone.stageEvents.map((e) => e.id)).toEqual(after.stageEvents.map((e) => e.id));
		expect(redone.leads.map((l) => [l.id, l.name])).toEqual(after.leads.map((l) => [l.id, l.name]));
	});

	it('a move of a pasted lead folds its bucket: one block, both events, history in order', async () => {
		const { db, history } = await seeded();
		const [id] = await history.run(upsertMany('leads', pasted(40, 'New')));
		await history.run(moveLead(id, 'won', { at: '2026-04-01T09:00:00.000Z' }));
		const bucket = bucketOf(id);
		const keys = await storedKeys(db);
		expect(keys.filter((k) => k >= DELTA_SPAN && bucketOfKey(k) === bucket)).toEqual([]);
		const events = await stageEventsOfLead(db, id);
		expect(events.map((e) => e.stageId)).toEqual(['contacted', 'won']);
		// Every event of the bucket is still there, in its one block.
		const block = (await db.stageEventBlocks.get(bucket)) as StageEventBlock;
		const all = await readAllRecords(db);
		expect(block.count).toBe(all.stageEvents.filter((e) => bucketOf(e.leadId) === bucket).length);
	});

	it('the bin and the lead page see delta rows', async () => {
		const { db, history } = await seeded();
		const ids = await history.run(upsertMany('leads', pasted(10, 'New')));
		const events = await stageEventsOfLead(db, ids[3]);
		const { deleteRecords } = await import('./commands');
		await history.run(deleteRecords('stageEvents', [events[0].id]));
		const bin = await listDeleted(db);
		expect(bin.some((e) => e.list === 'stageEvents' && e.record.id === events[0].id)).toBe(true);
		expect(await stageEventsOfLead(db, ids[3])).toEqual([]);
		expect(await stageEventsOfLead(db, ids[3], { includeDeleted: true })).toHaveLength(1);
		// Emptying the bin removes it for good; the other pasted leads keep their events.
		await history.run(emptyBin());
		expect(await stageEventsOfLead(db, ids[3], { includeDeleted: true })).toEqual([]);
		for (const id of [...ids.slice(0, 3), ...ids.slice(4)])
			expect(await stageEventsOfLead(db, id)).toHaveLength(1);
		expect((await readAllRecords(db)).stageEvents).toHaveLength(209);
	});

	it('the KPI worker state after pastes (incremental) agrees with a cold build', async () => {
		const { db, history } = await seeded();
		const request = {
			from: Date.UTC(2026, 0, 1),
			to: Date.UTC(2027, 0, 1),
			now: Date.UTC(2026, 11, 1)
		};
		const host = new KpiEngineHost(db);
		await host.compute(request);
		const ids = await history.run(upsertMany('leads', pasted(120, 'A')));
		await history.run(upsertMany('leads', pasted(80, 'B')));
		await history.run(moveLead(ids[5], 'won', { at: '2026-05-01T09:00:00.000Z' }));
		await history.run(createLead({ name: 'One', createdAt: AT }));
		const warm = await host.compute(request);
		expect(warm.timings.refresh).toBe('incremental');
		const cold = computeKpis(datasetFromRecords(await readAllRecords(db), 'UTC'), {
			from: request.from,
			to: request.to,
			now: request.now
		});
		// Sums may be added in another order: equal up to rounding.
		expect(roundFloats(warm.result)).toEqual(roundFloats(cold));
		expect(cold.followUp.total).toBe(401);
		// And a fresh host (cold read of blocks and deltas) gives the same.
		expect(roundFloats((await new KpiEngineHost(db).compute(request)).result)).toEqual(
			roundFloats(cold)
		);
		// The columns every reader gets hold each event once.
		const cols = await readLogColumns(db);
		expect(new Set(cols.stageEvents.id).size).toBe(cols.stageEvents.count);
		expect(cols.stageEvents.count).toBe(402);
	});

	it(`folds a bucket's deltas into its block once it holds ${MAX_LOG_DELTAS}`, async () => {
		const { db, history } = await seeded();
		// Lead ids chosen to land in bucket 5: one paste each, then the next one folds.
		const ids: string[] = [];
		for (let n = 0; ids.length < MAX_LOG_DELTAS + 2; n++)
			if (bucketOf(`lead-${n}`) === 5) ids.push(`lead-${n}`);
		const deltasOf5 = async () =>
			(await storedKeys(db)).filter((k) => k >= DELTA_SPAN && bucketOfKey(k) === 5);
		for (let i = 0; i < MAX_LOG_DELTAS; i++) {
			await history.run(upsertMany('leads', [{ ...pasted(1, `P${i}`)[0], id: ids[i] }]));
			expect(await deltasOf5()).toHaveLength(i + 1);
		}
		await history.run(upsertMany('leads', [{ ...pasted(1, 'Fold')[0], id: ids[MAX_LOG_DELTAS] }]));
		expect(await deltasOf5()).toEqual([]);
		await history.run(
			upsertMany('leads', [{ ...pasted(1, 'Next')[0], id: ids[MAX_LOG_DELTAS + 1] }])
		);
		expect(await deltasOf5()).toHaveLength(1);
		// Every pasted lead has its one event, and the block holds the rest of the bucket.
		for (const id of ids) expect(await stageEventsOfLead(db, id)).toHaveLength(1);
		const all = await readAllRecords(db);
		expect(all.stageEvents).toHaveLength(200 + ids.length);
		const block = (await db.stageEventBlocks.get(5)) as StageEventBlock;
		expect(block.count).toBe(all.stageEvents.filter((e) => bucketOf(e.leadId) === 5).length - 1);
	});

	it('folding keeps the rows identical to one block written from all of them', async () => {
		const rows = (n: number, from: number, lead: (i: number) => string): StageEvent[] =>
			Array.from({ length: n }, (_, i) => ({
				id: `e${from + i}`,
				leadId: lead(i),
				stageId: ['lead', 'won', 'lost'][i % 3],
				at: new Date(Date.UTC(2026, 0, 1 + from + i, 9)).toISOString(),
				updatedAt: new Date(Date.UTC(2026, 1, 1 + i)).toISOString(),
				...(i % 2 ? { repId: `r${i % 5}` } : {}),
				...(i % 7 === 3 ? { deletedAt: '2026-05-01T00:00:00.000Z' } : {})
			}));
		const main = rows(30, 0, (i) => `l${i % 9}`);
		const d1 = rows(5, 100, (i) => `l${i % 2}`); // leads of the block again
		const d2 = rows(4, 200, (i) => `n${i}`); // new leads
		const whole = stageEventBlockFromRows(7, [...main, ...d1, ...d2], 'UTC');
		const merged = mergeLogDeltas(7, stageEventBlockFromRows(7, main, 'UTC'), [
			stageEventBlockFromRows(DELTA_SPAN * 8 + 1, d1, 'UTC'),
			stageEventBlockFromRows(DELTA_SPAN * 8 + 2, d2, 'UTC')
		]);
		expect(merged).toEqual(whole);
		expect(stageEventRowsOfBlock(merged as StageEventBlock)).toEqual(stageEventRowsOfBlock(whole));
		// No block yet: the deltas alone.
		expect(
			mergeLogDeltas(7, undefined, [stageEventBlockFromRows(DELTA_SPAN * 8 + 1, d2, 'UTC')])
		).toEqual(stageEventBlockFromRows(7, d2, 'UTC'));
	});

	it('foldLogDeltas and readLogBucket give what writeRecords stores for the same rows', async () => {
		const { db, history } = await seeded();
		await history.run(upsertMany('leads', pasted(150, 'New')));
		const records = await readAllRecords(db);
		const table = blockTable(db, 'stageEvents');
		const read = new Map<number, unknown>();
		for (let b = 0; b < 128; b++) read.set(b, await readLogBucket(table, b));
		await db.transaction('rw', db.stageEventBlocks, () => foldLogDeltas(table));
		expect((await storedKeys(db)).every((k) => k < DELTA_SPAN)).toBe(true);
		// An independent writer: the same records written whole into another database.
		const other = freshDb();
		await writeRecords(other, records, 'replace');
		const rowsOf = (b: StageEventBlock | undefined) =>
			stageEventRowsOfBlock(b).sort((x, y) => (x.id < y.id ? -1 : 1));
		for (let b = 0; b < 128; b++) {
			const mine = (await db.stageEventBlocks.get(b)) as StageEventBlock | undefined;
			const theirs = (await other.stageEventBlocks.get(b)) as StageEventBlock | undefined;
			expect(rowsOf(mine)).toEqual(rowsOf(theirs));
			// Typed arrays compared by content (IndexedDB's copies come from another realm here).
			expect(plain(read.get(b))).toEqual(plain(mine));
		}
	});
});
