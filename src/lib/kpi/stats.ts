// Ratios, means and medians as the spec defines them (../shared/spec/kpis.md): a ratio over 0 is
// null, means of durations sum integer milliseconds (exact in any order) and divide once.

import { MS_PER_DAY, MS_PER_HOUR } from '../domain/time';

export interface DurationStats {
	count: number;
	meanDays: number | null;
	medianDays: number | null;
}

export interface HoursStats {
	count: number;
	meanHours: number | null;
	medianHours: number | null;
}

export function ratio(num: number, den: number): number | null {
	return den === 0 ? null : num / den;
}

/**
 * Mean and median of integer millisecond spans, in `unit` ms. Reorders `spans` in place. The sum
 * of integer milliseconds is exact in any order, so only the final divisions round.
 */
export function spanStats(
	spans: Float64Array,
	unit: number
): { count: number; mean: number | null; median: number | null } {
	const n = spans.length;
	if (n === 0) return { count: 0, mean: null, median: null };
	let sum = 0;
	for (let k = 0; k < n; k++) sum += spans[k];
	const mid = n >> 1;
	const upper = selectKth(spans, mid);
	let median: number;
	if (n % 2) {
		median = upper / unit;
	} else {
		// After selection everything before `mid` is <= the upper middle: its maximum is the lower.
		let lower = spans[0];
		for (let k = 1; k < mid; k++) if (spans[k] > lower) lower = spans[k];
		median = (lower / unit + upper / unit) / 2;
	}
	return { count: n, mean: sum / n / unit, median };
}

/** Quickselect: puts the k-th smallest value at index k (smaller before it) and returns it. */
function selectKth(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		const m = (lo + hi) >>> 1;
		// Median of three as the pivot.
		let x = a[lo];
		let y = a[m];
		let z = a[hi];
		if (x > y) [x, y] = [y, x];
		if (y > z) [y, z] = [z, y];
		if (x > y) [x, y] = [y, x];
		const pivot = y;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

export function days(spans: Float64Array): DurationStats {
	const s = spanStats(spans, MS_PER_DAY);
	return { count: s.count, meanDays: s.mean, medianDays: s.median };
}

export function hours(spans: Float64Array): HoursStats {
	const s = spanStats(spans, MS_PER_HOUR);
	return { count: s.count, meanHours: s.mean, medianHours: s.median };
}
