// Hand-computed fixtures for the campaign and origin filters (extensions beyond the spec,
// docs/kpis.md "Extensions beyond the spec"). Every expected value is worked out in the comments
// from the records below; each run also goes through the reference implementation, which must
// agree, and through kpiRecords, whose lists must match the figures.
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import type { Activity, Lead, Records, StageEvent } from '../../src/lib/domain/types';
import {
	computeKpis,
	datasetFromRecords,
	kpiRecords,
	type KpiOptions,
	type KpiResult
} from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';

const U = '2024-01-01T00:00:00Z';

function lead(id: string, o: Partial<Lead> & Pick<Lead, 'createdAt' | 'origin'>): Lead {
	return { id, updatedAt: U, name: id, ownerId: 'r1', stageId: 'lead', ...o };
}

let seq = 0;
const ev = (leadId: string, stageId: string, at: string): StageEvent => ({
	id: `e${String(seq++).padStart(3, '0')}`,
	updatedAt: U,
	leadId,
	stageId,
	at
});
const act = (id: string, at: string, o: Partial<Activity>): Activity => ({
	id,
	updatedAt: U,
	repId: 'r1',
	type: 'call',
	at,
	...o
});

// P = March 2024 (UTC); asOf = 1 April.
//   L1 cA  marketing r1  created 03-05, won 03-20, value 100
//   L2 cB  sales     r1  created 03-10, lost 03-25, value 50
//   L3 --  sales     r1  created 03-12, qualified 03-15 (open), value 200
//   L4 cDel (deleted campaign = none) marketing r1, created 03-15, no events (in 'lead'), value 0
//   L5 cA  sales     r2  created 03-18, lost 03-28, no value
const records: Records = {
	reps: ['r1', 'r2'].map((id) => ({ id, updatedAt: U, name: id, active: true })),
	stages: defaultStages(U),
	campaigns: [
		{ id: 'cA', updatedAt: U, name: 'A', origin: 'marketing', budget: 1000 },
		{ id: 'cB', updatedAt: U, name: 'B', origin: 'sales', budget: 500 },
		{ id: 'cDel', updatedAt: U, name: 'Gone', origin: 'marketing', budget: 70, deletedAt: U }
	],
	leads: [
		lead('L1', { campaignId: 'cA', origin: 'marketing', createdAt: '2024-03-05', value: 100 }),
		lead('L2', { campaignId: 'cB', origin: 'sales', createdAt: '2024-03-10', value: 50 }),
		lead('L3', { origin: 'sales', createdAt: '2024-03-12', stageId: 'qualified', value: 200 }),
		lead('L4', { campaignId: 'cDel', origin: 'marketing', createdAt: '2024-03-15', value: 0 }),
		lead('L5', { campaignId: 'cA', origin: 'sales', ownerId: 'r2', createdAt: '2024-03-18' })
	],
	stageEvents: [
		ev('L1', 'lead', '2024-03-05T00:00:00Z'),
		ev('L1', 'won', '2024-03-20T00:00:00Z'),
		ev('L2', 'lead', '2024-03-10T00:00:00Z'),
		ev('L2', 'lost', '2024-03-25T00:00:00Z'),
		ev('L3', 'lead', '2024-03-12T00:00:00Z'),
		ev('L3', 'qualified', '2024-03-15T00:00:00Z'),
		ev('L5', 'lead', '2024-03-18T00:00:00Z'),
		ev('L5', 'lost', '2024-03-28T00:00:00Z')
	],
	activities: [
		act('A1', '2024-03-06T10:00:00Z', { leadId: 'L1', response: 'positive' }),
		act('A2', '2024-03-11T10:00:00Z', {
			leadId: 'L2',
			repId: 'r2',
			type: 'email',
			response: 'negative'
		}),
		act('A3', '2024-03-13T10:00:00Z', { type: 'meeting' }),
		act('A4', '2024-03-14T10:00:00Z', { leadId: 'L3' }),
		act('A5', '2024-03-19T10:00:00Z', { leadId: 'L5', repId: 'r2', response: 'positive' })
	],
	customers: [
		{ id: 'K1', updatedAt: U, name: 'K1', ownerId: 'r1', leadId: 'L1', since: '2024-03-20' },
		{ id: 'K2', updatedAt: U, name: 'K2', ownerId: 'r1', since: '2024-03-21' },
		{
			id: 'K3',
			updatedAt: U,
			name: 'K3',
			leadId: 'L3',
			since: '2024-02-01',
			churnedAt: '2024-03-26'
		}
	],
	forecasts: [{ id: 'F1', updatedAt: U, period: '2024-03', amount: 300 }],
	targets: []
};

const base: KpiOptions = {
	from: Date.parse('2024-03-01T00:00:00Z'),
	to: Date.parse('2024-04-01T00:00:00Z'),
	now: Date.parse('2024-06-01T00:00:00Z'),
	timeZone: 'UTC',
	granularity: 'month'
};
const ds = datasetFromRecords(records, 'UTC');

function kpis(filters: Pick<KpiOptions, 'campaigns' | 'origins' | 'reps'>): KpiResult {
	const o = { ...base, ...filters };
	const engine = computeKpis(ds, o);
	expect(engine).toEqual(referenceKpis(records, { ...o, timeZone: 'UTC' }));
	return engine;
}

const ids = (
	filters: Pick<KpiOptions, 'campaigns' | 'origins'>,
	...k: Parameters<typeof kpiRecords>[2][]
) => k.map((kpi) => kpiRecords(ds, { ...base, ...filters }, kpi));

