// The periods behind a "figure over time" chart whose KPI has no series of its own (churn): the
// view's granularity buckets across the period, each cut to the period, so that every bucket's
// figure is exactly the KPI computed for that bucket's period (one engine call per bucket).
import { wallTimeAt, zonedTimeToMs } from '../domain/time';
import { bucketsFor } from '../kpi/buckets';
import type { Granularity } from '../kpi/result-types';
import { formatIsoDate, type Range } from './periods';

export interface PeriodBucket {
	/** First day of the bucket's period, `YYYY-MM-DD` in the zone. */
	key: string;
	from: number;
	to: number;
}

export interface BucketPlan {
	granularity: Granularity;
	buckets: PeriodBucket[];
	/** The buckets reach back before the period (too few buckets in it for a trend). */
	widened: boolean;
}

/** Fewer buckets than this say nothing about a trend: show the last 12 months instead. */
export const MIN_BUCKETS = 3;
/** One engine call per bucket: past this, coarser buckets (day, then week, then month). */
export const MAX_BUCKETS = 36;

const COARSER: Record<Granularity, Granularity | null> = {
	day: 'week',
	week: 'month',
	month: null
};

function cut(range: Range, granularity: Granularity, timeZone: string): PeriodBucket[] {
	const { starts } = bucketsFor(range.from, range.to, granularity, timeZone);
	const out: PeriodBucket[] = [];
	for (let i = 0; i < starts.length; i++) {
		const from = Math.max(range.from, starts[i]);
		const to = Math.min(range.to, i + 1 < starts.length ? starts[i + 1] : range.to);
		if (from < to) out.push({ key: formatIsoDate(wallTimeAt(from, timeZone)), from, to });
	}
	return out;
}

/**
 * The buckets of `granularity` that overlap the range, each cut to it. Too many (a year by day)
 * and they get coarser; still more than MAX_BUCKETS months and only the last ones are kept. Too
 * few (this month by month) and the 12 calendar months ending with the range's last month are
 * used instead, the last one ending where the range ends.
 */
export function seriesBuckets(
	range: Range,
	granularity: Granularity,
	timeZone: string
): BucketPlan {
	if (!(range.from < range.to)) return { granularity, buckets: [], widened: false };
	let g = granularity;
	let buckets = cut(range, g, timeZone);
	let widened = false;
	while (buckets.length > MAX_BUCKETS && COARSER[g]) {
		g = COARSER[g]!;
		buckets = cut(range, g, timeZone);
	}
	if (buckets.length < MIN_BUCKETS) {
		const last = wallTimeAt(range.to - 1, timeZone);
		const first = new Date(Date.UTC(last.year, last.month - 12, 1));
		const from = zonedTimeToMs(first.getUTCFullYear(), first.getUTCMonth() + 1, 1, timeZone);
		g = 'month';
		buckets = cut({ from, to: range.to }, g, timeZone);
		widened = from < range.from;
	}
	return { granularity: g, buckets: buckets.slice(-MAX_BUCKETS), widened };
}
