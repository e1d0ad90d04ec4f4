// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../domain/default-pipeline';
import type { Stage } from '../../domain/types';
import { U, t, workspace, lead, ev, act, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
