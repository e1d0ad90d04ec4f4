// Instants, date-only values and time zones. Pure: Node, workers and the page all load it.
//
// The data format allows instants (`2026-11-03T10:00:00Z`, `...+01:00`) and date-only values
// (`2026-11-03`, the start of that day in the workspace time zone). Everything inside the app
// (database columns, KPI engine) works in epoch milliseconds; these helpers convert.

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date, time, optional fraction, optional offset (Z, +01:00, +0100, +01).
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Date.UTC for every year: Date.UTC reads years 0-99 as 1900-1999. */
export function utcMs(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0
): number {
	const ms = Date.UTC(year, month, day, hour, minute, second, millisecond);
	if (year >= 100 || year < 0) return ms;
	const d = new Date(ms);
	d.setUTCFullYear(year);
	return d.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

export interface WallTime {
	year: number;
	month: number; // 1..12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall-clock time in `timeZone` at instant `ms` (whole seconds). */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
	const parts = formatterFor(timeZone).formatToParts(new Date(ms));
	const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const p of parts) {
		switch (p.type) {
			case 'year':
				w.year = Number(p.value);
				break;
			case 'month':
				w.month = Number(p.value);
				break;
			case 'day':
				w.day = Number(p.value);
				break;
			case 'hour':
				w.hour = Number(p.value);
				break;
			case 'minute':
				w.minute = Number(p.value);
				break;
			case 'second':
				w.second = Number(p.value);
				break;
		}
	}
	return w;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Copenhagen in winter: +3,600,000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
	const w = wallTimeAt(ms, timeZone);
	const asUtc = utcMs(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. In a DST gap (the
 * wall time does not exist) the result is the instant just after the gap; in an overlap the
 * earlier of the two instants.
 */
export function zonedTimeToMs(
	year: number,
	month: number,
	day: number,
	timeZone: string,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0
): number {
	const wall = utcMs(year, month - 1, day, hour, minute, second, millisecond);
	if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wall;
	// Two candidates: the offsets just before and after the guess. Take the earliest that maps
	// back to the wall time; if none does (a gap), take the later offset's instant.
	const o1 = zoneOffsetMs(wall - MS_PER_DAY, timeZone);
	const o2 = zoneOffsetMs(wall + MS_PER_DAY, timeZone);
	const candidates = [wall - o1, wall - o2].sort((a, b) => a - b);
	for (const c of candidates) {
		if (c + zoneOffsetMs(c, timeZone) === wall) return c;
	}
	// Gap: the wall time does not exist; move forward by the gap.
	return wall - Math.min(o1, o2);
}

/** Start of the calendar day `YYYY-MM-DD` in `timeZone`, in epoch ms. */
export function startOfDayMs(year: number, month: number, day: number, timeZone: string): number {
	return zonedTimeToMs(year, month, day, timeZone);
}

/**
 * Parses an instant or a date-only value into epoch ms. A date-only value (and a date-time with
 * no offset) is read as wall time in `timeZone`. Returns `NaN` for anything else.
 */
export function parseInstant(value: string, timeZone: string): number {
	if (typeof value !== 'string') return NaN;
	const s = value.trim();
	let m = DATE_ONLY.exec(s);
	if (m) {
		const y = Number(m[1]);
		const mo = Number(m[2]);
		const d = Number(m[3]);
		if (!validYmd(y, mo, d)) return NaN;
		return startOfDayMs(y, mo, d, timeZone);
	}
	m = DATE_TIME.exec(s);
	if (!m) return NaN;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	const h = Number(m[4]);
	const mi = Number(m[5]);
	const sec = m[6] ? Number(m[6]) : 0;
	const ms = m[7] ? Math.floor(Number(('0.' + m[7]).slice(0, 5)) * 1000 + 1e-6) : 0;
	if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return NaN;
	const offset = m[8];
	if (!offset) return zonedTimeToMs(y, mo, d, timeZone, h, mi, sec, ms);
	const wall = utcMs(y, mo - 1, d, h, mi, sec, ms);
	if (offset === 'Z' || offset === 'z') return wall;
	const sign = offset[0] === '-' ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	const oh = Number(digits.slice(0, 2));
	const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (oh > 23 || om > 59) return NaN;
	return wall - sign * (oh * MS_PER_HOUR + om * 60_000);
}

function validYmd(y: number, mo: number, d: number): boolean {
	if (mo < 1 || mo > 12 || d < 1) return false;
	return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		return leap ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `value` is a valid date-only `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE_ONLY.exec(value);
	return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when `value` is an instant with an offset or `Z` (the data format's instants). */
export function isIsoInstant(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE_TIME.exec(value.trim());
	return !!m && !!m[8] && !Number.isNaN(parseInstant(value, 'UTC'));
}

/** True when `value` is an instant or a date-only value. */
export function isIsoDateOrInstant(value: unknown): value is string {
	return isIsoDate(value) || isIsoInstant(value);
}

/** Epoch ms as an ISO instant in UTC (`2026-11-27T10:00:00.000Z`). */
export function toIsoInstant(ms: number): string {
	return new Date(ms).toISOString();
}

/** The calendar date `YYYY-MM-DD` of instant `ms` in `timeZone`. */
export function toIsoDateInZone(ms: number, timeZone: string): string {
	const w = wallTimeAt(ms, timeZone);
	return `${w.year.toString().padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

export function pad2(n: number): string {
	return n < 10 ? '0' + n : String(n);
}

/** The current instant as an ISO string; the one place `updatedAt` stamps come from. */
export function nowIso(): string {
	return new Date().toISOString();
}
