// Hand-computed fixtures, one or more per KPI, pinning the rules of spec/kpis.md. Every expected
// value is worked out in the comments from the records; each fixture also runs through the
// reference implementation, which must agree.
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import type {
	Activity,
	Campaign,
	Customer,
	Forecast,
	Lead,
	Records,
	Stage,
	StageEvent
} from '../../src/lib/domain/types';
import {
	computeKpis,
	datasetFromRecords,
	type KpiOptions,
	type KpiResult
} from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';

const U = '2024-01-01T00:00:00Z';
const t = (s: string) => Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s);

function workspace(p: Partial<Records>): Records {
	return {
		reps: ['r1', 'r2', 'r3'].map((id) => ({ id, updatedAt: U, name: id, active: true })),
		stages: defaultStages(U),
		campaigns: [],
		leads: [],
		stageEvents: [],
		activities: [],
		customers: [],
		forecasts: [],
		...p
	};
}

function lead(id: string, createdAt: string, o: Partial<Lead> = {}): Lead {
	return {
		id,
		updatedAt: U,
		name: id,
		ownerId: 'r1',
		origin: 'sales',
		createdAt,
		stageId: 'lead',
		...o
	};
}

let seq = 0;
function ev(leadId: string, stageId: string, at: string, o: Partial<StageEvent> = {}): StageEvent {
	return { id: `e${String(seq++).padStart(4, '0')}`, updatedAt: U, leadId, stageId, at, ...o };
}

function act(at: string, o: Partial<Activity> = {}): Activity {
	return {
		id: `a${String(seq++).padStart(4, '0')}`,
		updatedAt: U,
		repId: 'r1',
		type: 'call',
		at,
		...o
	};
}

/** Runs the engine and the reference; they must agree. */
function kpis(records: Records, o: KpiOptions & { timeZone?: string }): KpiResult {
	const tz = o.timeZone ?? 'UTC';
	const engine = computeKpis(datasetFromRecords(records, tz), { ...o, timeZone: tz });
	expect(engine).toEqual(referenceKpis(records, { ...o, timeZone: tz }));
	return engine;
}

describe('salesCycle and winLoss', () => {
	const stages: Stage[] = [
		...defaultStages(U),
		{
			id: 'old-won',
			updatedAt: U,
			deletedAt: U,
			name: 'Old',
			order: 9,
			kind: 'won',
			probability: 1,
			qualified: true
		}
	];
	const records = workspace({
		stages,
		leads: [
			lead('L1', '2025-01-01', { ownerId: 'r2', value: 1000 }),
			lead('L2', '2025-01-02', { value: 500 }),
			lead('L3', '2025-01-01', { value: 50 }),
			lead('L4', '2025-01-01'),
			lead('L5', '2025-01-01', { value: 200 }),
			lead('L6', '2025-01-15', { value: 300 }),
			lead('L7', '2025-01-01', { value: 9999, deletedAt: U }),
			lead('L8', '2025-01-01', { value: 70 }),
			lead('L9', '2025-01-01', { value: 80 })
		],
		stageEvents: [
			ev('L1', 'lead', '2025-01-01'),
			ev('L1', 'won', '2025-01-13'),
			ev('L2', 'lead', '2025-01-02'),
			ev('L2', 'lost', '2025-01-22'),
			// L3: won, then reopened: open now.
			ev('L3', 'lead', '2025-01-01'),
			ev('L3', 'won', '2025-01-05'),
			ev('L3', 'contacted', '2025-01-10'),
			// L4: lost, reopened, won on 2025-02-10 12:00.
			ev('L4', 'lead', '2025-01-01'),
			ev('L4', 'lost', '2025-01-05'),
			ev('L4', 'qualified', '2025-01-06'),
			ev('L4', 'won', '2025-02-10T12:00:00Z'),
			ev('L5', 'lead', '2025-01-01'),
			ev('L5', 'lost', '2025-02-01'),
			// L6: two events at the same instant; id order puts "a-lost" first, so won is last.
			ev('L6', 'lead', '2025-01-15'),
			ev('L6', 'won', '2025-01-20', { id: 'b-won' }),
			ev('L6', 'lost', '2025-01-20', { id: 'a-lost' }),
			ev('L7', 'won', '2025-01-10'),
			// L8: its only close enters a deleted stage: ignored, L8 stays open.
			ev('L8', 'lead', '2025-01-01'),
			ev('L8', 'old-won', '2025-01-10'),
			// L9: the win is deleted.
			ev('L9', 'lead', '2025-01-01'),
			ev('L9', 'won', '2025-01-09', { deletedAt: U }),
			ev('missing', 'won', '2025-01-09')
		],
		activities: [
			act('2025-01-03', { leadId: 'L1' }),
			act('2025-01-01', { leadId: 'L4' }),
			// After L5's close: its span is negative and clamped to 0.
			act('2025-03-01', { leadId: 'L5' })
		]
	});
	const P = { from: t('2025-01-01'), to: t('2025-03-01'), now: t('2026-01-01') };

	it('counts leads closed in P with cycles from first contact or creation, clamped at 0', () => {
		const r = kpis(records, P);
		// Closed in P: L1 won 10 d (contact 01-03 -> 01-13), L2 lost 20 d (no activity: from
		// creation), L4 won 40.5 d (contact 01-01 -> 02-10 12:00), L5 lost -> clamped 0, L6 won 5 d.
		expect(r.salesCycle).toEqual({
			count: 5,
			meanDays: (10 + 20 + 40.5 + 0 + 5) / 5,
			medianDays: 10,
			clamped: 1,
			won: { count: 3, meanDays: (10 + 40.5 + 5) / 3, medianDays: 10 },
			lost: { count: 2, meanDays: 10, medianDays: (0 + 20) / 2 }
		});
		expect(r.winLoss).toEqual({
			won: 3,
			lost: 2,
			ratio: 1.5,
			winRate: 0.6,
			wonValue: 1000 + 0 + 300,
			lostValue: 500 + 200
		});
	});

	it('keeps only the listed reps\u2019 leads and gives null for zero denominators', () => {
		const r = kpis(records, { ...P, reps: ['r2'] });
		expect(r.winLoss).toEqual({
			won: 1,
			lost: 0,
			ratio: null,
			winRate: 1,
			wonValue: 1000,
			lostValue: 0
		});
		expect(r.salesCycle.lost).toEqual({ count: 0, meanDays: null, medianDays: null });
		const none = kpis(records, { ...P, reps: [] });
		expect(none.winLoss.winRate).toBeNull();
		expect(none.salesCycle.meanDays).toBeNull();
	});

	it('uses a half-open period', () => {
		// [2025-01-13, 2025-01-20): L1 closes at 01-13 (in), L6 at 01-20 (out).
		const r = kpis(records, { from: t('2025-01-13'), to: t('2025-01-20'), now: P.now });
		expect(r.winLoss.won).toBe(1);
		expect(r.winLoss.wonValue).toBe(1000);
	});
});

