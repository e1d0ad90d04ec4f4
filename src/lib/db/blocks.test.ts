import { describe, expect, it } from 'vitest';
import { activitiesToColumns, columnsToActivities, stageEventsToColumns } from '../domain/columns';
import type { Activity, StageEvent } from '../domain/types';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	blockMayHold,
	BUCKET_COUNT,
	bucketOf,
	concatActivityBlocks,
	decodeActivityBlock,
	decodeStageEventBlock,
	NO_LEAD_BUCKET,
	stageEventBlockFromRows,
	packStrings,
	unpackStrings
} from './blocks';

const row = (id: string, leadId: string | undefined, repId: string, note?: string): Activity => ({
	id,
	...(leadId ? { leadId } : {}),
	repId,
	type: 'call',
	at: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	...(note ? { note } : {})
});

describe('bucketOf', () => {
	it('is stable, in range, and spreads leads over the buckets', () => {
		expect(bucketOf('abc')).toBe(bucketOf('abc'));
		expect(bucketOf(undefined)).toBe(NO_LEAD_BUCKET);
		expect(bucketOf(null)).toBe(NO_LEAD_BUCKET);
		expect(bucketOf('')).toBe(NO_LEAD_BUCKET);
		const used = new Set<number>();
		for (let i = 0; i < 5000; i++) {
			const b = bucketOf(crypto.randomUUID());
			expect(b >= 0 && b < BUCKET_COUNT).toBe(true);
			used.add(b);
		}
		expect(used.size).toBe(BUCKET_COUNT);
	});
});

describe('packed strings', () => {
	it('round-trips, falls back to an array for ids holding a newline, and finds whole ids', () => {
		expect(unpackStrings(packStrings(['a', 'bb', 'c']), 3)).toEqual(['a', 'bb', 'c']);
		expect(unpackStrings(packStrings([]), 0)).toEqual([]);
		expect(unpackStrings(packStrings(['']), 1)).toEqual(['']);
		expect(packStrings(['x\ny', 'z'])).toEqual(['x\ny', 'z']);
		const b = { ids: packStrings(['abc', 'ab', 'xabcx']), count: 3 };
		expect(blockMayHold(b, 'ab')).toBe(true);
		expect(blockMayHold(b, 'bc')).toBe(false);
		expect(blockMayHold(b, 'xabcx')).toBe(true);
		expect(blockMayHold(b, 'abcx')).toBe(false);
		// An empty id is found only where a slot is empty (and the search ends).
		expect(blockMayHold(b, '')).toBe(false);
		expect(blockMayHold({ ids: packStrings(['']), count: 1 }, '')).toBe(true);
		expect(blockMayHold({ ids: packStrings(['a', '', 'b']), count: 3 }, '')).toBe(true);
		expect(blockMayHold({ ids: packStrings(['a', '']), count: 2 }, '')).toBe(true);
	});
});

describe('activity blocks', () => {
	it('encode and decode rows with sparse notes', () => {
		const rows = [
			row('1', 'L', 'r1', 'hi'),
			row('2', 'L', 'r2'),
			row('3', undefined, 'r1', 'a\nb')
		];
		expect(activityRowsOfBlock(activityBlockFromRows(5, rows, 'UTC'))).toEqual(rows);
	});

	it('concatenate with a shared rep dictionary and offset lead indexes', () => {
		const b1 = activityBlockFromRows(1, [row('1', 'L1', 'r1'), row('2', 'L2', 'r2')], 'UTC');
		const b2 = activityBlockFromRows(
			2,
			[row('3', 'L3', 'r2', 'n'), row('4', undefined, 'r3')],
			'UTC'
		);
		const cols = concatActivityBlocks([b1, b2]);
		const expected = [
			row('1', 'L1', 'r1'),
			row('2', 'L2', 'r2'),
			row('3', 'L3', 'r2', 'n'),
			row('4', undefined, 'r3')
		];
		expect(columnsToActivities(cols)).toEqual(expected);
		expect(cols.repDict).toEqual(['r1', 'r2', 'r3']);
		// Same content as converting the rows directly.
		expect(columnsToActivities(activitiesToColumns(expected, 'UTC'))).toEqual(expected);
	});
});

describe('block encoding agrees with the domain column converters', () => {
	it('for every instant form: Z with and without ms, offsets, no offset, date-only', () => {
		const forms = [
			'2026-03-29T01:30:00Z',
			'2026-03-29T01:30:00.250Z',
			'2026-03-29T03:30:00+02:00',
			'2026-03-29T02:30:00',
			'2026-03-29',
			'2026-10-25T02:30:00.5Z'
		];
		const rows: Activity[] = forms.map((at, i) => ({
			id: 'a' + i,
			leadId: i % 2 ? 'L1' : undefined,
			repId: 'r' + (i % 3),
			type: (['call', 'email', 'meeting', 'other'] as const)[i % 4],
			at,
			updatedAt: forms[(i + 1) % forms.length],
			...(i === 2 ? { deletedAt: '2026-04-01T00:00:00+01:00', response: 'negative' as const } : {}),
			...(i === 3 ? { note: 'n' } : {})
		}));
		const tz = 'Europe/Copenhagen';
		const mine = decodeActivityBlock(activityBlockFromRows(0, rows, tz));
		const theirs = activitiesToColumns(rows, tz);
		expect(mine).toEqual(theirs);
		const events: StageEvent[] = rows.map((r, i) => ({
			id: 'e' + i,
			leadId: 'L' + (i % 2),
			stageId: 's' + (i % 3),
			at: r.at,
			updatedAt: r.updatedAt,
			...(i % 2 ? { repId: 'r' } : {}),
			...(r.deletedAt ? { deletedAt: r.deletedAt } : {})
		}));
		expect(decodeStageEventBlock(stageEventBlockFromRows(0, events, tz))).toEqual(
			stageEventsToColumns(events, tz)
		);
	});
});
