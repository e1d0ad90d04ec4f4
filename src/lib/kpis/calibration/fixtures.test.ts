// Hand-computed fixtures for `calibration` (spec/targets-and-forecast.md): every expected value
// is worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

// P = Q1 2025, asOf = 03-15.
const P = { from: t('2025-01-01'), to: t('2025-04-01'), now: t('2025-03-15') };

const records = workspace({
	leads: [
		lead('K1', '2025-01-02'),
		lead('K2', '2025-01-03'),
		// Created directly as won: its one (implicit) event enters won on 01-20.
		lead('K3', '2025-01-20', { stageId: 'won' }),
		lead('K4', '2025-01-04'),
		lead('K5', '2025-01-05'),
		lead('K6', '2025-01-01'),
		lead('K8', '2025-01-10', { ownerId: 'r2' })
	],
	stageEvents: [
		ev('K1', 'lead', '2025-01-02'),
		ev('K1', 'contacted', '2025-01-05'),
		ev('K1', 'qualified', '2025-01-10'),
		ev('K1', 'won', '2025-02-01'),
		ev('K2', 'lead', '2025-01-03'),
		ev('K2', 'contacted', '2025-01-06'),
		ev('K2', 'lost', '2025-02-10'),
		ev('K4', 'lead', '2025-01-04'),
		ev('K4', 'proposal', '2025-01-15'),
		ev('K4', 'lost', '2025-03-01'),
		ev('K5', 'lead', '2025-01-05'),
		ev('K5', 'qualified', '2025-01-08'),
		// K6 closes won after asOf but in P.
		ev('K6', 'lead', '2025-01-01'),
		ev('K6', 'won', '2025-03-20'),
		// K8: lost, then won: its stage just before closedAt is lost.
		ev('K8', 'lead', '2025-01-10'),
		ev('K8', 'lost', '2025-02-01'),
		ev('K8', 'won', '2025-02-15')
	]
});