describe('costPerLead', () => {
	const c = (id: string, budget: number, o: Partial<Campaign> = {}): Campaign => ({
		id,
		updatedAt: U,
		name: id,
		origin: 'marketing',
		budget,
		...o
	});
	const records = workspace({
		campaigns: [
			c('c1', 1000, { startDate: '2025-01-01', endDate: '2025-01-31' }),
			c('c2', 600, { endDate: '2024-12-31' }),
			c('c3', 0, { startDate: '2025-02-15' }),
			c('c4', 100, { deletedAt: U })
		],
		leads: [
			lead('A', '2023-01-01', { campaignId: 'c1', value: 3000, ownerId: 'r2' }),
			lead('B', '2023-01-01', { campaignId: 'c1' }),
			lead('C', '2023-01-01', { campaignId: 'c1' }),
			lead('D', '2023-01-01', { campaignId: 'c1' }),
			lead('E', '2023-01-01', { campaignId: 'c1', deletedAt: U }),
			lead('F', '2023-01-01', { campaignId: 'c4' }),
			lead('G', '2023-01-01', { campaignId: 'c2' })
		],
		stageEvents: [
			ev('A', 'qualified', '2023-02-01'),
			ev('A', 'won', '2023-03-01'),
			ev('B', 'proposal', '2023-02-01'),
			ev('B', 'lost', '2023-03-01'),
			ev('C', 'contacted', '2023-02-01'),
			ev('E', 'won', '2023-02-01')
		]
	});

	it('gives per-campaign figures over all time and sums the campaigns overlapping P', () => {
		const r = kpis(records, { from: t('2025-01-15'), to: t('2025-03-01'), now: t('2026-01-01') });
		// c1: leads A, B, C, D (E deleted); opportunities A (qualified, won) and B (proposal);
		// won A with 3000.
		expect(r.costPerLead.byCampaign.c1).toEqual({
			budget: 1000,
			leads: 4,
			cpl: 250,
			opportunities: 2,
			costPerOpportunity: 500,
			won: 1,
			costPerWon: 1000,
			wonValue: 3000,
			roi: 2
		});
		expect(r.costPerLead.byCampaign.c3).toEqual({
			budget: 0,
			leads: 0,
			cpl: null,
			opportunities: 0,
			costPerOpportunity: null,
			won: 0,
			costPerWon: null,
			wonValue: 0,
			roi: null
		});
		expect(Object.keys(r.costPerLead.byCampaign).sort()).toEqual(['c1', 'c2', 'c3']);
		// c1 runs to the end of 01-31 and c3 from 02-15 (open end); c2 ended 2024-12-31.
		expect(r.costPerLead).toMatchObject({
			cpl: 250,
			budget: 1000,
			leads: 4,
			campaigns: ['c1', 'c3']
		});
	});

	it('treats the end date as inclusive and a missing start as open', () => {
		// The last hour of 2024-12-31 overlaps c2 (no start, ends 2024-12-31) but not c1.
		const r = kpis(records, {
			from: t('2024-12-31T23:00:00Z'),
			to: t('2025-01-01'),
			now: t('2026-01-01')
		});
		expect(r.costPerLead).toMatchObject({ cpl: 600, budget: 600, leads: 1, campaigns: ['c2'] });
		// From 2025-02-01 to 02-10 no campaign runs: c1 ended with 01-31.
		const gap = kpis(records, { from: t('2025-02-01'), to: t('2025-02-10'), now: t('2026-01-01') });
		expect(gap.costPerLead).toMatchObject({ cpl: null, budget: 0, leads: 0, campaigns: [] });
	});

	it('ignores the rep filter for campaign figures', () => {
		const r = kpis(records, {
			from: t('2025-01-15'),
			to: t('2025-03-01'),
			now: t('2026-01-01'),
			reps: ['r3']
		});
		expect(r.costPerLead.byCampaign.c1.leads).toBe(4);
		expect(r.costPerLead.leads).toBe(4);
	});

	it('reads campaign dates in the time zone', () => {
		// In Copenhagen c1 starts at 2024-12-31T23:00Z: the UTC hour before midnight overlaps it.
		const r = kpis(records, {
			from: t('2024-12-31T23:00:00Z'),
			to: t('2024-12-31T23:30:00Z'),
			now: t('2026-01-01'),
			timeZone: 'Europe/Copenhagen'
		});
		expect(r.costPerLead.campaigns).toEqual(['c1']);
	});
});

