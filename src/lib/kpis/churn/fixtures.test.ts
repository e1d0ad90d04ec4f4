// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../domain/types';
import { U, t, workspace, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
