// A team folder's files through the import worker over fake-indexeddb: each read on its own with
// what it brings; an unreadable one named and kept out; the chosen ones merged in one step, the
// same whatever their order; the team's freshness kept in the same write.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, workspaceDb } from '../../db/test-util';
import { readAllRecords } from '../../db/repositories';
import { defaultStages } from '../../domain/default-pipeline';
import { emptyRecords, type Records } from '../../domain/types';
import { canonicalJson } from '../merge';
import { serializeSharedFile, toSharedFile } from '../shared-file';
import { TEAM_FRESHNESS_KEY } from '../team-files';
import { ImportService } from './import-service';

afterEach(closeAll);

const T = '2026-12-01T10:00:00.000Z';

/** A teammate's file: their rep, one lead and one call, exported at `exportedAt`. */
function teammate(id: string, name: string, exportedAt: string): Blob {
	const r: Records = emptyRecords();
	r.reps.push({ id, updatedAt: T, name, active: true });
	r.stages.push(...defaultStages(T));
	r.leads.push({
		id: `lead-${id}`,
		updatedAt: exportedAt,
		name: `${name}'s lead`,
		ownerId: id,
		origin: 'sales',
		createdAt: '2026-11-20',
		stageId: 'lead'
	});
	r.activities.push({
		id: `call-${id}`,
		updatedAt: exportedAt,
		repId: id,
		leadId: `lead-${id}`,
		type: 'call',
		at: '2026-11-21'
	});
	const file = toSharedFile(r, { name: `${name}`, currency: 'DKK', timeZone: 'UTC' }, exportedAt);
	return new Blob([serializeSharedFile(file)]);
}

const files = () => [
	{ name: 'tragt-ann.tragt.json', blob: teammate('ann', 'Ann', '2026-12-06T09:00:00.000Z') },
	{ name: 'tragt-bo.tragt.json', blob: teammate('bo', 'Bo', '2026-11-10T09:00:00.000Z') },
	{ name: 'tragt-cy.tragt.json', blob: new Blob(['{"format":"tragt","version":1,"reps":[']) }
];

describe('team folder files', () => {
	it('each is read on its own with what it brings; an unreadable one is named and kept out', async () => {
		const { db } = await workspaceDb();
		const s = new ImportService(() => db);
		const infos = await s.readTeamFiles(files(), 'x');
		expect(infos.map((i) => [i.fileName, i.ok])).toEqual([
			['tragt-ann.tragt.json', true],
			['tragt-bo.tragt.json', true],
			['tragt-cy.tragt.json', false]
		]);
		expect(infos[0]).toMatchObject({
			exportedAt: '2026-12-06T09:00:00.000Z',
			newestChange: '2026-12-06T09:00:00.000Z',
			reps: [{ id: 'ann', name: 'Ann' }]
		});
		expect(infos[0].counts?.leads).toMatchObject({ added: 1 });
		expect(infos[0].counts?.activities).toMatchObject({ added: 1 });
		expect(infos[2].problems[0].file).toBe('tragt-cy.tragt.json');
		expect(infos[2].problems[0].message).toMatch(/JSON/i);
	});

	it('the chosen files merge in one step, in any order to the same data, with their freshness', async () => {
		const results: string[] = [];
		for (const order of [
			['tragt-ann.tragt.json', 'tragt-bo.tragt.json'],
			['tragt-bo.tragt.json', 'tragt-ann.tragt.json']
		]) {
			const { db } = await workspaceDb();
			const s = new ImportService(() => db);
			await s.readTeamFiles(files(), 'x');
			// The unreadable file is asked for too: nothing of it is written.
			const { rows } = await s.mergeTeamFiles('x', [...order, 'tragt-cy.tragt.json']);
			expect(rows).toBeGreaterThanOrEqual(4);
			const all = await readAllRecords(db);
			expect(all.leads.map((l) => l.id).sort()).toEqual(['lead-ann', 'lead-bo']);
			expect(all.activities.map((a) => a.leadId).sort()).toEqual(['lead-ann', 'lead-bo']);
			const fresh = (await db.settings.get(TEAM_FRESHNESS_KEY))?.value as Record<
				string,
				{ exportedAt: string; fileName: string }
			>;
			expect(fresh.ann).toMatchObject({
				exportedAt: '2026-12-06T09:00:00.000Z',
				fileName: 'tragt-ann.tragt.json'
			});
			expect(fresh.bo.exportedAt).toBe('2026-11-10T09:00:00.000Z');
			results.push(
				canonicalJson({ leads: all.leads, activities: all.activities.map((a) => a.id).sort() })
			);
		}
		expect(results[0]).toBe(results[1]);
	});

	it('a single shared file merged through the preview keeps its freshness too', async () => {
		const { db } = await workspaceDb();
		const s = new ImportService(() => db);
		const info = await s.readShared(
			teammate('dy', 'Dy', '2026-12-05T08:00:00.000Z'),
			'dy.json',
			'x'
		);
		expect(info.ok).toBe(true);
		await s.writeShared('x');
		const fresh = (await db.settings.get(TEAM_FRESHNESS_KEY))?.value as Record<string, unknown>;
		expect(fresh.dy).toMatchObject({ exportedAt: '2026-12-05T08:00:00.000Z', fileName: 'dy.json' });
	});
});
