import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	activitiesToColumns,
	columnsToActivities,
	columnsToStageEvents,
	stageEventsToColumns
} from '../domain/columns';
import { RECORD_LIST_NAMES, emptyRecords, type Activity, type Records } from '../domain/types';
import { winningRecords } from './csv-import/import-service';
import { canonicalJson, diffMerge } from './merge';
import { planMerge, type HeldRecords } from './merge-plan';
import { recordsArb, validRecordsArb } from './test-data';

const TZ = 'Europe/Copenhagen';

/** The database's view of `rows`: logs as stored columns. */
function held(rows: Records): HeldRecords {
	return {
		...rows,
		activities: activitiesToColumns(rows.activities, TZ),
		stageEvents: stageEventsToColumns(rows.stageEvents, TZ)
	};
}

/** Records as the database gives them back (log instants as UTC ISO strings). */
function stored(rows: Records): Records {
	return {
		...rows,
		activities: columnsToActivities(activitiesToColumns(rows.activities, TZ)),
		stageEvents: columnsToStageEvents(stageEventsToColumns(rows.stageEvents, TZ))
	};
}

function byId(rows: Records): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const l of RECORD_LIST_NAMES) out[l] = rows[l].map((r) => canonicalJson(r)).sort();
	return out;
}

describe('planMerge', () => {
	it('decides as diffMerge and winningRecords do on the stored form (property)', () => {
		fc.assert(
			fc.property(validRecordsArb, recordsArb, (mine, theirs) => {
				const current = stored(mine);
				const incoming = stored(theirs);
				const plan = planMerge(held(mine), theirs, TZ);
				expect(plan.counts).toEqual(diffMerge(current, incoming));
				expect(byId(stored(plan.writes))).toEqual(byId(winningRecords(current, incoming)));
			}),
			{ numRuns: 150 }
		);
	});

	it('decides the same when told the incoming ids are distinct (as in a checked file)', () => {
		fc.assert(
			fc.property(validRecordsArb, validRecordsArb, (mine, theirs) => {
				expect(planMerge(held(mine), theirs, TZ, { uniqueIds: true })).toEqual(
					planMerge(held(mine), theirs, TZ)
				);
			}),
			{ numRuns: 100 }
		);
	});

	it('sees the same activity spelled another way as unchanged, so a re-import writes nothing', () => {
		const a: Activity = {
			id: 'a1',
			updatedAt: '2026-11-03T09:00:00Z',
			repId: 'r1',
			type: 'call',
			at: '2026-11-03T10:00:00+01:00'
		};
		const mine = { ...emptyRecords(), activities: [a] };
		const again = {
			...emptyRecords(),
			activities: [{ ...a, updatedAt: '2026-11-03T10:00:00.000+01:00', at: '2026-11-03T09:00:00Z' }]
		};
		const plan = planMerge(held(mine), again, TZ);
		expect(plan.writes.activities).toEqual([]);
		expect(plan.counts.activities).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 1 });
	});

	it('counts a later tombstone as deleted and a new id as added, and writes both', () => {
		const a: Activity = {
			id: 'a1',
			updatedAt: '2026-11-03T09:00:00Z',
			repId: 'r1',
			type: 'call',
			at: '2026-11-03'
		};
		const gone = { ...a, updatedAt: '2026-11-04T09:00:00Z', deletedAt: '2026-11-04T09:00:00Z' };
		const b = { ...a, id: 'b1' };
		const plan = planMerge(
			held({ ...emptyRecords(), activities: [a] }),
			{
				...emptyRecords(),
				activities: [gone, b]
			},
			TZ
		);
		expect(plan.counts.activities).toEqual({ added: 1, updated: 0, deleted: 1, unchanged: 0 });
		expect(plan.writes.activities).toEqual([gone, b]);
	});
});
