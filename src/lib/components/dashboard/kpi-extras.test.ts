import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import type { KpiResult } from '$lib/kpi/result-types';
import type { KpiRequest } from '$lib/workers/kpi-protocol';
import { KpiExtras, REP_SERIES_LIMIT } from './kpi-extras.svelte';

const request: KpiRequest = {
	from: Date.UTC(2026, 0, 15),
	to: Date.UTC(2026, 3, 10),
	now: Date.UTC(2026, 5, 1),
	timeZone: 'UTC',
	granularity: 'month',
	reps: ['r1', 'r2']
};

/** A fake worker that records the requests and answers churn = the bucket's day count. */
function fakeSource() {
	const calls: KpiRequest[] = [];
	return {
		calls,
		source: {
			async compute(r: KpiRequest): Promise<KpiResult> {
				calls.push(r);
				const days = (r.to - r.from) / 86_400_000;
				return resultWith({
					churn: { atStart: 100, churned: days, rate: days / 100 },
					activities: { series: { [r.reps![0]]: days } }
				});
			},
			async responseHistogram() {
				return [1, 2, 3, 4, 5, 6];
			}
		}
	};
}

describe('KpiExtras', () => {
	it('churn: one computation per bucket period, the rest of the view unchanged', async () => {
		const { calls, source } = fakeSource();
		const extras = new KpiExtras(() => source);
		await extras.load('churn', request, resultWith({}));
		// 15 Jan - 1 Feb, February, March, 1 - 10 April: 17, 28, 31 and 9 days.
		expect(calls.map((c) => [c.from, c.to])).toEqual([
			[Date.UTC(2026, 0, 15), Date.UTC(2026, 1, 1)],
			[Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)],
			[Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1)],
			[Date.UTC(2026, 3, 1), Date.UTC(2026, 3, 10)]
		]);
		expect(calls.every((c) => c.reps?.join() === 'r1,r2' && c.now === request.now)).toBe(true);
		expect(extras.churn!.results.map((r) => r.churned)).toEqual([17, 28, 31, 9]);
		expect(extras.request).toBe(request);
	});

	it('activities: one computation per busy rep, at most the limit', async () => {
		const { calls, source } = fakeSource();
		const extras = new KpiExtras(() => source);
		const byRep = Object.fromEntries(
			Array.from({ length: REP_SERIES_LIMIT + 2 }, (_, i) => [`r${i}`, 100 - i])
		);
		await extras.load('activities', request, resultWith({ activities: { byRep } }));
		expect(calls.map((c) => c.reps)).toEqual(
			Array.from({ length: REP_SERIES_LIMIT }, (_, i) => [`r${i}`])
		);
		expect(extras.repSeries!.reps).toHaveLength(REP_SERIES_LIMIT);
	});

	it('a newer load wins over one still running', async () => {
		const { source } = fakeSource();
		const extras = new KpiExtras(() => source);
		const later = { ...request, from: Date.UTC(2026, 1, 1) };
		const first = extras.load('churn', request, resultWith({}));
		await extras.load('churn', later, resultWith({}));
		await first;
		expect(extras.request).toBe(later);
		expect(extras.churn!.plan.buckets[0].key).toBe('2026-02-01');
	});

	it('the histogram comes from the worker as it is', async () => {
		const { calls, source } = fakeSource();
		const extras = new KpiExtras(() => source);
		await extras.load('responseTime', request, resultWith({}));
		expect(extras.histogram).toEqual([1, 2, 3, 4, 5, 6]);
		expect(calls).toEqual([]);
	});

	it('asks for no previous period, even when the figures did (none of these charts shows it)', async () => {
		const { calls, source } = fakeSource();
		const extras = new KpiExtras(() => source);
		const withPrevious = { ...request, withPrevious: true };
		await extras.load('churn', withPrevious, resultWith({}));
		const r = resultWith({ activities: { byRep: { r1: 3, r2: 5 } } });
		await extras.load('activities', withPrevious, r);
		expect(calls.length).toBe(4 + 2);
		expect(calls.every((c) => !c.withPrevious)).toBe(true);
		// The loaded charts still belong to the figures' own request.
		expect(extras.request).toBe(withPrevious);
	});
});
