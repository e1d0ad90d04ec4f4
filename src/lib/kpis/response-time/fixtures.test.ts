// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { U, t, workspace, lead, act, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
