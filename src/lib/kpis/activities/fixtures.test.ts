// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import { U, t, workspace, lead, act, kpis } from '../../../../tests/reference/kpi-fixture-kit';

describe('activities and responses', () => {
	const records = workspace({
		leads: [lead('L1', '2024-01-01'), lead('X', '2024-01-01', { deletedAt: U })],
		activities: [
			act('2025-01-05', { leadId: 'L1', response: 'positive' }),
			act('2025-01-31T23:59:59Z', { leadId: 'L1', type: 'email', response: 'negative' }),
			act('2025-02-01', { repId: 'r2', type: 'meeting', response: 'positive' }),
			act('2025-02-10', { repId: 'r2', type: 'other', leadId: '' }),
			act('2025-02-28T23:00:00Z', { repId: 'r2', leadId: null, response: 'neutral' }),
			act('2025-01-10', { leadId: 'L1', deletedAt: U }),
			act('2025-01-11', { leadId: 'nope', response: 'positive' }),
			act('2025-01-12', { leadId: 'X', response: 'positive' }),
			act('2025-03-01', { leadId: 'L1', response: 'positive' }),
			act('2024-07-15', { leadId: 'L1', repId: 'r2' })
		]
	});
	const P = { from: t('2025-01-01'), to: t('2025-03-01'), now: t('2026-01-01') };

	it('counts live activities in P, with or without a lead, by type, rep and month', () => {
		const r = kpis(records, P);
		expect(r.activities).toEqual({
			total: 5,
			byType: { call: 2, email: 1, meeting: 1, other: 1 },
			byRep: { r1: 2, r2: 3 },
			series: { '2025-01-01': 2, '2025-02-01': 3 },
			// All live activities of any date: Jan 2, Feb 3, Mar 1, Jul 1.
			seasonality: { 1: 2, 2: 3, 3: 1, 4: 0, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0 }
		});
		expect(r.responses).toEqual({
			positive: 2,
			negative: 1,
			neutral: 1,
			positiveShare: 2 / 3,
			ratio: 2,
			byRep: {
				r1: { positive: 1, negative: 1, neutral: 0, positiveShare: 0.5, ratio: 1 },
				r2: { positive: 1, negative: 0, neutral: 1, positiveShare: 1, ratio: null }
			}
		});
	});

	it('filters activities by their rep, seasonality included', () => {
		const r = kpis(records, { ...P, reps: ['r2'] });
		expect(r.activities.total).toBe(3);
		expect(r.activities.byRep).toEqual({ r2: 3 });
		expect(r.activities.seasonality[2]).toBe(3);
		expect(r.activities.seasonality[7]).toBe(1);
		expect(r.activities.seasonality[1]).toBe(0);
	});

	it('cuts 23- and 25-hour days at the DST changes in Copenhagen', () => {
		const acts = workspace({
			activities: [
				act('2025-03-29T22:59:00Z'), // 23:59 CET, 03-29
				act('2025-03-29T23:30:00Z'), // 00:30 CET, 03-30
				act('2025-03-30T21:30:00Z'), // 23:30 CEST, 03-30 (a 23-hour day)
				act('2025-03-30T22:00:00Z'), // 00:00 CEST, 03-31
				act('2025-10-25T22:00:00Z'), // 00:00 CEST, 10-26
				act('2025-10-26T22:30:00Z'), // 23:30 CET, 10-26 (a 25-hour day)
				act('2025-10-26T23:00:00Z') // 00:00 CET, 10-27
			]
		});
		const tz = 'Europe/Copenhagen';
		const spring = kpis(acts, {
			from: t('2025-03-28T23:00:00Z'),
			to: t('2025-03-31T22:00:00Z'),
			now: t('2026-01-01'),
			timeZone: tz,
			granularity: 'day'
		});
		expect(spring.activities.series).toEqual({ '2025-03-29': 1, '2025-03-30': 2, '2025-03-31': 1 });
		const autumn = kpis(acts, {
			from: t('2025-10-25T22:00:00Z'),
			to: t('2025-10-27T23:00:00Z'),
			now: t('2026-01-01'),
			timeZone: tz,
			granularity: 'day'
		});
		expect(autumn.activities.series).toEqual({ '2025-10-26': 2, '2025-10-27': 1 });
	});

	it('cuts months and seasonality in the zone', () => {
		const acts = workspace({
			activities: [act('2025-03-31T21:59:00Z'), act('2025-03-31T22:30:00Z')]
		});
		const o = {
			from: t('2025-02-28T23:00:00Z'),
			to: t('2025-04-30T22:00:00Z'),
			now: t('2026-01-01')
		};
		const cph = kpis(acts, { ...o, timeZone: 'Europe/Copenhagen' });
		// 23:59 CEST on 03-31 is March; 00:30 CEST on 04-01 is April.
		expect(cph.activities.series).toEqual({ '2025-03-01': 1, '2025-04-01': 1 });
		expect([cph.activities.seasonality[3], cph.activities.seasonality[4]]).toEqual([1, 1]);
		// In UTC both are in March; P starts 02-28 23:00, so February's bucket is there too.
		const utc = kpis(acts, o);
		expect(utc.activities.series).toEqual({ '2025-02-01': 0, '2025-03-01': 2, '2025-04-01': 0 });
		expect(utc.activities.seasonality[3]).toBe(2);
	});

	it('uses ISO weeks starting on Monday', () => {
		const acts = workspace({
			activities: [act('2025-01-05T23:00:00Z'), act('2025-01-06T00:00:00Z')]
		});
		const o = {
			from: t('2025-01-01'),
			to: t('2025-01-15'),
			now: t('2026-01-01'),
			granularity: 'week' as const
		};
		// Sunday 23:00 UTC is week 2024-12-30; in Copenhagen it is Monday 00:00, week 2025-01-06.
		expect(kpis(acts, o).activities.series).toEqual({
			'2024-12-30': 1,
			'2025-01-06': 1,
			'2025-01-13': 0
		});
		expect(kpis(acts, { ...o, timeZone: 'Europe/Copenhagen' }).activities.series).toEqual({
			'2024-12-30': 0,
			'2025-01-06': 2,
			'2025-01-13': 0
		});
	});
});