describe('stageDistribution', () => {
	const records = workspace({
		leads: [
			lead('A', '2025-01-02'),
			lead('B', '2025-01-03', { stageId: 'proposal' }),
			lead('C', '2025-01-04'),
			lead('D', '2025-01-05'),
			lead('E', '2025-01-25'),
			lead('F', '2024-12-01'),
			lead('G', '2025-01-06', { stageId: 'ghost' }),
			lead('H', '2025-01-07'),
			lead('I', '2024-11-01')
		],
		stageEvents: [
			ev('A', 'lead', '2025-01-02'),
			ev('A', 'contacted', '2025-01-05'),
			ev('A', 'qualified', '2025-01-10'),
			ev('C', 'lead', '2025-01-04'),
			ev('C', 'won', '2025-01-15'),
			ev('D', 'lead', '2025-01-05'),
			ev('D', 'contacted', '2025-01-25'),
			ev('F', 'lead', '2024-12-01'),
			ev('F', 'lost', '2025-01-10'),
			ev('H', 'contacted', '2025-01-21'),
			ev('I', 'lead', '2024-11-01'),
			ev('I', 'lead', '2024-11-11'),
			ev('I', 'contacted', '2025-01-05')
		]
	});
	// asOf = now = 2025-01-20, before the end of P.
	const r0 = () =>
		kpis(records, { from: t('2025-01-01'), to: t('2025-02-01'), now: t('2025-01-20') });

	it('takes the snapshot at asOf, with unknown stages in the denominator only', () => {
		const sd = r0().stageDistribution;
		// Created before asOf: A B C D F G H I (E is later). At asOf: A qualified, B proposal
		// (implicit event), C won, D lead (its move is later), F lost, G unknown stage, H contacted
		// (no event before asOf: its first event), I contacted.
		expect(sd.total).toBe(8);
		expect(sd.openTotal).toBe(5);
		expect(sd.byStage).toEqual({
			lead: { count: 1, share: 1 / 8, openShare: 1 / 5 },
			contacted: { count: 2, share: 2 / 8, openShare: 2 / 5 },
			qualified: { count: 1, share: 1 / 8, openShare: 1 / 5 },
			proposal: { count: 1, share: 1 / 8, openShare: 1 / 5 },
			negotiation: { count: 0, share: 0, openShare: 0 },
			won: { count: 1, share: 1 / 8 },
			lost: { count: 1, share: 1 / 8 }
		});
	});

	it('builds the funnel of the cohort from the stages reached', () => {
		const sd = r0().stageDistribution;
		// Cohort (created in January): A B C D E G H = 7. Reached order: A 3, B 4, C won (all),
		// D 2, E 1 (implicit), G none (unknown stage), H 2.
		expect(sd.cohort).toBe(7);
		expect(sd.funnel).toEqual([
			{ stageId: 'lead', reached: 6, rate: 6 / 7 },
			{ stageId: 'contacted', reached: 5, rate: 5 / 7 },
			{ stageId: 'qualified', reached: 3, rate: 3 / 7 },
			{ stageId: 'proposal', reached: 2, rate: 2 / 7 },
			{ stageId: 'negotiation', reached: 1, rate: 1 / 7 },
			{ stageId: 'won', reached: 1, rate: 1 / 7 }
		]);
	});

	it('averages the stays that ended in P, also stays followed by the same stage', () => {
		const sd = r0().stageDistribution;
		// Stays in "lead" ending in January: A 3 d, C 11 d, D 20 d (ends 01-25, after asOf but in
		// P), F 40 d, I 55 d (11-11 -> 01-05; its stay 11-01 -> 11-11 ended before P).
		// "contacted": A 5 d.
		expect(sd.avgDaysInStage).toEqual({
			lead: (3 + 11 + 20 + 40 + 55) / 5,
			contacted: 5,
			qualified: null,
			proposal: null,
			negotiation: null
		});
	});
});

