import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	activitiesToColumns,
	columnsToActivities,
	columnsToStageEvents,
	stageEventsToColumns
} from '../domain/columns';
import {
	RECORD_LIST_NAMES,
	SHARED_FILE_VERSION,
	type Activity,
	type Records,
	type StageEvent
} from '../domain/types';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	bucketOf,
	stageEventBlockFromRows,
	stageEventRowsOfBlock
} from '../db/blocks';
import { RECORD_COLUMNS } from './schema';
import { ByteWriter, sharedFileBytes, sharedFileBytesAsync } from './shared-file-bytes';
import { sharedFileChunks } from './shared-file-writer';
import { sampleFile, validRecordsArb } from './test-data';

const TZ = 'Europe/Copenhagen';
const WS = { name: 'Team "Nord" æ', currency: 'DKK', timeZone: TZ };
const AT = '2026-11-27T10:00:00Z';

/** The text of UTF-8 bytes; throws on a malformed sequence, so equal texts mean equal bytes. */
const decode = (parts: Uint8Array[]) =>
	new TextDecoder('utf-8', { fatal: true }).decode(concat(parts));

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

/**
 * An independent writer of the format (data-format.md, serializeSharedFile's layout): one
 * JSON.stringify per record of an object with the schema's fields in order.
 */
function reference(records: Records): string {
	const lists = RECORD_LIST_NAMES.map((l) => {
		const rows = records[l] as unknown as Record<string, unknown>[];
		if (rows.length === 0) return `\t"${l}": []`;
		const lines = rows.map((r) => {
			const o: Record<string, unknown> = {};
			for (const c of RECORD_COLUMNS[l]) if (r[c] !== undefined && r[c] !== null) o[c] = r[c];
			return '\t\t' + JSON.stringify(o);
		});
		return `\t"${l}": [\n${lines.join(',\n')}\n\t]`;
	});
	const head = [
		'\t"format": "tragt"',
		`\t"version": ${SHARED_FILE_VERSION}`,
		`\t"exportedAt": ${JSON.stringify(AT)}`,
		`\t"workspace": ${JSON.stringify(WS)}`
	];
	return `{\n${[...head, ...lists].join(',\n')}\n}\n`;
}

/** The logs as the database stores them: blocks by bucket, rows in block order. */
function stored(records: Records) {
	const byBucket = <T extends { leadId?: string | null }>(rows: readonly T[]) => {
		const m = new Map<number, T[]>();
		for (const r of rows) {
			const b = bucketOf(r.leadId);
			if (!m.has(b)) m.set(b, []);
			m.get(b)!.push(r);
		}
		return [...m.entries()].sort((a, b) => a[0] - b[0]);
	};
	const aBlocks = byBucket(records.activities).map(([b, rows]) =>
		activityBlockFromRows(b, rows as Activity[], TZ)
	);
	const eBlocks = byBucket(records.stageEvents).map(([b, rows]) =>
		stageEventBlockFromRows(b, rows as StageEvent[], TZ)
	);
	const rows: Records = {
		...records,
		activities: aBlocks.flatMap((b) => activityRowsOfBlock(b)),
		stageEvents: eBlocks.flatMap((b) => stageEventRowsOfBlock(b))
	};
	return { rows, aBlocks, eBlocks };
}

const head = { version: SHARED_FILE_VERSION, exportedAt: AT, workspace: WS };

