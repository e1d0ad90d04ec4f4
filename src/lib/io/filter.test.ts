import { describe, expect, it } from 'vitest';
import type {
	Activity,
	Customer,
	Forecast,
	Lead,
	Records,
	StageEvent,
	Target
} from '../domain/types';
import { dayAfterStart, filterRecords, periodSpan } from './filter';

const U = '2026-11-01T00:00:00Z';
const lead = (id: string, ownerId: string, createdAt: string): Lead => ({
	id,
	updatedAt: U,
	name: id,
	ownerId,
	origin: 'sales',
	createdAt,
	stageId: 'lead'
});
const ev = (id: string, leadId: string, at: string): StageEvent => ({
	id,
	updatedAt: U,
	leadId,
	stageId: 'lead',
	at
});
const act = (id: string, repId: string, at: string, leadId?: string): Activity => ({
	id,
	updatedAt: U,
	repId,
	type: 'call',
	at,
	...(leadId ? { leadId } : {})
});
const cust = (id: string, since: string, extra: Partial<Customer> = {}): Customer => ({
	id,
	updatedAt: U,
	name: id,
	since,
	...extra
});
const fc = (id: string, period: string, repId?: string): Forecast => ({
	id,
	updatedAt: U,
	period,
	amount: 1,
	...(repId ? { repId } : {})
});

function data(): Records {
	return {
		reps: [
			{ id: 'ann', updatedAt: U, name: 'Ann', active: true },
			{ id: 'bo', updatedAt: U, name: 'Bo', active: true }
		],
		stages: [
			{
				id: 'lead',
				updatedAt: U,
				name: 'Lead',
				order: 0,
				kind: 'open',
				probability: 0,
				qualified: false
			}
		],
		campaigns: [{ id: 'c', updatedAt: U, name: 'C', origin: 'sales', budget: 0 }],
		leads: [
			lead('L-ann-oct', 'ann', '2026-10-15'),
			lead('L-ann-nov', 'ann', '2026-11-10T12:00:00Z'),
			lead('L-bo-sep', 'bo', '2026-09-01'),
			{ ...lead('L-bo-nov', 'bo', '2026-11-02'), deletedAt: U }
		],
		stageEvents: [
			ev('e1', 'L-ann-oct', '2026-10-15'),
			ev('e2', 'L-ann-oct', '2026-11-05'),
			ev('e3', 'L-ann-nov', '2026-11-10T12:00:00Z'),
			ev('e4', 'L-bo-sep', '2026-09-01'),
			ev('e5', 'L-bo-nov', '2026-11-02')
		],
		activities: [
			act('a1', 'bo', '2026-10-01', 'L-ann-oct'), // Bo called Ann's lead, before November
			act('a2', 'ann', '2026-11-20', 'L-bo-sep'), // Ann called Bo's lead in November
			act('a3', 'ann', '2026-10-20'), // no lead
			act('a4', 'bo', '2026-11-03') // no lead
		],
		customers: [
			cust('k-ann', '2026-06-01', { ownerId: 'ann' }),
			cust('k-bo-churned', '2026-01-01', { ownerId: 'bo', churnedAt: '2026-10-31' }),
			cust('k-from-lead', '2026-11-15', { ownerId: 'bo', leadId: 'L-ann-nov' })
		],
		forecasts: [
			fc('f-team', '2026-Q4'),
			fc('f-ann', '2026-11', 'ann'),
			fc('f-bo-oct', '2026-10', 'bo')
		],
		targets: [
			tg('t-team', '2026-10-01', '2026-12-31'),
			tg('t-ann', '2026-11-01', '2026-11-30', 'ann'),
			// Ends on the last day before November: its window closes at November's start.
			tg('t-bo-oct', '2026-10-01', '2026-10-31', 'bo'),
			// A null rep is the team's too.
			tg('t-null', '2026-12-01', '2026-12-31', null)
		]
	};
}

