// Fast paths for the instant and date checks that run once per record field on files of a
// million records. They accept only the common spellings (`2026-11-27T10:00:00Z`,
// `...10:00:00.123+01:00`, `2026-11-27`) and fall back to the domain helpers for anything else,
// so they never accept what those refuse. Measured here: isIsoInstant ~0.7-1.2 µs a call, this ~0.3 µs.

import { isIsoDate, isIsoInstant, parseInstant } from '../domain/time';

const INSTANT =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || d > DAYS[m]) return false;
	if (m === 2 && d === 29) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	return true;
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(v: string, i: number): number {
	const a = v.charCodeAt(i) - 48;
	const b = v.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
	y -= m <= 2 ? 1 : 0;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

/**
 * Epoch ms of an instant in the spelling Tragt writes, `YYYY-MM-DDTHH:MM:SSZ` or
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (years 0100-9999, a real day), read from its character codes
 * without a regex or Date; NaN for any other string (the caller then takes the general path).
 * A million-record file holds three million of these.
 */
export function utcInstantMs(v: string): number {
	const n = v.length;
	if ((n !== 20 && n !== 24) || v.charCodeAt(n - 1) !== 90) return NaN;
	if (
		v.charCodeAt(4) !== 45 ||
		v.charCodeAt(7) !== 45 ||
		v.charCodeAt(10) !== 84 ||
		v.charCodeAt(13) !== 58 ||
		v.charCodeAt(16) !== 58
	)
		return NaN;
	const yHi = digits2(v, 0);
	const yLo = digits2(v, 2);
	const mo = digits2(v, 5);
	const d = digits2(v, 8);
	const h = digits2(v, 11);
	const mi = digits2(v, 14);
	const s = digits2(v, 17);
	if (yHi < 1 || yLo < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
	let ms = 0;
	if (n === 24) {
		const a = digits2(v, 20);
		const c = v.charCodeAt(22) - 48;
		if (v.charCodeAt(19) !== 46 || a < 0 || c < 0 || c > 9) return NaN;
		ms = a * 10 + c;
	}
	const y = yHi * 100 + yLo;
	if (!validDay(y, mo, d)) return NaN;
	return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}

export function isInstant(v: unknown): boolean {
	if (typeof v !== 'string') return false;
	// The spelling Tragt writes, without a regex (valid whenever it reads as a number).
	const ms = utcInstantMs(v);
	if (ms === ms) return true;
	const m = INSTANT.exec(v);
	// Years 0000-0099 go to the domain helper, which reads them through Date.UTC (as 1900-1999).
	if (!m || m[1] < '0100') return isIsoInstant(v);
	return (
		validDay(+m[1], +m[2], +m[3]) &&
		+m[4] <= 23 &&
		+m[5] <= 59 &&
		+m[6] <= 59 &&
		(m[7] === undefined || (+m[7] <= 23 && +m[8] <= 59))
	);
}

export function isDate(v: unknown): boolean {
	if (typeof v !== 'string') return false;
	const m = DATE.exec(v);
	if (!m) return false;
	if (m[1] < '0100') return isIsoDate(v);
	return validDay(+m[1], +m[2], +m[3]);
}

export function isDateOrInstant(v: unknown): boolean {
	// Only a date is 10 characters long; only an instant is longer.
	if (typeof v !== 'string') return false;
	return v.length === 10 ? isDate(v) : isInstant(v);
}

// ECMAScript's date-time string format, which Date.parse must read exactly (milliseconds only).
const ES_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an instant with an offset; NaN when unreadable. */
export function instantMs(v: string): number {
	// Date.parse may roll 2026-02-30 over to March: check the fields first.
	if (ES_INSTANT.test(v) && v >= '0100' && isInstant(v)) return Date.parse(v);
	return isIsoInstant(v) ? parseInstant(v, 'UTC') : NaN;
}