describe('activities and responses', () => {
	const records = workspace({
		leads: [lead('L1', '2024-01-01'), lead('X', '2024-01-01', { deletedAt: U })],
		activities: [
			act('2025-01-05', { leadId: 'L1', response: 'positive' }),
			act('2025-01-31T23:59:59Z', { leadId: 'L1', type: 'email', response: 'negative' }),
			act('2025-02-01', { repId: 'r2', type: 'meeting', response: 'positive' }),
			act('2025-02-10', { repId: 'r2', type: 'other', leadId: '' }),
			act('2025-02-28T23:00:00Z', { repId: 'r2', leadId: null, response: 'neutral' }),
			act('2025-01-10', { leadId: 'L1', deletedAt: U }),
			act('2025-01-11', { leadId: 'nope', response: 'positive' }),
			act('2025-01-12', { leadId: 'X', response: 'positive' }),
			act('2025-03-01', { leadId: 'L1', response: 'positive' }),
			act('2024-07-15', { leadId: 'L1', repId: 'r2' })
		]
	});
	const P = { from: t('2025-01-01'), to: t('2025-03-01'), now: t('2026-01-01') };

	it('counts live activities in P, with or without a lead, by type, rep and month', () => {
		const r = kpis(records, P);
		expect(r.activities).toEqual({
			total: 5,
			byType: { call: 2, email: 1, meeting: 1, other: 1 },
			byRep: { r1: 2, r2: 3 },
			series: { '2025-01-01': 2, '2025-02-01': 3 },
			// All live activities of any date: Jan 2, Feb 3, Mar 1, Jul 1.
			seasonality: { 1: 2, 2: 3, 3: 1, 4: 0, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0 }
		});
		expect(r.responses).toEqual({
			positive: 2,
			negative: 1,
			neutral: 1,
			positiveShare: 2 / 3,
			ratio: 2,
			byRep: {
				r1: { positive: 1, negative: 1, neutral: 0, positiveShare: 0.5, ratio: 1 },
				r2: { positive: 1, negative: 0, neutral: 1, positiveShare: 1, ratio: null }
			}
		});
	});

	it('filters activities by their rep, seasonality included', () => {
		const r = kpis(records, { ...P, reps: ['r2'] });
		expect(r.activities.total).toBe(3);
		expect(r.activities.byRep).toEqual({ r2: 3 });
		expect(r.activities.seasonality[2]).toBe(3);
		expect(r.activities.seasonality[7]).toBe(1);
		expect(r.activities.seasonality[1]).toBe(0);
	});

	it('cuts 23- and 25-hour days at the DST changes in Copenhagen', () => {
		const acts = workspace({
			activities: [
				act('2025-03-29T22:59:00Z'), // 23:59 CET, 03-29
				act('2025-03-29T23:30:00Z'), // 00:30 CET, 03-30
				act('2025-03-30T21:30:00Z'), // 23:30 CEST, 03-30 (a 23-hour day)
				act('2025-03-30T22:00:00Z'), // 00:00 CEST, 03-31
				act('2025-10-25T22:00:00Z'), // 00:00 CEST, 10-26
				act('2025-10-26T22:30:00Z'), // 23:30 CET, 10-26 (a 25-hour day)
				act('2025-10-26T23:00:00Z') // 00:00 CET, 10-27
			]
		});
		const tz = 'Europe/Copenhagen';
		const spring = kpis(acts, {
			from: t('2025-03-28T23:00:00Z'),
			to: t('2025-03-31T22:00:00Z'),
			now: t('2026-01-01'),
			timeZone: tz,
			granularity: 'day'
		});
		expect(spring.activities.series).toEqual({ '2025-03-29': 1, '2025-03-30': 2, '2025-03-31': 1 });
		const autumn = kpis(acts, {
			from: t('2025-10-25T22:00:00Z'),
			to: t('2025-10-27T23:00:00Z'),
			now: t('2026-01-01'),
			timeZone: tz,
			granularity: 'day'
		});
		expect(autumn.activities.series).toEqual({ '2025-10-26': 2, '2025-10-27': 1 });
	});

	it('cuts months and seasonality in the zone', () => {
		const acts = workspace({
			activities: [act('2025-03-31T21:59:00Z'), act('2025-03-31T22:30:00Z')]
		});
		const o = {
			from: t('2025-02-28T23:00:00Z'),
			to: t('2025-04-30T22:00:00Z'),
			now: t('2026-01-01')
		};
		const cph = kpis(acts, { ...o, timeZone: 'Europe/Copenhagen' });
		// 23:59 CEST on 03-31 is March; 00:30 CEST on 04-01 is April.
		expect(cph.activities.series).toEqual({ '2025-03-01': 1, '2025-04-01': 1 });
		expect([cph.activities.seasonality[3], cph.activities.seasonality[4]]).toEqual([1, 1]);
		// In UTC both are in March; P starts 02-28 23:00, so February's bucket is there too.
		const utc = kpis(acts, o);
		expect(utc.activities.series).toEqual({ '2025-02-01': 0, '2025-03-01': 2, '2025-04-01': 0 });
		expect(utc.activities.seasonality[3]).toBe(2);
	});

	it('uses ISO weeks starting on Monday', () => {
		const acts = workspace({
			activities: [act('2025-01-05T23:00:00Z'), act('2025-01-06T00:00:00Z')]
		});
		const o = {
			from: t('2025-01-01'),
			to: t('2025-01-15'),
			now: t('2026-01-01'),
			granularity: 'week' as const
		};
		// Sunday 23:00 UTC is week 2024-12-30; in Copenhagen it is Monday 00:00, week 2025-01-06.
		expect(kpis(acts, o).activities.series).toEqual({
			'2024-12-30': 1,
			'2025-01-06': 1,
			'2025-01-13': 0
		});
		expect(kpis(acts, { ...o, timeZone: 'Europe/Copenhagen' }).activities.series).toEqual({
			'2024-12-30': 0,
			'2025-01-06': 2,
			'2025-01-13': 0
		});
	});
});

