// The worker's service over fake-indexeddb: nothing is written unless the whole file is valid;
// a valid file is written in one go; the same file twice does not duplicate; shared files
// merge in either order to the same data.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, workspaceDb } from '../../db/test-util';
import { readAllRecords, writeRecords } from '../../db/repositories';
import { defaultStages } from '../../domain/default-pipeline';
import { emptyRecords, RECORD_LIST_NAMES, type Records } from '../../domain/types';
import { recordsToCsvTables } from '../csv-export';
import { validRecordsArb } from '../test-data';
import { canonicalJson } from '../merge';
import { parseSharedFile, serializeSharedFile, toSharedFile } from '../shared-file';
import { ImportService } from './import-service';

afterEach(closeAll);

const mapping = {
	name: 'deal',
	owner: 'owner',
	stage: 'stage',
	createdAt: 'created',
	closedAt: 'closed',
	value: 'amount'
};
const settings = {
	kind: 'leads' as const,
	dateOrder: 'ymd' as const,
	decimalComma: false,
	mapping
};

function csv(rows: number, badRow?: number): string {
	const lines = ['deal,owner,stage,created,closed,amount'];
	for (let i = 2; i <= rows + 1; i++)
		lines.push(
			`Deal ${i},${i % 2 ? 'Ann' : 'Bo'},${i % 3 ? 'Won' : 'Prospecting'},${i === badRow ? '2024-31-01' : '2024-01-02'},${i % 3 ? '2024-02-03' : ''},${i}`
		);
	return lines.join('\r\n');
}

function canon(r: Records) {
	return RECORD_LIST_NAMES.map((l) =>
		(r[l] as { id: string }[]).map((x) => canonicalJson(x)).sort()
	);
}

