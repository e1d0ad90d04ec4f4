// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