describe('sharedFileBytes', () => {
	it('writes the UTF-8 bytes of the text writer and of a plain JSON.stringify writer, from rows, columns or stored blocks', () => {
		fc.assert(
			fc.property(validRecordsArb, (records) => {
				const { rows, aBlocks, eBlocks } = stored(records);
				const text = reference(rows);
				expect(sharedFileChunks({ ...head, lists: rows }).join('')).toBe(text);
				const fromRows = decode(sharedFileBytes({ ...head, lists: rows }));
				const fromBlocks = decode(
					sharedFileBytes({
						...head,
						lists: { ...rows, activities: { blocks: aBlocks }, stageEvents: { blocks: eBlocks } }
					})
				);
				const fromColumns = decode(
					sharedFileBytes({
						...head,
						lists: {
							...rows,
							activities: activitiesToColumns(rows.activities, TZ),
							stageEvents: stageEventsToColumns(rows.stageEvents, TZ)
						}
					})
				);
				expect(fromRows).toBe(text);
				expect(fromBlocks).toBe(text);
				expect(fromColumns).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});

	it('splits a large file into buffers and escapes ids and notes that need it', () => {
		const file = sampleFile();
		const activities: Activity[] = Array.from({ length: 15_000 }, (_, i) => ({
			...file.activities[0],
			id: i === 7 ? 'a "quoted" \\ id' : i === 8 ? 'ø-id' : `a${i}`,
			leadId: `lead-${i % 40}`,
			note: i % 3 ? undefined : i % 2 ? `note "${i}"\n` : `plain ${i} €`
		}));
		const stageEvents: StageEvent[] = Array.from({ length: 3000 }, (_, i) => ({
			...file.stageEvents[0],
			id: i === 5 ? 'two\nlines' : `e${i}`,
			leadId: `lead-${i % 40}`,
			repId: i % 2 ? undefined : 'r"1'
		}));
		const { rows, aBlocks, eBlocks } = stored({ ...file, activities, stageEvents });
		const parts = sharedFileBytes({
			...head,
			lists: { ...rows, activities: { blocks: aBlocks }, stageEvents: { blocks: eBlocks } }
		});
		expect(parts.length).toBeGreaterThan(1);
		expect(decode(parts)).toBe(reference(rows));
		// Through a sink that copies: the writer reuses its buffer, the bytes stay the same.
		const copies: Uint8Array[] = [];
		const none = sharedFileBytes(
			{
				...head,
				lists: { ...rows, activities: { blocks: aBlocks }, stageEvents: { blocks: eBlocks } }
			},
			(b) => copies.push(b.slice())
		);
		expect(none).toEqual([]);
		expect(copies.length).toBe(parts.length);
		expect(decode(copies)).toBe(reference(rows));
		expect(rows.activities.some((a) => a.id === 'a "quoted" \\ id')).toBe(true);
		const back = JSON.parse(decode(parts)) as Records;
		expect(back.stageEvents.map((e) => e.id)).toContain('two\nlines');
		expect(columnsToActivities(activitiesToColumns(back.activities, TZ))).toEqual(rows.activities);
		expect(columnsToStageEvents(stageEventsToColumns(back.stageEvents, TZ))).toEqual(
			rows.stageEvents
		);
	});
});

describe('sharedFileBytesAsync', () => {
	it('writes the same bytes from lists and block batches that arrive later, empty ones too', async () => {
		const file = sampleFile();
		const { rows, aBlocks, eBlocks } = stored(file);
		const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 1));
		const copies: Uint8Array[] = [];
		const counts = await sharedFileBytesAsync(
			{
				...head,
				lists: {
					...rows,
					reps: later(rows.reps),
					leads: later(rows.leads),
					// A batch of no blocks, and a log with no rows at all, stay valid JSON.
					activities: { batches: [later([]), later(aBlocks), later([])] },
					stageEvents: { batches: [later(eBlocks.slice(0, 1)), later(eBlocks.slice(1))] },
					customers: later([])
				}
			},
			(b) => copies.push(b.slice())
		);
		expect(decode(copies)).toBe(reference({ ...rows, customers: [] }));
		expect(counts.activities).toBe(rows.activities.length);
		expect(counts.customers).toBe(0);
		expect(counts.leads).toBe(rows.leads.length);
	});
});

describe('ByteWriter.putIso', () => {
	it('writes what Date#toISOString writes, for any instant', () => {
		const w = new ByteWriter();
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
					fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
					fc.constantFrom(
						0,
						-1,
						86_399_999,
						951_782_400_000, // 2000-02-29
						-62_167_219_200_001,
						253_402_300_800_000,
						8.64e15
					)
				),
				(ms) => {
					w.room(30);
					w.putIso(ms);
					expect(decode(w.parts())).toBe(new Date(ms).toISOString());
				}
			),
			{ numRuns: 5000 }
		);
	});

	it('refuses an unreadable instant as toISOString does', () => {
		const w = new ByteWriter();
		w.room(30);
		expect(() => w.putIso(NaN)).toThrow(RangeError);
	});
});
