// Fast parsing of the instants in records, for building a dataset of 100k leads quickly.
//
// The domain's parseInstant is exact but runs a regular expression (and Intl for date-only
// values) per call. Records almost always hold `YYYY-MM-DDTHH:MM:SS(.sss)Z` or a `+HH:MM`
// offset, which the engine's Date.parse reads natively; date-only values repeat a lot and are
// cached per zone. Anything else falls back to parseInstant, so results are identical.

import { parseInstant } from '../domain/time';

const C0 = 48; // '0'
const C9 = 57;

function digitsAt(s: string, positions: readonly number[]): boolean {
	for (const p of positions) {
		const c = s.charCodeAt(p);
		if (c < C0 || c > C9) return false;
	}
	return true;
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** True for `YYYY-MM-DDTHH:MM:SS` followed by `Z`, `.sssZ`, `+HH:MM` or `.sss+HH:MM`. */
function isPlainIso(s: string): boolean {
	const n = s.length;
	if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return false;
	if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return false;
	if (!digitsAt(s, DIGITS)) return false;
	let rest = 19;
	if (n === 24 || n === 29) {
		if (s[19] !== '.' || !digitsAt(s, [20, 21, 22])) return false;
		rest = 23;
	}
	if (n - rest === 1) return s[rest] === 'Z';
	const sign = s[rest];
	return (
		(sign === '+' || sign === '-') &&
		s[rest + 3] === ':' &&
		digitsAt(s, [rest + 1, rest + 2, rest + 4, rest + 5])
	);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function two(s: string, p: number): number {
	return (s.charCodeAt(p) - C0) * 10 + s.charCodeAt(p + 1) - C0;
}

/** Rejects what parseInstant rejects (Date.parse would roll 02-30 over or accept 24:00). */
function fieldsValid(s: string): boolean {
	const y = two(s, 0) * 100 + two(s, 2);
	const mo = two(s, 5);
	const d = two(s, 8);
	if (mo < 1 || mo > 12 || d < 1 || two(s, 11) > 23 || two(s, 14) > 59 || two(s, 17) > 59) {
		return false;
	}
	const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	const max = mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1];
	if (d > max) return false;
	const n = s.length;
	if (s[n - 1] === 'Z') return true;
	return two(s, n - 5) <= 23 && two(s, n - 2) <= 59;
}

/**
 * A value isPlainIso and fieldsValid accept, in epoch ms: what Date.parse gives, by arithmetic
 * on its digits (no string parsing again; 100k leads' createdAt on a cold build). Years below
 * 100 go through Date.parse, since Date.UTC would read them as 1900-1999.
 */
function plainIsoMs(s: string): number {
	const y = two(s, 0) * 100 + two(s, 2);
	if (y < 100) return Date.parse(s);
	const n = s.length;
	const ms =
		n === 24 || n === 29
			? (s.charCodeAt(20) - C0) * 100 + (s.charCodeAt(21) - C0) * 10 + s.charCodeAt(22) - C0
			: 0;
	const t = Date.UTC(y, two(s, 5) - 1, two(s, 8), two(s, 11), two(s, 14), two(s, 17), ms);
	if (s.charCodeAt(n - 1) === 90) return t; // 'Z'
	const offset = (two(s, n - 5) * 60 + two(s, n - 2)) * 60_000;
	return s.charCodeAt(n - 6) === 45 ? t + offset : t - offset; // '-': behind UTC
}

// Date-only values per zone, shared by every parser (a workspace has a few thousand dates).
const dateCaches = new Map<string, Map<string, number>>();

/** A parser of instants and date-only values for one zone, with a cache of dates. */
export function instantParser(timeZone: string): (value: string | undefined | null) => number {
	let dates = dateCaches.get(timeZone);
	if (!dates || dates.size > 100_000) {
		dates = new Map<string, number>();
		dateCaches.set(timeZone, dates);
	}
	return (value) => {
		if (!value) return NaN;
		if (isPlainIso(value) && fieldsValid(value)) {
			const t = plainIsoMs(value);
			if (!Number.isNaN(t)) return t;
		}
		if (value.length === 10) {
			let t = dates!.get(value);
			if (t === undefined) {
				t = parseInstant(value, timeZone);
				dates!.set(value, t);
			}
			return t;
		}
		return parseInstant(value, timeZone);
	};
}
