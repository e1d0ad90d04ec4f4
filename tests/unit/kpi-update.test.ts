// updateDataset must give exactly what a full build of the changed records gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitiesToColumns, stageEventsToColumns } from '../../src/lib/domain/columns';
import type { Activity, Records } from '../../src/lib/domain/types';
import {
	computeKpis,
	datasetFromRecords,
	kpiRecords,
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
	tz: string,
	inPlace: boolean
): { records: Records; ds: KpiDataset } {
	const S = new Set(replaced);
	const acts = other.activities.filter((a) => S.has(leadOf(a.leadId)));
	const evs = other.stageEvents.filter((e) => S.has(e.leadId));
	const next: Records = {
		// The lists no change names (targets) stay as they were.
		...records,
		reps: lists[0] ? other.reps : records.reps,
		stages: lists[1] ? other.stages : records.stages,
		campaigns: lists[2] ? other.campaigns : records.campaigns,
		leads: lists[3] ? other.leads : records.leads,
		customers: lists[4] ? other.customers : records.customers,
		forecasts: lists[5] ? other.forecasts : records.forecasts,
		targets: records.targets,
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
	return { records: next, ds: updateDataset(ds, change, { inPlace }) };
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
			fc.property(
				recordsArb,
				changeArb,
				changeArb,
				optionsArb,
				fc.boolean(),
				(records, c1, c2, o, inPlace) => {
					const tz = o.timeZone;
					const ds0 = datasetFromRecords(records, tz);
					const before = computeKpis(ds0, o);
					const a = step(records, ds0, c1.other, c1.replaced, c1.lists, tz, inPlace);
					expect(computeKpis(a.ds, o)).toEqual(computeKpis(datasetFromRecords(a.records, tz), o));
					const b = step(a.records, a.ds, c2.other, c2.replaced, c2.lists, tz, inPlace);
					expect(computeKpis(b.ds, o)).toEqual(computeKpis(datasetFromRecords(b.records, tz), o));
					// Unless updated in place, the old dataset is left as it was.
					if (!inPlace) expect(computeKpis(ds0, o)).toEqual(before);
				}
			),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('patches only the edited leads, and still equals a full rebuild (edit sequences)', () => {
		// Edits as the app makes them: a lead's fields change, a lead is added at the end, the
		// log rows of a few leads are rewritten (a block), customers or forecasts change.
		const editArb = fc.record({
			other: recordsArb,
			edited: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { maxLength: 2 }),
			// Now and then a lead goes to the bin (a full derivation, rows set aside).
			deleted: fc.nat(9),
			append: fc.boolean(),
			logLeads: fc.subarray(LEAD_IDS, { maxLength: 3 }),
			newLeadLogs: fc.boolean(),
			// As a rewritten block: the leads' current rows stay, some go, the other's are added.
			keepOld: fc.boolean(),
			// Sometimes no row goes: every old row is found again (the path without a scan).
			dropEvery: fc.constantFrom(2, 3, 5, 1e9),
			customers: fc.nat(4).map((k) => k === 0),
			forecasts: fc.nat(4).map((k) => k === 0)
		});
		let patched = 0;
		let steps = 0;
		fc.assert(
			fc.property(
				recordsArb,
				fc.array(editArb, { minLength: 1, maxLength: 4 }),
				optionsArb,
				// Copies, in place, and in place naming the changed leads (as the worker does).
				fc.constantFrom('copy', 'inPlace', 'hint'),
				(start, edits, o, mode) => {
					const tz = o.timeZone;
					let records = start;
					let ds = datasetFromRecords(records, tz);
					edits.forEach((e, step) => {
						const leads = records.leads.map((l, i) => {
							const src = e.other.leads[i];
							// Keep the lead live if it was: a deletion is tested by the first property.
							if (i === e.deleted && !l.deletedAt)
								return { ...l, deletedAt: '2025-06-01T00:00:00Z' };
							return e.edited.includes(i) && src ? { ...src, id: l.id, deletedAt: l.deletedAt } : l;
						});
						const newId = `n${step}`;
						if (e.append && e.other.leads[0]) {
							leads.push({ ...e.other.leads[0], id: newId, deletedAt: undefined });
						}
						const changedLeads =
							leads.some((l, i) => l !== records.leads[i]) || leads.length !== records.leads.length;
						const replaced = [...e.logLeads, ...(e.newLeadLogs ? [newId] : [])];
						const S = new Set(replaced);
						// The new lead's rows are the other workspace's rows of l0, renamed.
						const rename = (id: string | null | undefined) =>
							id === 'l0' && e.newLeadLogs ? newId : leadOf(id);
						const kept = e.keepOld
							? records.activities.filter(
									(a, k) => S.has(leadOf(a.leadId)) && k % e.dropEvery !== 0
								)
							: [];
						const acts = [
							...kept,
							...e.other.activities
								.filter((a) => S.has(rename(a.leadId)) || S.has(leadOf(a.leadId)))
								.map((a) => (S.has(leadOf(a.leadId)) ? a : { ...a, leadId: newId }))
						];
						const evs = e.other.stageEvents
							.filter((ev) => S.has(rename(ev.leadId)) || S.has(ev.leadId))
							.map((ev) => (S.has(ev.leadId) ? ev : { ...ev, leadId: newId }));
						const next: Records = {
							...records,
							leads: changedLeads ? leads : records.leads,
							customers: e.customers ? e.other.customers : records.customers,
							forecasts: e.forecasts ? e.other.forecasts : records.forecasts,
							activities: [
								...records.activities.filter((a) => !S.has(leadOf(a.leadId)) && !acts.includes(a)),
								...acts
							],
							stageEvents: [...records.stageEvents.filter((ev) => !S.has(ev.leadId)), ...evs]
						};
						const change: DatasetChange = {};
						if (changedLeads) change.leads = leads;
						if (changedLeads && mode === 'hint') {
							change.changedLeads = leads.filter((l, i) => l !== records.leads[i]);
						}
						if (e.customers) change.customers = next.customers;
						if (e.forecasts) change.forecasts = next.forecasts;
						if (replaced.length > 0) {
							change.logs = {
								leadIds: replaced,
								activities: activitiesToColumns(acts, tz),
								stageEvents: stageEventsToColumns(evs, tz)
							};
						}
						const updated = updateDataset(ds, change, { inPlace: mode !== 'copy' });
						steps++;
						// The fast path keeps the rep index; a full derivation builds a new one.
						if (updated.repIndex === ds.repIndex) patched++;
						const rebuilt = datasetFromRecords(next, tz);
						expect(computeKpis(updated, o)).toEqual(computeKpis(rebuilt, o));
						for (const kpi of ['activities', 'responses', 'winLoss', 'followUp'] as const) {
							expect(kpiRecords(updated, o, kpi).sort()).toEqual(
								kpiRecords(rebuilt, o, kpi).sort()
							);
						}
						records = next;
						ds = updated;
					});
				}
			),
			{ numRuns: 200 }
		);
		// The property above must have exercised the fast path, not only the fallback.
		expect(patched).toBeGreaterThan(steps / 3);
	}, 60_000);

	it('takes the rows without a lead as a delta (added, changed, deleted, purged) as a rebuild would', () => {
		// The worker's edit of the prospecting bucket: the old versions of the rows that went or
		// changed are named, the new versions and new rows come in `activities`, beside the
		// replaced rows of some leads.
		const editArb = fc.record({
			other: recordsArb,
			// Each old row without a lead: 0 stays, 1 changes, 2 is deleted, 3 is purged.
			fate: fc.array(
				fc.nat(5).map((k) => Math.min(k, 4) % 4),
				{ maxLength: 30 }
			),
			added: fc.nat(4),
			logLeads: fc.subarray(LEAD_IDS.slice(1), { maxLength: 2 })
		});
		let deltas = 0;
		fc.assert(
			fc.property(
				recordsArb,
				fc.array(editArb, { minLength: 1, maxLength: 4 }),
				optionsArb,
				fc.boolean(),
				(start, edits, o, inPlace) => {
					const tz = o.timeZone;
					let records = start;
					let ds = datasetFromRecords(records, tz);
					edits.forEach((e, step) => {
						const src = e.other.activities;
						const pick = (k: number) => src[k % Math.max(1, src.length)];
						const before: Activity[] = [];
						const after: Activity[] = [];
						const gone = new Set<Activity>();
						let k = 0;
						for (const a of records.activities) {
							if (leadOf(a.leadId) !== '') continue;
							const fate = e.fate[k++] ?? 0;
							if (fate === 0) continue;
							before.push(a);
							gone.add(a);
							const s = pick(k);
							if (fate === 1 && s) {
								after.push({ ...a, at: s.at, type: s.type, repId: s.repId, response: s.response });
							} else if (fate === 2) {
								after.push({ ...a, deletedAt: '2025-07-01T00:00:00Z' });
							}
						}
						for (let j = 0; j < e.added && src.length > 0; j++) {
							const s = pick(j);
							after.push({ ...s, id: `x${step}-${j}`, leadId: undefined });
						}
						const S = new Set(e.logLeads);
						const leadRows = e.other.activities.filter((a) => S.has(leadOf(a.leadId)));
						const evs = e.other.stageEvents.filter((ev) => S.has(ev.leadId));
						const next: Records = {
							...records,
							activities: [
								...records.activities.filter((a) => !gone.has(a) && !S.has(leadOf(a.leadId))),
								...leadRows,
								...after
							],
							stageEvents: [...records.stageEvents.filter((ev) => !S.has(ev.leadId)), ...evs]
						};
						const change: DatasetChange = {
							logs: {
								leadIds: e.logLeads,
								activities: activitiesToColumns([...leadRows, ...after], tz),
								stageEvents: stageEventsToColumns(evs, tz),
								removedWithoutLead: activitiesToColumns(before, tz)
							}
						};
						if (before.length + after.length > 0) deltas++;
						const updated = updateDataset(ds, change, { inPlace });
						const rebuilt = datasetFromRecords(next, tz);
						expect(computeKpis(updated, o)).toEqual(computeKpis(rebuilt, o));
						for (const kpi of ['activities', 'responses'] as const) {
							expect(kpiRecords(updated, o, kpi).sort()).toEqual(
								kpiRecords(rebuilt, o, kpi).sort()
							);
						}
						records = next;
						ds = updated;
					});
				}
			),
			{ numRuns: 200 }
		);
		expect(deltas).toBeGreaterThan(100);
	}, 60_000);
});
