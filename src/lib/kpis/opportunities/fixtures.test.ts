// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

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