describe('opportunities and leadOrigin', () => {
	const m = { origin: 'marketing' as const };
	const records = workspace({
		leads: [
			lead('O1', '2025-01-05', m),
			lead('O2', '2025-01-10'),
			lead('O3', '2025-01-15', m),
			lead('O4', '2024-12-01'),
			lead('O5', '2025-01-20', m),
			lead('O6', '2025-01-25', m)
		],
		stageEvents: [
			ev('O1', 'lead', '2025-01-05'),
			ev('O1', 'qualified', '2025-02-10'),
			ev('O2', 'lead', '2025-01-10'),
			ev('O2', 'won', '2025-01-20'),
			ev('O3', 'contacted', '2025-01-15'),
			ev('O4', 'qualified', '2025-01-03'),
			ev('O5', 'lost', '2025-01-20'),
			ev('O6', 'proposal', '2025-01-26'),
			ev('O6', 'lost', '2025-01-28')
		]
	});

	it('counts opportunities created in P and the cohort\u2019s conversion by origin', () => {
		const r = kpis(records, { from: t('2025-01-01'), to: t('2025-02-01'), now: t('2026-01-01') });
		// Created in P: O2 (won 01-20), O4 (qualified 01-03), O6 (proposal 01-26).
		// Cohort O1 O2 O3 O5 O6; converted O1 (later, still counts), O2, O6.
		expect(r.opportunities).toEqual({
			created: 3,
			cohort: 5,
			converted: 3,
			rate: 0.6,
			byOrigin: {
				marketing: { created: 1, cohort: 4, converted: 2, rate: 0.5 },
				sales: { created: 2, cohort: 1, converted: 1, rate: 1 }
			}
		});
		expect(r.leadOrigin).toEqual({
			cohort: 5,
			marketing: 4,
			sales: 1,
			marketingShare: 0.8,
			salesShare: 0.2,
			series: { '2025-01-01': { marketing: 4, sales: 1 } }
		});
	});

	it('puts date-only createdAt at the start of the day in the zone', () => {
		const day = workspace({
			leads: [lead('Z', '2025-03-30', m), lead('Y', '2025-03-29T23:30:00+01:00')]
		});
		const r = kpis(day, {
			from: t('2025-03-28T23:00:00Z'),
			to: t('2025-03-30T22:00:00Z'),
			now: t('2026-01-01'),
			timeZone: 'Europe/Copenhagen',
			granularity: 'day'
		});
		expect(r.leadOrigin.series).toEqual({
			'2025-03-29': { marketing: 0, sales: 1 },
			'2025-03-30': { marketing: 1, sales: 0 }
		});
	});
});