describe('calibration', () => {
	it('compares each open stage with the leads closed before asOf that reached it', () => {
		const c = kpis(records, P).calibration;
		// Closed before asOf: K1 won, K2 lost, K3 won, K4 lost, K8 won (K5 is open, K6 closes
		// 03-20). Won leads reached every open stage (K3 too, never in an open stage).
		// lead: all five, 3 won. contacted (order 2): all five (K4 entered proposal, order 4).
		// qualified and proposal: K1, K3, K4, K8 (K2 stopped at contacted), 3 won.
		// negotiation: K1, K3, K8, all won.
		expect(c.n).toBe(5);
		const figures = Object.fromEntries(
			Object.entries(c.byStage).map(([k, s]) => [k, [s.configured, s.n, s.won, s.historical]])
		);
		expect(figures).toEqual({
			lead: [0.05, 5, 3, 0.6],
			contacted: [0.1, 5, 3, 0.6],
			qualified: [0.25, 4, 3, 0.75],
			proposal: [0.5, 4, 3, 0.75],
			negotiation: [0.75, 3, 3, 1]
		});
		// Wilson, z = 1.6449, z^2 = 2.70569601:
		// 3 of 5: centre = (0.6 + 0.270570) / 1.541139 = 0.564887, half = 1.6449 *
		//   sqrt(0.048 + 0.027057) / 1.541139 = 0.292411 -> [0.272476, 0.857298].
		// 3 of 4: centre = (0.75 + 0.338212) / 1.676424 = 0.649127, half = 1.6449 *
		//   sqrt(0.046875 + 0.042277) / 1.676424 = 0.292968 -> [0.356159, 0.942095].
		// 3 of 3 (h = 1): centre = (1 + 0.450949) / 1.901899 = 0.762895, half = 1.6449 *
		//   sqrt(0 + 0.075158) / 1.901899 = 0.237105 -> [0.525790, 1].
		const w = c.byStage;
		expect(w.lead.lower).toBeCloseTo(0.272476461, 8);
		expect(w.lead.upper).toBeCloseTo(0.85729767, 8);
		expect(w.qualified.lower).toBeCloseTo(0.356159105, 8);
		expect(w.qualified.upper).toBeCloseTo(0.942094797, 8);
		expect(w.negotiation.lower).toBeCloseTo(0.525790367, 8);
		expect(w.negotiation.upper).toBeCloseTo(1, 12);
		// configured in [lower, upper]? 0.05 and 0.1 < 0.272; 0.25 < 0.356; 0.5 fits;
		// 0.75 fits.
		expect(Object.values(w).map((s) => s.fits)).toEqual([false, false, false, true, true]);
	});

	it('scores the configured probabilities of the leads closed in P (Brier)', () => {
		const c = kpis(records, P).calibration;
		// Closed in P (not cut at asOf): K1 (before 02-01: qualified 0.25, won: 0.5625),
		// K2 (contacted 0.1, lost: 0.01), K4 (proposal 0.5, lost: 0.25), K6 (lead 0.05, won
		// 03-20: 0.9025). Left out: K3 (no event before closedAt: the first event, won, is
		// not open) and K8 (lost just before its win). Mean = 1.725 / 4 = 0.43125.
		expect(c.brierCount).toBe(4);
		expect(c.brier).toBeCloseTo(0.43125, 12);
	});

	it('uses the configured probabilities in either pipeline mode', () => {
		expect(kpis(records, { ...P, pipelineMode: 'historical' }).calibration).toEqual(
			kpis(records, P).calibration
		);
	});

	it('has Wilson bounds at n = 1, and nulls at n = 0', () => {
		// Under the rep filter r2: K8 only, won, reached every open stage: n = 1, h = 1:
		// centre = (1 + 1.352848) / 3.705696 = 0.634927, half = 1.6449 * sqrt(0.676424) /
		// 3.705696 = 0.365073 -> [0.269855, 1]. Fits: negotiation (0.75), proposal (0.5).
		// K8 closed in P, but its stage before closedAt is lost: no Brier.
		const c = kpis(records, { ...P, reps: ['r2'] }).calibration;
		expect(c).toMatchObject({ n: 1, brier: null, brierCount: 0 });
		expect(c.byStage.lead).toMatchObject({ n: 1, won: 1, historical: 1, fits: false });
		expect(c.byStage.lead.lower).toBeCloseTo(0.269854839, 8);
		expect(c.byStage.lead.upper).toBeCloseTo(1, 12);
		expect(c.byStage.proposal.fits).toBe(true);
		// A single lead lost from negotiation: 0 of 1: [0, 0.730145].
		const one = workspace({
			leads: [lead('L', '2025-01-02')],
			stageEvents: [ev('L', 'negotiation', '2025-01-02'), ev('L', 'lost', '2025-02-01')]
		});
		const d = kpis(one, P).calibration;
		expect(d.byStage.negotiation).toMatchObject({ n: 1, won: 0, historical: 0 });
		expect(d.byStage.negotiation.lower).toBeCloseTo(0, 12);
		expect(d.byStage.negotiation.upper).toBeCloseTo(0.730145161, 8);
		expect(d.byStage.negotiation.fits).toBe(false);
		// Brier: stage before 02-01 is negotiation (0.75), lost: 0.5625.
		expect(d).toMatchObject({ n: 1, brier: 0.5625, brierCount: 1 });
		// Nobody: every stage has n = 0 and null figures.
		const none = kpis(records, { ...P, reps: ['r3'] }).calibration;
		expect(none).toMatchObject({ n: 0, brier: null, brierCount: 0 });
		expect(none.byStage.lead).toEqual({
			configured: 0.05,
			n: 0,
			won: 0,
			historical: null,
			lower: null,
			upper: null,
			fits: null
		});
	});

	it('takes the first event when none is strictly before closedAt (stage-at-instant rule)', () => {
		// T: events lead and won at the same instant (ties by id: e-lead first). No event is
		// strictly before closedAt, so its stage there is the first event's: lead (0.05), open:
		// (0.05 - 1)^2 = 0.9025. U: events won and lead tied the other way (ids), then lost:
		// closed lost on 02-10; before it the last event is 02-01 'lead' (order by id among
		// the tie: 'e-a-won' < 'e-b-lead'): 0.05, o = 0: 0.0025.
		const tie = workspace({
			leads: [lead('T', '2025-02-01'), lead('U', '2025-02-01')],
			stageEvents: [
				ev('T', 'won', '2025-02-01T10:00:00Z', { id: 'e-t2' }),
				ev('T', 'lead', '2025-02-01T10:00:00Z', { id: 'e-t1' }),
				ev('U', 'won', '2025-02-01', { id: 'e-a-won' }),
				ev('U', 'lead', '2025-02-01', { id: 'e-b-lead' }),
				ev('U', 'lost', '2025-02-10', { id: 'e-c-lost' })
			]
		});
		const c = kpis(tie, P).calibration;
		expect(c.brierCount).toBe(2);
		expect(c.brier).toBeCloseTo((0.9025 + 0.0025) / 2, 12);
	});
});
