import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_LIST_NAMES, type Records } from '../domain/types';
import { canonicalJson } from '../io/merge';
import { validRecordsArb } from '../io/test-data';
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