const tg = (id: string, from: string, to: string, repId?: string | null): Target => ({
	id,
	updatedAt: U,
	metric: 'won',
	from,
	to,
	amount: 1,
	...(repId !== undefined ? { repId } : {})
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const NOV_FROM = Date.UTC(2026, 10, 1);
const NOV_TO = Date.UTC(2026, 11, 1);

describe('filterRecords', () => {
	it('keeps everything with no filter', () => {
		expect(filterRecords(data(), {}, 'UTC')).toEqual(data());
	});

	it('by rep: their leads with all their history, their own activities, customers, forecasts', () => {
		const r = filterRecords(data(), { repIds: ['ann'] }, 'UTC');
		expect(ids(r.reps)).toEqual(['ann', 'bo']);
		expect(ids(r.stages)).toEqual(['lead']);
		expect(ids(r.campaigns)).toEqual(['c']);
		expect(ids(r.leads)).toEqual(['L-ann-oct', 'L-ann-nov']);
		expect(ids(r.stageEvents)).toEqual(['e1', 'e2', 'e3']);
		expect(ids(r.activities)).toEqual(['a1', 'a2', 'a3']);
		expect(ids(r.customers)).toEqual(['k-ann', 'k-from-lead']);
		expect(ids(r.forecasts)).toEqual(['f-ann']);
		expect(ids(r.targets)).toEqual(['t-ann']);
	});

	it('by period: leads created or moved in it with their whole history, and what was live in it', () => {
		const r = filterRecords(data(), { from: NOV_FROM, to: NOV_TO }, 'UTC');
		// L-ann-oct moved in November (e2); L-bo-nov is a tombstone created in November.
		expect(ids(r.leads)).toEqual(['L-ann-oct', 'L-ann-nov', 'L-bo-nov']);
		expect(ids(r.stageEvents)).toEqual(['e1', 'e2', 'e3', 'e5']);
		// a1 is October but belongs to a kept lead; a3 is October with no lead: out.
		expect(ids(r.activities)).toEqual(['a1', 'a2', 'a4']);
		// k-bo-churned churned before November.
		expect(ids(r.customers)).toEqual(['k-ann', 'k-from-lead']);
		expect(ids(r.forecasts)).toEqual(['f-team', 'f-ann']);
		expect(ids(r.targets)).toEqual(['t-team', 't-ann']);
	});

	it('keeps a target whose last day (included) is the first instant of the period', () => {
		const r = filterRecords(data(), { from: Date.UTC(2026, 9, 31, 12), to: NOV_TO }, 'UTC');
		expect(ids(r.targets)).toEqual(['t-team', 't-ann', 't-bo-oct']);
	});

	it('reads date-only values in the time zone', () => {
		// 2026-11-01 in Copenhagen starts at 2026-10-31T23:00Z: a lead created that day is in a
		// period starting at that instant, but not in one starting an hour later.
		const d = data();
		d.leads = [lead('x', 'ann', '2026-11-01')];
		d.stageEvents = [];
		const start = Date.UTC(2026, 9, 31, 23);
		expect(ids(filterRecords(d, { from: start }, 'Europe/Copenhagen').leads)).toEqual(['x']);
		expect(ids(filterRecords(d, { from: start + 3_600_000 }, 'Europe/Copenhagen').leads)).toEqual(
			[]
		);
		expect(ids(filterRecords(d, { from: start + 3_600_000 }, 'UTC').leads)).toEqual(['x']);
	});

	it('combines rep and period', () => {
		const r = filterRecords(data(), { repIds: ['bo'], from: NOV_FROM, to: NOV_TO }, 'UTC');
		expect(ids(r.leads)).toEqual(['L-bo-nov']);
		expect(ids(r.activities)).toEqual(['a4']);
		expect(ids(r.forecasts)).toEqual([]);
		expect(ids(r.targets)).toEqual([]);
	});
});

describe('dayAfterStart', () => {
	it('rolls over month and year ends, in the zone', () => {
		expect(dayAfterStart('2026-11-30', 'UTC')).toBe(Date.UTC(2026, 11, 1));
		expect(dayAfterStart('2026-12-31', 'UTC')).toBe(Date.UTC(2027, 0, 1));
		expect(dayAfterStart('2026-12-31', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 11, 31, 23));
	});
});

describe('periodSpan', () => {
	it('gives month, quarter and year in the zone', () => {
		expect(periodSpan('2026-11', 'UTC')).toEqual([Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1)]);
		expect(periodSpan('2026-Q4', 'UTC')).toEqual([Date.UTC(2026, 9, 1), Date.UTC(2027, 0, 1)]);
		expect(periodSpan('2026', 'Europe/Copenhagen')).toEqual([
			Date.UTC(2025, 11, 31, 23),
			Date.UTC(2026, 11, 31, 23)
		]);
		expect(periodSpan('2026-13', 'UTC')).toBeUndefined();
	});
});