describe('the campaign filter', () => {
	it('keeps the leads of the listed campaign, their activities and customers', () => {
		const r = kpis({ campaigns: ['cA'] });
		// L1 won (100) and L5 lost (no value) closed in March.
		expect(r.winLoss).toMatchObject({ won: 1, lost: 1, wonValue: 100, lostValue: 0, winRate: 0.5 });
		// Cohort: L1 (marketing, an opportunity by winning) and L5 (sales, never qualified).
		expect(r.opportunities).toMatchObject({ cohort: 2, converted: 1, rate: 0.5 });
		expect(r.leadOrigin).toMatchObject({ marketing: 1, sales: 1 });
		// A1 (L1) and A5 (L5); A3 has no lead, so it drops out under a campaign filter.
		expect(r.activities.total).toBe(2);
		expect(r.activities.byRep).toEqual({ r1: 1, r2: 1 });
		expect(r.activities.seasonality['3']).toBe(2);
		expect(r.responses).toMatchObject({ positive: 2, negative: 0 });
		// Only campaign A: its 2 leads of all time for 1000.
		expect(Object.keys(r.costPerLead.byCampaign)).toEqual(['cA']);
		expect(r.costPerLead).toMatchObject({ cpl: 500, budget: 1000, leads: 2 });
		// K1 came from L1 (new in March); K2 has no lead, K3's lead has no campaign.
		expect(r.churn).toMatchObject({ atStart: 0, churned: 0, new: 1, activeAtEnd: 1 });
		// The team forecast of March (300) is not split: actual = every won value in March = 100.
		expect(r.forecastAccuracy).toMatchObject({ count: 1, actual: 100, amount: 300, accuracy: 0 });
		expect(r.forecastAccuracy.unfilteredBy).toEqual(['campaigns']);
	});

	it('reads "" as no campaign, a deleted campaign included', () => {
		const r = kpis({ campaigns: [''] });
		// L3 (no campaign) and L4 (deleted campaign), both open at asOf.
		expect(r.leadOrigin).toMatchObject({ cohort: 2, marketing: 1, sales: 1 });
		expect(r.opportunities.converted).toBe(1); // L3 reached 'qualified'
		// L3: 200 at 'qualified' (0.25) = 50; L4: no value and no won lead to borrow from = 0.
		expect(r.weightedPipeline).toMatchObject({ count: 2, total: 200, weighted: 50 });
		expect(r.activities.total).toBe(1); // A4 only
		expect(r.costPerLead).toMatchObject({ cpl: null, budget: 0, leads: 0, byCampaign: {} });
		// K3 (lead L3): a customer on 1 March, churned on the 26th.
		expect(r.churn).toMatchObject({ atStart: 1, churned: 1, rate: 1, new: 0 });
	});
});

describe('the origin filter', () => {
	it('keeps leads of that origin and campaigns of that origin', () => {
		const r = kpis({ origins: ['sales'] });
		// L2 and L5 lost; nothing won.
		expect(r.winLoss).toMatchObject({ won: 0, lost: 2, ratio: 0, winRate: 0 });
		expect(r.leadOrigin).toMatchObject({ cohort: 3, marketing: 0, sales: 3, salesShare: 1 });
		// A2 (L2), A4 (L3), A5 (L5).
		expect(r.activities.total).toBe(3);
		// Only campaign B is a sales campaign: 1 lead (L2) for 500.
		expect(Object.keys(r.costPerLead.byCampaign)).toEqual(['cB']);
		expect(r.costPerLead).toMatchObject({ cpl: 500, leads: 1 });
		expect(r.forecastAccuracy.unfilteredBy).toEqual(['origins']);
	});

	it('combines with the campaign and rep filters (all must pass)', () => {
		// Campaign A and sales: L5 only; campaign A is a marketing campaign, so no cost figures.
		const both = kpis({ campaigns: ['cA'], origins: ['sales'] });
		expect(both.winLoss).toMatchObject({ won: 0, lost: 1 });
		expect(both.activities.total).toBe(1);
		expect(both.costPerLead.byCampaign).toEqual({});
		expect(both.forecastAccuracy.unfilteredBy).toEqual(['campaigns', 'origins']);
		// Rep r2's marketing leads: none; r2's activities are on sales leads.
		const r2 = kpis({ reps: ['r2'], origins: ['marketing'] });
		expect(r2.leadOrigin.cohort).toBe(0);
		expect(r2.activities.total).toBe(0);
	});
});

describe('without the new filters', () => {
	it('every figure is the spec\u2019s: activities without a lead count, all campaigns listed', () => {
		const r = kpis({});
		expect(r.activities.total).toBe(5);
		expect(Object.keys(r.costPerLead.byCampaign)).toEqual(['cA', 'cB']);
		expect(r.churn.new).toBe(2);
		expect(r.forecastAccuracy.unfilteredBy).toBeUndefined();
	});
});

describe('drill-through under the filters', () => {
	it('lists exactly the records the figures count', () => {
		const [acts, cost, churnAtStart, wins] = ids(
			{ campaigns: ['cA'] },
			'activities',
			'costPerLead',
			'churn',
			'winLoss'
		);
		expect(acts).toEqual(['A1', 'A5']);
		expect(cost).toEqual(['L1', 'L5']);
		expect(churnAtStart).toEqual([]);
		expect(wins).toEqual(['L1', 'L5']);
		expect(kpiRecords(ds, { ...base, campaigns: ['cA'] }, 'churn', 'new')).toEqual(['K1']);
		// A forecast's won leads ignore the campaign filter, as its actual does.
		expect(kpiRecords(ds, { ...base, origins: ['sales'] }, 'forecastAccuracy', 'F1')).toEqual([
			'L1'
		]);
		const [sales] = ids({ origins: ['sales'] }, 'leadOrigin');
		expect(sales).toEqual(['L2', 'L3', 'L5']);
	});
});
