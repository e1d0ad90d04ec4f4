import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_LIST_NAMES, type Records } from '../domain/types';
import { canonicalJson } from '../io/merge';
import { validRecordsArb } from '../io/test-data';
import type { Customer, Lead } from '../domain/types';
import type { TragtDatabase } from './database';
import {
	applyChunkChanges,
	chunkOf,
	markChunkAware,
	readChunkedList,
	rebuildChunks
} from './entity-chunks';
import { writeMerge } from './merge-write';
import { readAllRecords, saveWorkspaceSettings, writeRecords } from './repositories';
import { closeAll, freshDb } from './test-util';

afterEach(closeAll);

function sorted(r: Records): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const l of RECORD_LIST_NAMES) out[l] = r[l].map((x) => canonicalJson(x)).sort();
	return out;
}

async function db(held: Records) {
	const d = freshDb();
	await saveWorkspaceSettings(d, {
		name: 'T',
		currency: 'DKK',
		timeZone: 'Europe/Copenhagen',
		meRepId: ''
	});
	await writeRecords(d, held, 'replace');
	return d;
}

describe('writeMerge', () => {
	it('stores exactly what writeRecords(…, "merge") stores (property)', async () => {
		await fc.assert(
			fc.asyncProperty(validRecordsArb, validRecordsArb, async (held, incoming) => {
				const a = await db(held);
				const b = await db(held);
				await writeRecords(a, incoming, 'merge');
				await writeMerge(b, incoming);
				expect(sorted(await readAllRecords(b))).toEqual(sorted(await readAllRecords(a)));
				await closeAll();
			}),
			{ numRuns: 12 }
		);
	}, 20_000);
});

/** The chunk copy of `list` as stored: each record's rows, by key (deltas under their chunk). */
async function chunkRows(d: TragtDatabase, list: 'leads' | 'customers') {
	const out: Record<string, string[]> = {};
	for (const rec of await d.entityChunks.where('list').equals(list).toArray()) {
		if (!rec.json) continue;
		const chunk = rec.key.split(':')[1];
		for (const r of JSON.parse(rec.json) as { id: string }[]) {
			// A row lives in its own chunk, once.
			expect(chunkOf(r.id)).toBe(Number(chunk));
			(out[chunk] ??= []).push(canonicalJson(r));
		}
	}
	for (const k in out) out[k].sort();
	return out;
}

/** Pastes `leads` the way a command does: new rows go to delta records beside their chunks. */
async function paste(d: TragtDatabase, leads: Lead[]) {
	await d.transaction('rw', d.leads, d.entityChunks, async () => {
		markChunkAware();
		await d.leads.bulkPut(leads);
		await applyChunkChanges(
			d,
			'leads',
			leads.map((l) => ({ id: l.id, after: l }))
		);
	});
}

describe('writeMerge: the chunk copy', () => {
	const lead = (id: string, name: string, updatedAt: string): Lead => ({
		id,
		name,
		ownerId: 'r1',
		origin: 'sales',
		createdAt: '2026-11-01T00:00:00.000Z',
		stageId: 'lead',
		updatedAt
	});

	it('equals the table and a chunk set rebuilt from it, deltas folded in (property)', async () => {
		await fc.assert(
			fc.asyncProperty(
				validRecordsArb,
				validRecordsArb,
				fc.integer({ min: 0, max: 150 }),
				fc.integer({ min: 0, max: 150 }),
				async (held, incoming, pasted, edited) => {
					const d = await db(held);
					// New rows in deltas of many chunks, then a merge that edits some of them
					// (later updatedAt) and adds more.
					const extra = Array.from({ length: pasted }, (_, i) =>
						lead(`p${i}`, `pasted ${i}`, '2026-11-02T00:00:00.000Z')
					);
					await paste(d, extra);
					const edits = extra
						.slice(0, edited)
						.map((l) => ({ ...l, name: `edited ${l.id}`, updatedAt: '2026-11-03T00:00:00.000Z' }));
					const more = Array.from({ length: edited }, (_, i) =>
						lead(`m${i}`, `merged ${i}`, '2026-11-03T00:00:00.000Z')
					);
					await writeMerge(d, { ...incoming, leads: [...incoming.leads, ...edits, ...more] });
					expect(await d.entityChunks.get('leads:meta')).toBeDefined();
					const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
					const copy = (await readChunkedList<Lead>(d, 'leads')).sort(byId);
					expect(copy).toEqual((await d.leads.toArray()).sort(byId));
					const customers = (await readChunkedList<Customer>(d, 'customers')).sort(byId);
					expect(customers).toEqual((await d.customers.toArray()).sort(byId));
					// Chunk by chunk, the same rows as a copy built from scratch.
					const merged = {
						leads: await chunkRows(d, 'leads'),
						customers: await chunkRows(d, 'customers')
					};
					await d.transaction('rw', d.leads, d.customers, d.entityChunks, async () => {
						await rebuildChunks(d, 'leads');
						await rebuildChunks(d, 'customers');
					});
					expect(merged).toEqual({
						leads: await chunkRows(d, 'leads'),
						customers: await chunkRows(d, 'customers')
					});
					// No delta record is left beside a chunk the merge wrote to.
					const touched = new Set([...incoming.leads, ...edits, ...more].map((l) => chunkOf(l.id)));
					const keys = (await d.entityChunks.toCollection().primaryKeys()) as string[];
					const left = keys.filter((k) => k.startsWith('leads:') && k.split(':').length === 3);
					expect(left.filter((k) => touched.has(Number(k.split(':')[1])))).toEqual([]);
					await closeAll();
				}
			),
			{ numRuns: 15 }
		);
	}, 20_000);
});
