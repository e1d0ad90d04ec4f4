import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	activitiesToColumns,
	columnsToActivities,
	columnsToStageEvents,
	stageEventsToColumns
} from '../domain/columns';
import { SHARED_FILE_VERSION, type Records } from '../domain/types';
import { parseSharedFile, serializeSharedFile, toSharedFile } from './shared-file';
import { isoOf, sharedFileChunks } from './shared-file-writer';
import { sampleFile, validRecordsArb } from './test-data';

const TZ = 'Europe/Copenhagen';
const WS = { name: 'Team "Nord"', currency: 'DKK', timeZone: TZ };
const AT = '2026-11-27T10:00:00Z';

/** The database's two views of the same data: logs as records and as stored columns. */
function views(records: Records) {
	const activities = activitiesToColumns(records.activities, TZ);
	const stageEvents = stageEventsToColumns(records.stageEvents, TZ);
	const rows: Records = {
		...records,
		activities: columnsToActivities(activities),
		stageEvents: columnsToStageEvents(stageEvents)
	};
	return { rows, columns: { ...records, activities, stageEvents } };
}

describe('isoOf', () => {
	it('writes what Date#toISOString writes, for any instant', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
					fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
					fc.constantFrom(0, -1, 86_399_999, -62_167_219_200_001, 253_402_300_800_000)
				),
				(ms) => {
					expect(isoOf(ms)).toBe(new Date(ms).toISOString());
				}
			),
			{ numRuns: 5000 }
		);
	});
});

describe('sharedFileChunks', () => {
	it('writes from the logs’ columns exactly the text serializeSharedFile writes from records', () => {
		fc.assert(
			fc.property(validRecordsArb, (records) => {
				const { rows, columns } = views(records);
				const text = sharedFileChunks({
					version: SHARED_FILE_VERSION,
					exportedAt: AT,
					workspace: WS,
					lists: columns
				}).join('');
				expect(text).toBe(serializeSharedFile(toSharedFile(rows, WS, AT)));
			}),
			{ numRuns: 150 }
		);
	});

	it('reads back as the same records, in chunks of about a megabyte for a large file', () => {
		const file = sampleFile();
		const many = Array.from({ length: 12_000 }, (_, i) => ({
			...file.activities[0],
			id: `a${i}`,
			note: i % 3 ? undefined : `note "${i}"\n`
		}));
		const { rows, columns } = views({ ...file, activities: many });
		const chunks = sharedFileChunks({
			version: SHARED_FILE_VERSION,
			exportedAt: AT,
			workspace: WS,
			lists: columns
		});
		expect(chunks.length).toBeGreaterThan(1);
		const parsed = parseSharedFile(chunks.join(''), 'x.json');
		expect(parsed.ok && parsed.file.activities).toEqual(rows.activities);
	});
});
