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

	it('gives the spread of the weighted sum and of each projected month (range)', () => {
		const r = kpis(records, P).weightedPipeline.range;
		// Open leads (p, value): H4 (0.05, 2000), P1 (0.25, 1000), P2 (0.5, 400), P3 (0.1, 100).
		// p (1 - p) value^2: 190,000 + 187,500 + 40,000 + 900 = 418,400: sd = 646.838.
		// weighted 560: low = max(0, 560 - 828.988) = 0 (clipped), high = 1388.988.
		expect(r.sd).toBeCloseTo(Math.sqrt(418_400), 9);
		expect(r.low).toBe(0);
		expect(r.high).toBeCloseTo(1388.9881769, 6);
		// June: H4 and P2, 100 + 200 = 300, sd = sqrt(230,000) = 479.583, low 0, high
		// 914.634. July: P3, 10, sd 30, low = max(0, 10 - 38.448) = 0, high 48.448.
		// September: P1, 250, sd = sqrt(187,500) = 433.013, low 0, high 804.949.
		expect(Object.keys(r.projectionRange).sort()).toEqual(['2025-06', '2025-07', '2025-09']);
		const june = r.projectionRange['2025-06'];
		expect(june.expected).toBe(2000 * 0.05 + 400 * 0.5);
		expect(june.sd).toBeCloseTo(Math.sqrt(230_000), 9);
		expect(june.low).toBe(0);
		expect(june.high).toBeCloseTo(914.633768, 5);
		expect(r.projectionRange['2025-07'].expected).toBe(100 * 0.1);
		expect(r.projectionRange['2025-07'].sd).toBeCloseTo(30, 9);
		expect(r.projectionRange['2025-07'].low).toBe(0);
		expect(r.projectionRange['2025-07'].high).toBeCloseTo(48.448, 9);
		expect(r.projectionRange['2025-09']).toMatchObject({ expected: 250, low: 0 });
		expect(r.projectionRange['2025-09'].sd).toBeCloseTo(433.0127019, 6);
		expect(r.projectionRange['2025-09'].high).toBeCloseTo(804.9490787, 6);
	});

	it('keeps a low above 0 when the sum is large against its spread, and is 0 when empty', () => {
		const two = workspace({
			leads: [
				lead('N', '2025-05-01', {
					value: 1000,
					stageId: 'negotiation',
					expectedCloseDate: '2025-07-10'
				}),
				lead('L', '2025-05-02', { value: 100, expectedCloseDate: '2025-08-01' })
			]
		});
		const r = kpis(two, P).weightedPipeline;
		// N: 0.75 * 1000 = 750, variance 0.1875 * 1000^2 = 187,500; L: 0.05 * 100 = 5,
		// variance 0.0475 * 100^2 = 475. weighted 755, sd = sqrt(187,975) = 433.561,
		// low = 755 - 555.652 = 199.348, high = 1310.652. July: 750, sd 433.013, low
		// 195.051, high 1304.949. August: 5, sd = sqrt(475) = 21.794, low 0, high 32.932.
		expect(r.weighted).toBe(755);
		expect(r.range.sd).toBeCloseTo(433.5608377, 6);
		expect(r.range.low).toBeCloseTo(199.3484304, 6);
		expect(r.range.high).toBeCloseTo(1310.6515696, 6);
		const july = r.range.projectionRange['2025-07'];
		expect(july.expected).toBe(750);
		expect(july.sd).toBeCloseTo(433.0127019, 6);
		expect(july.low).toBeCloseTo(195.0509213, 6);
		expect(july.high).toBeCloseTo(1304.9490787, 6);
		const aug = r.range.projectionRange['2025-08'];
		expect(aug).toMatchObject({ expected: 5, low: 0 });
		expect(aug.sd).toBeCloseTo(21.7944947, 6);
		expect(aug.high).toBeCloseTo(32.9318244, 6);
		// Nobody's pipeline: sd 0, low and high 0, no months.
		const none = kpis(two, { ...P, reps: ['r3'] }).weightedPipeline.range;
		expect(none).toEqual({ sd: 0, low: 0, high: 0, projectionRange: {} });
	});

	it('has no spread when the probability is 1', () => {
		// A lead in a stage of probability 1 adds nothing to sd: p (1 - p) = 0.
		const sure = workspace({
			stages: workspace({}).stages.map((s) => (s.id === 'proposal' ? { ...s, probability: 1 } : s)),
			leads: [lead('S', '2025-05-01', { value: 300, stageId: 'proposal' })]
		});
		// S: 1 * 300, variance 0: low = high = 300; month: 05-01 + 0 d -> May -> June (asOf).
		expect(kpis(sure, P).weightedPipeline.range).toEqual({
			sd: 0,
			low: 300,
			high: 300,
			projectionRange: { '2025-06': { expected: 300, sd: 0, low: 300, high: 300 } }
		});
	});
});