describe('ImportService', () => {
	it('refuses a file with one bad date, naming row and column, and writes nothing', async () => {
		const { db } = await workspaceDb();
		const before = await readAllRecords(db);
		const s = new ImportService(() => db);
		await s.readCsv(csv(300, 120), 'deals.csv');
		const info = await s.convert(settings, 'x');
		expect(info.ok).toBe(false);
		expect(info.problems).toEqual([
			expect.objectContaining({ row: 120, column: 'created', value: '2024-31-01' })
		]);
		await expect(s.writeConverted('x')).rejects.toThrow();
		expect(canon(await readAllRecords(db))).toEqual(canon(before));
	});

	it('writes a valid file, shows a preview, and a second import of it adds nothing', async () => {
		const { db } = await workspaceDb();
		const s = new ImportService(() => db);
		const read = await s.readCsv(new TextEncoder().encode(csv(30)), 'deals.csv');
		expect(read.rowCount).toBe(30);
		const info = await s.convert(settings, 'x');
		expect(info.ok).toBe(true);
		expect(info.counts).toMatchObject({ leads: 30, reps: 2 });
		expect(info.newReps.sort()).toEqual(['Ann', 'Bo']);
		expect(info.preview.leads?.[0]).toMatchObject({ name: 'Deal 2', value: 2 });
		await s.writeConverted('x');
		const once = await readAllRecords(db);
		expect(once.leads).toHaveLength(30);
		expect(once.reps).toHaveLength(3); // Me, Ann, Bo
		await s.readCsv(csv(30), 'deals.csv');
		await s.convert(settings, 'x');
		await s.writeConverted('x');
		const twice = await readAllRecords(db);
		expect(twice.leads).toHaveLength(30);
		expect(twice.stageEvents).toHaveLength(once.stageEvents.length);
		expect(twice.reps).toHaveLength(3);
	});

	it("merges two teammates' shared files to the same data in either order", async () => {
		const stamp = '2026-01-01T00:00:00Z';
		const base = {
			stages: defaultStages(stamp),
			campaigns: [],
			activities: [],
			customers: [],
			forecasts: [],
			targets: []
		};
		const a: Records = {
			...base,
			reps: [{ id: 'ra', updatedAt: stamp, name: 'Ann', active: true }],
			leads: [
				{
					id: 'l1',
					updatedAt: stamp,
					name: 'One',
					ownerId: 'ra',
					origin: 'sales',
					createdAt: '2026-01-02',
					stageId: 'lead'
				},
				{
					id: 'l2',
					updatedAt: '2026-02-01T00:00:00Z',
					name: 'Two (Ann)',
					ownerId: 'ra',
					origin: 'sales',
					createdAt: '2026-01-02',
					stageId: 'lead'
				}
			],
			stageEvents: []
		};
		const b: Records = {
			...base,
			reps: [{ id: 'rb', updatedAt: stamp, name: 'Bo', active: true }],
			leads: [
				{
					id: 'l2',
					updatedAt: '2026-03-01T00:00:00Z',
					name: 'Two (Bo)',
					ownerId: 'rb',
					origin: 'sales',
					createdAt: '2026-01-02',
					stageId: 'lead'
				},
				{
					id: 'l3',
					updatedAt: stamp,
					name: 'Three',
					ownerId: 'rb',
					origin: 'sales',
					createdAt: '2026-01-05',
					stageId: 'lead',
					deletedAt: stamp
				}
			],
			stageEvents: []
		};
		const ws = { name: 'Team', currency: 'DKK', timeZone: 'UTC' };
		const fa = serializeSharedFile(toSharedFile(a, { ...ws, name: 'Ann' }, stamp));
		const fb = serializeSharedFile(toSharedFile(b, { ...ws, name: 'Bo' }, stamp));
		const results = [];
		for (const order of [
			[fa, fb],
			[fb, fa]
		]) {
			const { db } = await workspaceDb();
			const s = new ImportService(() => db);
			for (const f of order) {
				const info = await s.readShared(f, 'f.json', 'x');
				expect(info.ok).toBe(true);
				await s.writeShared('x');
			}
			const all = await readAllRecords(db);
			// The first-run rep differs per database; compare the merged lists.
			results.push(
				canon({ ...all, stages: [], reps: all.reps.filter((r) => r.id === 'ra' || r.id === 'rb') })
			);
			expect(all.leads.find((l) => l.id === 'l2')?.name).toBe('Two (Bo)');
		}
		expect(results[0]).toEqual(results[1]);
	});

	it('previews a shared file: workspace, reps, and per list new/updated/deleted/unchanged', async () => {
		const { db } = await workspaceDb();
		const s = new ImportService(() => db);
		const stamp = '2030-01-01T00:00:00Z';
		const file = toSharedFile(
			{
				reps: [{ id: 'rx', updatedAt: stamp, name: 'Xena', active: true }],
				stages: defaultStages(stamp).map((st) =>
					st.id === 'lost' ? { ...st, deletedAt: stamp } : st
				),
				campaigns: [],
				leads: [],
				stageEvents: [],
				activities: [],
				customers: [],
				forecasts: [],
				targets: []
			},
			{ name: 'Xena team', currency: 'EUR', timeZone: 'UTC' },
			stamp
		);
		const info = await s.readShared(serializeSharedFile(file), 'x.json', 'x');
		expect(info.workspace?.name).toBe('Xena team');
		expect(info.reps).toEqual([{ id: 'rx', name: 'Xena' }]);
		expect(info.counts?.reps).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 0 });
		expect(info.counts?.stages).toEqual({ added: 0, updated: 6, deleted: 1, unchanged: 0 });
		const newer = serializeSharedFile(file).replace('"version": 2', '"version": 7');
		const refused = await s.readShared(newer, 'new.json', 'x');
		expect(refused.ok).toBe(false);
		expect(refused.problems[0].message).toMatch(/7/);
		expect(refused.problems[0].message).toMatch(/2/);
	});
});