describe('responseTime and followUp', () => {
	const records = workspace({
		leads: [
			lead('R1', '2025-01-01T08:00:00Z'),
			lead('R2', '2025-01-02'),
			lead('R3', '2025-01-03'),
			lead('R4', '2025-01-04', { ownerId: 'r2' }),
			lead('R5', '2025-01-05', { ownerId: 'r2' }),
			lead('R6', '2024-12-31T23:59:00Z', { ownerId: 'r3' }),
			lead('R7', '2025-01-06', { ownerId: 'r2' })
		],
		activities: [
			act('2025-01-01T10:00:00Z', { leadId: 'R1', repId: 'r2' }),
			act('2025-01-02', { leadId: 'R1' }),
			act('2025-01-01', { leadId: 'R2' }),
			act('2025-01-05', { leadId: 'R3' }),
			act('2025-01-05T05:00:00Z', { leadId: 'R5', deletedAt: U }),
			act('2025-03-01', { leadId: 'R7', repId: 'r2' }),
			act('2025-01-01', { leadId: 'R6', repId: 'r3' })
		]
	});

	it('measures hours to the first contact by any rep, clamped at 0', () => {
		const r = kpis(records, { from: t('2025-01-01'), to: t('2025-02-01'), now: t('2026-01-01') });
		// R1 2 h (r2's call counts), R2 contacted before creation -> 0, R3 48 h, R7 54 days later
		// = 1296 h; R4 none, R5 only a deleted activity.
		expect(r.responseTime).toEqual({
			count: 4,
			meanHours: (2 + 0 + 48 + 1296) / 4,
			medianHours: (2 + 48) / 2,
			unanswered: 2,
			clamped: 1,
			byRep: {
				r1: { count: 3, meanHours: 50 / 3, medianHours: 2 },
				r2: { count: 1, meanHours: 1296, medianHours: 1296 }
			}
		});
		expect(r.followUp).toEqual({
			total: 6,
			followedUp: 4,
			rate: 4 / 6,
			byRep: {
				r1: { total: 3, followedUp: 3, rate: 1 },
				r2: { total: 3, followedUp: 1, rate: 1 / 3 }
			}
		});
	});

	it('lists every cohort owner, with null means when none answered', () => {
		const r = kpis(records, { from: t('2025-01-04'), to: t('2025-01-06'), now: t('2026-01-01') });
		expect(r.responseTime.byRep).toEqual({ r2: { count: 0, meanHours: null, medianHours: null } });
		expect(r.followUp.byRep).toEqual({ r2: { total: 2, followedUp: 0, rate: 0 } });
	});
});

describe('forecastAccuracy', () => {
	const f = (id: string, period: string, amount: number, o: Partial<Forecast> = {}): Forecast => ({
		id,
		updatedAt: U,
		period,
		amount,
		...o
	});
	const won = (id: string, owner: string, at: string, value: number) => ({
		lead: lead(id, '2024-06-01', { ownerId: owner, value }),
		events: [ev(id, 'lead', '2024-06-01'), ev(id, 'won', at)]
	});
	const deals = [
		won('W1', 'r1', '2025-01-10', 100),
		won('W2', 'r1', '2025-02-05', 200),
		won('W3', 'r2', '2025-01-20', 50),
		won('W4', 'r2', '2025-04-30T23:59:00Z', 400),
		won('W5', 'r1', '2024-12-31', 70)
	];
	const records = workspace({
		leads: [...deals.map((d) => d.lead), lead('X', '2024-06-01', { value: 999 })],
		stageEvents: [...deals.flatMap((d) => d.events), ev('X', 'lost', '2025-01-15')],
		forecasts: [
			f('f3', '2025-01', 120, { repId: 'r1' }),
			f('f1', '2025-01', 150),
			f('f2', '2025-Q1', 25, { repId: 'r2' }),
			f('f4', '2025-Q2', 0, { repId: 'r1' }),
			f('f5', '2025-03', 10, { repId: 'r2' }),
			f('f6', '2025', 900),
			f('f7', '2024-12', 70),
			f('f8', '2025-01', 1, { deletedAt: U }),
			f('f9', '2025-08', 5),
			f('f10', '2025-Q2', 300)
		]
	});
	const P = { from: t('2025-01-01'), to: t('2026-01-01'), now: t('2025-08-15') };

	it('compares forecasts whose whole period lies in P and ended by asOf with won value', () => {
		const r = kpis(records, P);
		// Rows in id order (f10 sorts before f2). f6 (2025) and f9 (August) end after asOf,
		// f7 starts before P, f8 is deleted.
		expect(r.forecastAccuracy.rows).toEqual([
			{ id: 'f1', period: '2025-01', repId: null, amount: 150, actual: 150, error: 0, accuracy: 1 },
			{
				id: 'f10',
				period: '2025-Q2',
				repId: null,
				amount: 300,
				actual: 400,
				error: -100,
				accuracy: 0.75
			},
			{
				id: 'f2',
				period: '2025-Q1',
				repId: 'r2',
				amount: 25,
				actual: 50,
				error: -25,
				accuracy: 0.5
			},
			{
				id: 'f3',
				period: '2025-01',
				repId: 'r1',
				amount: 120,
				actual: 100,
				error: 20,
				accuracy: 1 - 20 / 100
			},
			{ id: 'f4', period: '2025-Q2', repId: 'r1', amount: 0, actual: 0, error: 0, accuracy: 1 },
			{ id: 'f5', period: '2025-03', repId: 'r2', amount: 10, actual: 0, error: 10, accuracy: 0 }
		]);
		expect(r.forecastAccuracy).toMatchObject({
			count: 6,
			accuracy: 1 - 155 / 700,
			bias: (0 - 100 - 25 + 20 + 0 + 10) / 700
		});
	});

	it('keeps only the listed reps\u2019 forecasts', () => {
		const r = kpis(records, { ...P, reps: ['r1'] });
		expect(r.forecastAccuracy.rows.map((x) => x.id)).toEqual(['f3', 'f4']);
		expect(r.forecastAccuracy.accuracy).toBe(1 - 20 / 100);
	});

	it('gives null overall accuracy when nothing was won', () => {
		const r = kpis(records, { from: t('2025-03-01'), to: t('2025-04-01'), now: P.now });
		expect(r.forecastAccuracy).toMatchObject({ count: 1, accuracy: null, bias: null });
	});

	it('cuts months, quarters and years in the zone', () => {
		const z = workspace({
			leads: [lead('A', '2024-06-01', { value: 10 }), lead('B', '2024-06-01', { value: 5 })],
			stageEvents: [
				ev('A', 'won', '2025-03-31T22:30:00Z'), // 1 April 00:30 in Copenhagen
				ev('B', 'won', '2024-12-31T23:30:00Z') // 1 January 00:30 in Copenhagen
			],
			forecasts: [f('q', '2025-Q1', 10), f('y', '2025', 15), f('m', '2025-04', 10)]
		});
		const o = { from: t('2024-12-01'), to: t('2026-02-01'), now: t('2026-06-01') };
		const utc = kpis(z, o).forecastAccuracy.rows;
		expect(utc.map((x) => [x.id, x.actual])).toEqual([
			['m', 0],
			['q', 10],
			['y', 10]
		]);
		const cph = kpis(z, { ...o, timeZone: 'Europe/Copenhagen' }).forecastAccuracy.rows;
		expect(cph.map((x) => [x.id, x.actual])).toEqual([
			['m', 10],
			['q', 5],
			['y', 15]
		]);
	});
});

