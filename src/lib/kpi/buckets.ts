// Calendar arithmetic for the engine: bucket boundaries, months and forecast periods in a zone.
//
// Intl is slow (microseconds per call), so boundaries are computed once per call (and cached)
// and rows are binned by binary search or a merge walk over sorted instants, never per row.

import { pad2, wallTimeAt, zonedTimeToMs } from '../domain/time';
import type { Granularity } from './result-types';

export interface Buckets {
	/** Bucket start instants, ascending; the first one is at or before `from`. */
	starts: Float64Array;
	/** Key of each bucket: its first day, `YYYY-MM-DD` in the zone. */
	keys: string[];
}

const bucketCache = new Map<string, Buckets>();

/** Civil date arithmetic in UTC, independent of any zone. */
function civil(y: number, m: number, d: number): { y: number; m: number; d: number } {
	const t = new Date(Date.UTC(y, m - 1, d));
	return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function dateKey(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Every bucket of `granularity` that overlaps [from, to), cut in `timeZone`. */
export function bucketsFor(
	from: number,
	to: number,
	granularity: Granularity,
	timeZone: string
): Buckets {
	const cacheKey = `${timeZone}|${granularity}|${from}|${to}`;
	const hit = bucketCache.get(cacheKey);
	if (hit) return hit;
	const starts: number[] = [];
	const keys: string[] = [];
	if (to > from && Number.isFinite(from) && Number.isFinite(to)) {
		const w = wallTimeAt(from, timeZone);
		let c = { y: w.year, m: w.month, d: w.day };
		if (granularity === 'week') {
			const dow = new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDay();
			c = civil(c.y, c.m, c.d - ((dow + 6) % 7));
		} else if (granularity === 'month') {
			c = { y: c.y, m: c.m, d: 1 };
		}
		for (;;) {
			const start = zonedTimeToMs(c.y, c.m, c.d, timeZone);
			if (starts.length > 0 && start >= to) break;
			starts.push(start);
			keys.push(dateKey(c.y, c.m, c.d));
			if (granularity === 'day') c = civil(c.y, c.m, c.d + 1);
			else if (granularity === 'week') c = civil(c.y, c.m, c.d + 7);
			else c = civil(c.y, c.m + 1, 1);
		}
	}
	const b: Buckets = { starts: Float64Array.from(starts), keys };
	if (bucketCache.size > 64) bucketCache.clear();
	bucketCache.set(cacheKey, b);
	return b;
}

/** Index of the last element of `sorted` that is <= t, or -1. */
export function lastAtOrBefore(sorted: Float64Array, t: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

/** Index of the first element of `sorted` that is >= t (sorted.length if none). */
export function firstAtOrAfter(sorted: Float64Array, t: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Month starts of a zone over a range of years, to find the calendar month of many instants
 * without Intl. Month number m = year * 12 + (month - 1).
 */
export class MonthTable {
	readonly firstYear: number;
	readonly starts: Float64Array;

	constructor(
		readonly timeZone: string,
		firstYear: number,
		lastYear: number
	) {
		this.firstYear = firstYear;
		const n = (lastYear - firstYear + 1) * 12 + 1;
		this.starts = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			this.starts[i] = zonedTimeToMs(firstYear + Math.floor(i / 12), (i % 12) + 1, 1, timeZone);
		}
	}

	covers(t: number): boolean {
		return t >= this.starts[0] && t < this.starts[this.starts.length - 1];
	}

	/** Month number (year * 12 + month - 1) of instant t. */
	monthOf(t: number): number {
		return this.firstYear * 12 + lastAtOrBefore(this.starts, t);
	}
}

const monthTables = new Map<string, MonthTable>();

/** A month table for `timeZone` covering instants lo..hi (cached, widened on demand). */
export function monthTableFor(timeZone: string, lo: number, hi: number): MonthTable {
	const cur = monthTables.get(timeZone);
	const okLo = !Number.isFinite(lo) || (cur && cur.covers(lo));
	const okHi = !Number.isFinite(hi) || (cur && cur.covers(hi));
	if (cur && okLo && okHi) return cur;
	let y0 = Number.isFinite(lo) ? new Date(lo).getUTCFullYear() - 1 : 2000;
	let y1 = Number.isFinite(hi) ? new Date(hi).getUTCFullYear() + 1 : 2040;
	if (cur) {
		y0 = Math.min(y0, cur.firstYear);
		y1 = Math.max(y1, cur.firstYear + (cur.starts.length - 1) / 12 - 1);
	}
	y0 = Math.max(y0, -270000);
	y1 = Math.min(y1, 270000);
	const t = new MonthTable(timeZone, y0, y1);
	monthTables.set(timeZone, t);
	return t;
}

export function monthKey(monthNumber: number): string {
	const y = Math.floor(monthNumber / 12);
	return `${String(y).padStart(4, '0')}-${pad2((monthNumber % 12) + 1)}`;
}

const PERIOD = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/;

/**
 * The bounds [start, end) of a forecast period (`2026-11`, `2026-Q4`, `2026`) in a zone, or
 * null for a malformed period.
 */
export function forecastPeriodBounds(period: string, timeZone: string): [number, number] | null {
	const key = timeZone + '|' + period;
	let b = periodCache.get(key);
	if (b === undefined) {
		b = periodBounds(period, timeZone);
		if (periodCache.size > 4096) periodCache.clear();
		periodCache.set(key, b);
	}
	return b;
}

// Periods repeat (one per rep and month): Intl runs once per distinct period and zone.
const periodCache = new Map<string, [number, number] | null>();

function periodBounds(period: string, timeZone: string): [number, number] | null {
	const m = PERIOD.exec(period);
	if (!m) return null;
	const y = Number(m[1]);
	let m0: number;
	let months: number;
	if (m[2] !== undefined) {
		m0 = Number(m[2]);
		if (m0 < 1 || m0 > 12) return null;
		months = 1;
	} else if (m[3] !== undefined) {
		m0 = (Number(m[3]) - 1) * 3 + 1;
		months = 3;
	} else {
		m0 = 1;
		months = 12;
	}
	const endY = y + Math.floor((m0 - 1 + months) / 12);
	const endM = ((m0 - 1 + months) % 12) + 1;
	return [zonedTimeToMs(y, m0, 1, timeZone), zonedTimeToMs(endY, endM, 1, timeZone)];
}