describe('CSV export then import through the wizard path', () => {
	it('is an identity: every exported table reads back as the same records (fast-check)', async () => {
		const { db } = await workspaceDb();
		const s = new ImportService(() => db);
		await fc.assert(
			fc.asyncProperty(validRecordsArb, async (records) => {
				const tables = recordsToCsvTables(records);
				for (const list of RECORD_LIST_NAMES) {
					const read = await s.readCsv(new TextEncoder().encode(tables[list]), `${list}.csv`);
					expect(read.tragtList).toBe(list);
					expect(read.bom).toBe(true);
					const info = await s.convertTragtTable(list, 'x');
					expect(info.rows).toBe(records[list].length);
					// The preview holds the first records exactly as they will be stored.
					expect(info.preview[list] ?? []).toEqual(records[list].slice(0, 10));
				}
			}),
			{ numRuns: 25 }
		);
	});

	it('random bytes and mutated files never crash the importer and never write', async () => {
		const { db } = await workspaceDb();
		const before = canon(await readAllRecords(db));
		const s = new ImportService(() => db);
		const seed = recordsToCsvTables({
			...emptyRecords(),
			leads: [
				{
					id: 'l',
					updatedAt: '2026-01-01T00:00:00Z',
					name: 'A',
					ownerId: 'me',
					origin: 'sales',
					createdAt: '2026-01-01',
					stageId: 'lead'
				}
			]
		}).leads;
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.uint8Array({ maxLength: 300 }),
					fc
						.tuple(fc.nat(seed.length), fc.string({ maxLength: 5 }))
						.map(([at, ins]) =>
							new TextEncoder().encode(seed.slice(0, at) + ins + seed.slice(at + 1))
						)
				),
				async (bytes) => {
					const read = await s.readCsv(bytes, 'x.csv');
					const info = read.tragtList
						? await s.convertTragtTable(read.tragtList, 'x')
						: await s.convert(settings, 'x');
					expect(info.problemCount).toBeGreaterThanOrEqual(info.problems.length);
				}
			),
			{ numRuns: 60 }
		);
		expect(canon(await readAllRecords(db))).toEqual(before);
	});
});

describe('ImportService.readShared from a file', () => {
	it('reads a file with a BOM and non-ASCII text as the same records', async () => {
		const { db } = await workspaceDb();
		const records = {
			...emptyRecords(),
			reps: [{ id: 'rø', updatedAt: '2026-01-01T00:00:00Z', name: 'Søren €', active: true }]
		};
		const text = serializeSharedFile(
			toSharedFile(
				records,
				{ name: 'Hold', currency: 'DKK', timeZone: 'UTC' },
				'2026-01-01T00:00:00Z'
			)
		);
		const s = new ImportService(() => db);
		const bytes = new TextEncoder().encode('\ufeff' + text);
		const info = await s.readShared(new Blob([bytes]), 'f.json', 'x');
		expect(info.ok && info.reps).toEqual([{ id: 'rø', name: 'Søren €' }]);
		const fromBytes = await s.readShared(bytes, 'f.json', 'x');
		expect(fromBytes.ok && fromBytes.reps).toEqual([{ id: 'rø', name: 'Søren €' }]);
	});
});

describe('ImportService.exportShared', () => {
	const NOW = '2026-11-27T10:00:00.000Z';

	async function blobText(b: Blob): Promise<string> {
		return new TextDecoder('utf-8', { fatal: true }).decode(await b.arrayBuffer());
	}

	it('exports exactly the text of the stored records, and it reads back as them (fast-check)', async () => {
		await fc.assert(
			fc.asyncProperty(validRecordsArb, async (records) => {
				const { db } = await workspaceDb('Europe/Copenhagen');
				await writeRecords(db, records, 'merge');
				const all = await readAllRecords(db);
				const s = new ImportService(() => db);
				const out = await s.exportShared('x', {}, NOW);
				const ws = { name: out.workspace.name, currency: 'DKK', timeZone: 'Europe/Copenhagen' };
				const text = await blobText(out.blob);
				expect(text).toBe(serializeSharedFile(toSharedFile(all, ws, NOW)));
				for (const l of RECORD_LIST_NAMES) expect(out.counts[l]).toBe(all[l].length);
				const back = parseSharedFile(text, 'x.json');
				expect(back.ok && canon(back.file)).toEqual(canon(all));
				await closeAll();
			}),
			{ numRuns: 15 }
		);
	});

	it('exports only the chosen rep when filtered', async () => {
		const { db, settings } = await workspaceDb();
		const stamp = '2026-01-01T00:00:00Z';
		const lead = (id: string, ownerId: string) => ({
			id,
			updatedAt: stamp,
			name: id,
			ownerId,
			origin: 'sales' as const,
			createdAt: '2026-01-02',
			stageId: 'lead'
		});
		await writeRecords(
			db,
			{
				...emptyRecords(),
				reps: [{ id: 'rb', updatedAt: stamp, name: 'Bo', active: true }],
				leads: [lead('l1', settings.meRepId), lead('l2', 'rb')]
			},
			'merge'
		);
		const s = new ImportService(() => db);
		const out = await s.exportShared('x', { repIds: ['rb'] }, NOW);
		const back = parseSharedFile(await blobText(out.blob), 'x.json');
		expect(back.ok && back.file.leads.map((l) => l.id)).toEqual(['l2']);
		expect(out.counts.leads).toBe(1);
	});
});
