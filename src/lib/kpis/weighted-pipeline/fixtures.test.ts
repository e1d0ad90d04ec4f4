// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { U, t, workspace, lead, ev, act, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