describe('weightedPipeline', () => {
	const records = workspace({
		leads: [
			lead('H1', '2025-01-01', { value: 1000 }),
			lead('H2', '2025-01-01', { value: 500 }),
			lead('H3', '2025-01-01', { ownerId: 'r2', value: 0 }),
			lead('H4', '2025-02-01', { ownerId: 'r2', value: 2000 }),
			lead('P1', '2025-03-01', { value: 0, expectedCloseDate: '2025-09-15' }),
			lead('P2', '2025-05-01', { ownerId: 'r2', value: 400 }),
			lead('P3', '2025-05-20', { value: 100 }),
			lead('P4', '2025-06-05', { value: 100 }),
			lead('P5', '2025-03-01', { value: 100, deletedAt: U }),
			lead('P6', '2025-04-01', { value: 100, stageId: 'ghost' })
		],
		stageEvents: [
			ev('H1', 'lead', '2025-01-01'),
			ev('H1', 'qualified', '2025-01-10'),
			ev('H1', 'won', '2025-02-01'),
			ev('H2', 'lead', '2025-01-01'),
			ev('H2', 'qualified', '2025-01-05'),
			ev('H2', 'proposal', '2025-01-10'),
			ev('H2', 'lost', '2025-03-01'),
			ev('H3', 'lead', '2025-01-01'),
			ev('H3', 'contacted', '2025-01-02'),
			ev('H3', 'won', '2025-01-21'),
			ev('H4', 'lead', '2025-02-01'),
			ev('H4', 'won', '2025-07-01'),
			ev('P1', 'lead', '2025-03-01'),
			ev('P1', 'qualified', '2025-04-01'),
			ev('P2', 'proposal', '2025-05-01'),
			ev('P3', 'contacted', '2025-05-20'),
			ev('P4', 'lead', '2025-06-05'),
			ev('P5', 'lead', '2025-03-01')
		],
		// P3's first contact is after asOf: the cycle start still uses it (history as it is now).
		activities: [act('2025-06-20', { leadId: 'P3' })]
	});
	const P = { from: t('2025-01-01'), to: t('2025-06-01'), now: t('2026-01-01') };

	it('weights open leads at asOf by the configured probabilities', () => {
		const r = kpis(records, P).weightedPipeline;
		// Open at asOf (06-01), in record order: H4 (lead, won only in July), P1 (qualified, no
		// value -> mean won value 1000 of H1; H3 won with 0 does not count), P2 (proposal), P3
		// (contacted). Mean cycle of won before asOf: H1 31 d, H3 20 d -> 25.5 d.
		expect(r.count).toBe(4);
		expect(r.meanWonValue).toBe(1000);
		expect(r.meanCycleDays).toBe(25.5);
		expect(r.total).toBe(2000 + 1000 + 400 + 100);
		expect(r.weighted).toBe(2000 * 0.05 + 1000 * 0.25 + 400 * 0.5 + 100 * 0.1);
		expect(r.byStage).toEqual({
			lead: { count: 1, total: 2000, weighted: 2000 * 0.05, probability: 0.05 },
			contacted: { count: 1, total: 100, weighted: 100 * 0.1, probability: 0.1 },
			qualified: { count: 1, total: 1000, weighted: 250, probability: 0.25 },
			proposal: { count: 1, total: 400, weighted: 200, probability: 0.5 },
			negotiation: { count: 0, total: 0, weighted: 0, probability: 0.75 }
		});
		expect(r.byRep).toEqual({
			r1: { count: 2, total: 1100, weighted: 250 + 100 * 0.1 },
			r2: { count: 2, total: 2400, weighted: 2000 * 0.05 + 200 }
		});
		// P1: expected close in September. H4: 02-01 + 25.5 d -> February -> June (asOf's month).
		// P2: 05-01 + 25.5 d -> May -> June. P3: 06-20 + 25.5 d -> July.
		expect(r.projection).toEqual({
			'2025-06': 2000 * 0.05 + 200,
			'2025-07': 100 * 0.1,
			'2025-09': 250
		});
	});

	it('uses historical win rates of the leads that reached each stage', () => {
		const r = kpis(records, { ...P, pipelineMode: 'historical' }).weightedPipeline;
		// Closed before asOf: H1 won, H2 lost (reached proposal, order 4), H3 won. Won leads
		// reached every open stage; negotiation (order 5) was reached by H1 and H3 only.
		expect(r.mode).toBe('historical');
		expect(
			Object.fromEntries(Object.entries(r.byStage).map(([k, v]) => [k, v.probability]))
		).toEqual({
			lead: 2 / 3,
			contacted: 2 / 3,
			qualified: 2 / 3,
			proposal: 2 / 3,
			negotiation: 1
		});
		expect(r.weighted).toBe(2000 * (2 / 3) + 1000 * (2 / 3) + 400 * (2 / 3) + 100 * (2 / 3));
	});

	it('falls back to the configured probability when no filtered lead closed', () => {
		const r = kpis(records, { ...P, pipelineMode: 'historical', reps: ['r3'] }).weightedPipeline;
		expect(r.count).toBe(0);
		expect(r.byStage.proposal.probability).toBe(0.5);
		const own = workspace({
			leads: [lead('Q', '2025-01-01', { ownerId: 'r3' })],
			stageEvents: [ev('Q', 'qualified', '2025-01-02')]
		});
		const q = kpis(own, { ...P, pipelineMode: 'historical' }).weightedPipeline;
		// No closed leads: fallback probability 0.25, no value and no won leads: value 0.
		expect(q).toMatchObject({
			count: 1,
			total: 0,
			weighted: 0,
			meanWonValue: 0,
			meanCycleDays: null
		});
		expect(q.byStage.qualified.probability).toBe(0.25);
	});
});

