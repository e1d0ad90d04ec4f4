// updateDataset must give exactly what a full build of the changed records gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitiesToColumns, stageEventsToColumns } from '../../src/lib/domain/columns';
import type { Records } from '../../src/lib/domain/types';
import {
	computeKpis,
	datasetFromRecords,
	updateDataset,
	type DatasetChange,
	type KpiDataset
} from '../../src/lib/kpi';
import { optionsArb, recordsArb } from '../reference/random-records';

const LEAD_IDS = ['', 'lMissing', ...Array.from({ length: 14 }, (_, i) => `l${i}`)];
const leadOf = (leadId: string | null | undefined) => leadId || '';

/** Applies one change to `records` and to `ds`; returns both results. */
function step(
	records: Records,
	ds: KpiDataset,
	other: Records,
	replaced: string[],
	lists: boolean[],
	tz: string
): { records: Records; ds: KpiDataset } {
	const S = new Set(replaced);
	const acts = other.activities.filter((a) => S.has(leadOf(a.leadId)));
	const evs = other.stageEvents.filter((e) => S.has(e.leadId));
	const next: Records = {
		reps: lists[0] ? other.reps : records.reps,
		stages: lists[1] ? other.stages : records.stages,
		campaigns: lists[2] ? other.campaigns : records.campaigns,
		leads: lists[3] ? other.leads : records.leads,
		customers: lists[4] ? other.customers : records.customers,
		forecasts: lists[5] ? other.forecasts : records.forecasts,
		activities: [...records.activities.filter((a) => !S.has(leadOf(a.leadId))), ...acts],
		stageEvents: [...records.stageEvents.filter((e) => !S.has(e.leadId)), ...evs]
	};
	const change: DatasetChange = {
		logs: {
			leadIds: replaced,
			activities: activitiesToColumns(acts, tz),
			stageEvents: stageEventsToColumns(evs, tz)
		}
	};
	if (lists[0]) change.reps = other.reps;
	if (lists[1]) change.stages = other.stages;
	if (lists[2]) change.campaigns = other.campaigns;
	if (lists[3]) change.leads = other.leads;
	if (lists[4]) change.customers = other.customers;
	if (lists[5]) change.forecasts = other.forecasts;
	return { records: next, ds: updateDataset(ds, change) };
}

describe('updateDataset', () => {
	it('equals a full rebuild after one or two changes', () => {
		const changeArb = fc.record({
			other: recordsArb,
			replaced: fc.subarray(LEAD_IDS),
			lists: fc.array(
				fc.nat(3).map((k) => k === 0),
				{ minLength: 6, maxLength: 6 }
			)
		});
		fc.assert(
			fc.property(recordsArb, changeArb, changeArb, optionsArb, (records, c1, c2, o) => {
				const tz = o.timeZone;
				const ds0 = datasetFromRecords(records, tz);
				const before = computeKpis(ds0, o);
				const a = step(records, ds0, c1.other, c1.replaced, c1.lists, tz);
				expect(computeKpis(a.ds, o)).toEqual(computeKpis(datasetFromRecords(a.records, tz), o));
				const b = step(a.records, a.ds, c2.other, c2.replaced, c2.lists, tz);
				expect(computeKpis(b.ds, o)).toEqual(computeKpis(datasetFromRecords(b.records, tz), o));
				// The old dataset is left as it was.
				expect(computeKpis(ds0, o)).toEqual(before);
			}),
			{ numRuns: 300 }
		);
	}, 60_000);
});
