// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../domain/types';
import { U, t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