describe('churn', () => {
	const k = (id: string, since: string, o: Partial<Customer> = {}): Customer => ({
		id,
		updatedAt: U,
		name: id,
		ownerId: 'r1',
		since,
		...o
	});
	const records = workspace({
		customers: [
			k('K1', '2024-06-01'),
			k('K2', '2024-06-01', { churnedAt: '2025-03-01' }),
			k('K3', '2024-06-01', { churnedAt: '2024-12-31' }),
			k('K4', '2025-02-01', { ownerId: 'r2' }),
			k('K5', '2025-02-01', { churnedAt: '2025-05-01' }),
			k('K6', '2024-01-01', { churnedAt: '2025-07-01' }),
			k('K7', '2025-07-01'),
			k('K8', '2024-01-01', { deletedAt: U }),
			k('K9', '2024-01-01', { churnedAt: '2025-01-01', ownerId: undefined })
		]
	});
	const P = { from: t('2025-01-01'), to: t('2025-07-01'), now: t('2026-01-01') };

	it('counts customers at the start, churned in P, new and active at the end', () => {
		// At start: K1, K2, K6 (churns exactly at `to`), K9 (churns exactly at `from`).
		// Churned in P: K2, K9. New: K4, K5. Active at end: K1, K4, K6.
		expect(kpis(records, P).churn).toEqual({
			atStart: 4,
			churned: 2,
			rate: 0.5,
			new: 2,
			activeAtEnd: 3
		});
	});

	it('filters customers by owner', () => {
		// r1: K1, K2, K3, K5, K6 (K9 has no owner).
		expect(kpis(records, { ...P, reps: ['r1'] }).churn).toEqual({
			atStart: 3,
			churned: 1,
			rate: 1 / 3,
			new: 1,
			activeAtEnd: 2
		});
		expect(kpis(records, { ...P, reps: ['r3'] }).churn.rate).toBeNull();
	});
});

describe('an empty workspace', () => {
	it('gives zero counts and null ratios, never NaN', () => {
		const r = kpis(workspace({}), {
			from: t('2025-01-01'),
			to: t('2025-02-01'),
			now: t('2026-01-01')
		});
		const text = JSON.stringify(r);
		expect(text).not.toContain('NaN');
		expect(r.winLoss).toEqual({
			won: 0,
			lost: 0,
			ratio: null,
			winRate: null,
			wonValue: 0,
			lostValue: 0
		});
		expect(r.stageDistribution.funnel.map((f) => f.rate)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
		expect(r.activities.series).toEqual({ '2025-01-01': 0 });
		expect(r.weightedPipeline.projection).toEqual({});
		expect(r.forecastAccuracy).toEqual({
			count: 0,
			accuracy: null,
			bias: null,
			amount: 0,
			actual: 0,
			rows: []
		});
	});
});
