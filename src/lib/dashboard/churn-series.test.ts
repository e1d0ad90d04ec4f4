import { describe, expect, it } from 'vitest';
import { seriesBuckets } from './churn-series';

const utc = (iso: string) => Date.parse(iso);
const CPH = 'Europe/Copenhagen';

describe('seriesBuckets', () => {
	it('cuts the period into its months, the first and last cut at the period', () => {
		// 15 Jan to 10 Apr 2026 (UTC): four months, the outer two partial.
		const plan = seriesBuckets(
			{ from: utc('2026-01-15T00:00:00Z'), to: utc('2026-04-10T00:00:00Z') },
			'month',
			'UTC'
		);
		expect(plan.granularity).toBe('month');
		expect(plan.widened).toBe(false);
		expect(plan.buckets).toEqual([
			{ key: '2026-01-15', from: utc('2026-01-15T00:00:00Z'), to: utc('2026-02-01T00:00:00Z') },
			{ key: '2026-02-01', from: utc('2026-02-01T00:00:00Z'), to: utc('2026-03-01T00:00:00Z') },
			{ key: '2026-03-01', from: utc('2026-03-01T00:00:00Z'), to: utc('2026-04-01T00:00:00Z') },
			{ key: '2026-04-01', from: utc('2026-04-01T00:00:00Z'), to: utc('2026-04-10T00:00:00Z') }
		]);
	});

	it('weeks start on Monday midnight in the zone, across the summer-time change', () => {
		// Wed 18 Mar to Wed 1 Apr 2026 in Copenhagen (+01:00, then +02:00 from 29 March).
		const plan = seriesBuckets(
			{ from: utc('2026-03-17T23:00:00Z'), to: utc('2026-03-31T22:00:00Z') },
			'week',
			CPH
		);
		expect(plan.buckets.map((b) => [b.key, b.from, b.to])).toEqual([
			['2026-03-18', utc('2026-03-17T23:00:00Z'), utc('2026-03-22T23:00:00Z')],
			['2026-03-23', utc('2026-03-22T23:00:00Z'), utc('2026-03-29T22:00:00Z')],
			['2026-03-30', utc('2026-03-29T22:00:00Z'), utc('2026-03-31T22:00:00Z')]
		]);
	});

	it('the buckets cover the period exactly once', () => {
		const range = { from: utc('2025-11-03T10:00:00Z'), to: utc('2026-02-17T00:00:00Z') };
		const { buckets } = seriesBuckets(range, 'week', CPH);
		expect(buckets[0].from).toBe(range.from);
		expect(buckets.at(-1)!.to).toBe(range.to);
		for (let i = 1; i < buckets.length; i++) expect(buckets[i].from).toBe(buckets[i - 1].to);
	});

	it('too few buckets: the 12 months ending with the period’s last month', () => {
		// "This month" in November 2026 by month is a single bucket: no trend in that.
		const plan = seriesBuckets(
			{ from: utc('2026-11-01T00:00:00Z'), to: utc('2026-12-01T00:00:00Z') },
			'month',
			'UTC'
		);
		expect(plan.granularity).toBe('month');
		expect(plan.widened).toBe(true);
		expect(plan.buckets).toHaveLength(12);
		expect(plan.buckets[0]).toEqual({
			key: '2025-12-01',
			from: utc('2025-12-01T00:00:00Z'),
			to: utc('2026-01-01T00:00:00Z')
		});
		expect(plan.buckets[11].key).toBe('2026-11-01');
		expect(plan.buckets[11].to).toBe(utc('2026-12-01T00:00:00Z'));
	});

	it('the fallback months end where the period ends', () => {
		// One week (Mon 23 to Mon 30 Nov 2026) by week: 12 months, the last cut at the 30th.
		const plan = seriesBuckets(
			{ from: utc('2026-11-23T00:00:00Z'), to: utc('2026-11-30T00:00:00Z') },
			'week',
			'UTC'
		);
		expect(plan.granularity).toBe('month');
		expect(plan.buckets.map((b) => b.key)[0]).toBe('2025-12-01');
		expect(plan.buckets.at(-1)).toEqual({
			key: '2026-11-01',
			from: utc('2026-11-01T00:00:00Z'),
			to: utc('2026-11-30T00:00:00Z')
		});
	});

	it('a year by day becomes a year by month (53 weeks would still be too many)', () => {
		const plan = seriesBuckets(
			{ from: utc('2025-01-01T00:00:00Z'), to: utc('2026-01-01T00:00:00Z') },
			'day',
			'UTC'
		);
		expect(plan.granularity).toBe('month');
		expect(plan.buckets).toHaveLength(12);
	});

	it('five years by month keep the last 36 months', () => {
		const plan = seriesBuckets(
			{ from: utc('2021-01-01T00:00:00Z'), to: utc('2026-01-01T00:00:00Z') },
			'month',
			'UTC'
		);
		expect(plan.buckets).toHaveLength(36);
		expect(plan.buckets[0].key).toBe('2023-01-01');
		expect(plan.buckets[35].key).toBe('2025-12-01');
	});

	it('an empty range has no buckets', () => {
		expect(seriesBuckets({ from: 5, to: 5 }, 'week', 'UTC').buckets).toEqual([]);
	});
});
