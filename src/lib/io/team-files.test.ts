import { describe, expect, it } from 'vitest';
import { emptyRecords } from '../domain/types';
import {
	fileSlug,
	folderFileName,
	isStale,
	isTeamFile,
	newestChange,
	repsOf,
	sendFileName,
	withMerged
} from './team-files';

describe('team file names', () => {
	it('say who and when, sort by rep then date, and survive any name', () => {
		expect(sendFileName('Mette Holm', '2026-12-07T10:00:00.000Z')).toBe(
			'tragt-mette-holm-2026-12-07.tragt.json'
		);
		expect(fileSlug('Søren Ørsted-Åberg')).toBe('soeren-oersted-aaberg');
		expect(fileSlug('José Müller')).toBe('jose-muller');
		expect(fileSlug('  ../..  ')).toBe('tragt');
		expect(folderFileName('Bo')).toBe('tragt-bo.tragt.json');
		expect(isTeamFile('tragt-bo.tragt.json')).toBe(true);
		expect(isTeamFile('notes.txt')).toBe(false);
		expect(isTeamFile('.sync-state.json')).toBe(false);
	});
});

describe('freshness', () => {
	const now = Date.parse('2026-12-07T12:00:00Z');

	it('is stale after a week, or when nothing ever came', () => {
		expect(isStale('2026-12-01T12:00:00Z', now)).toBe(false);
		expect(isStale('2026-11-30T11:59:59Z', now)).toBe(true);
		expect(isStale(undefined, now)).toBe(true);
	});

	it('the newest change of a file is its latest updatedAt of any record', () => {
		const r = emptyRecords();
		r.reps.push({ id: 'a', updatedAt: '2026-11-01T00:00:00Z', name: 'A', active: true });
		r.activities.push({
			id: 'x',
			updatedAt: '2026-11-20T08:00:00+01:00',
			repId: 'a',
			type: 'call',
			at: '2026-11-20'
		});
		expect(newestChange(r)).toBe('2026-11-20T08:00:00+01:00');
		expect(newestChange(emptyRecords())).toBeUndefined();
	});

	it('a merge makes the reps whose records it holds as fresh as its export, never older', () => {
		const file = { ...emptyRecords(), exportedAt: '2026-12-05T09:00:00Z' };
		file.leads.push({
			id: 'l',
			updatedAt: '2026-12-05T08:00:00Z',
			name: 'L',
			ownerId: 'bo',
			origin: 'sales',
			createdAt: '2026-12-01',
			stageId: 'lead'
		});
		const merged = {
			exportedAt: file.exportedAt,
			fileName: 'tragt-bo.tragt.json',
			repIds: repsOf(file)
		};
		expect(merged.repIds).toEqual(['bo']);
		const after = withMerged({}, [merged], '2026-12-07T12:00:00Z');
		expect(after).toEqual({
			bo: {
				exportedAt: '2026-12-05T09:00:00Z',
				fileName: 'tragt-bo.tragt.json',
				mergedAt: '2026-12-07T12:00:00Z'
			}
		});
		// An older file of Bo's merged later does not make him look staler.
		const older = { ...merged, exportedAt: '2026-11-01T09:00:00Z', fileName: 'old.json' };
		expect(withMerged(after, [older], '2026-12-07T13:00:00Z')).toEqual(after);
	});
});
