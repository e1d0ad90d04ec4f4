// Locale-aware reading and writing of the values people type or paste into a grid cell:
// numbers with the locale's decimal separator (and the other one, when the text can only mean
// that), dates in the locale's day/month order, and instants as a date plus an optional time.
// Pure functions with the locale and time zone as arguments, so tests can pin both.
import {
	daysInMonth,
	pad2,
	parseInstant,
	toIsoInstant,
	wallTimeAt,
	zonedTimeToMs
} from '../domain/time';

interface NumberSymbols {
	decimal: string;
	group: string;
}

const symbolCache = new Map<string, NumberSymbols>();

export function numberSymbols(locale: string): NumberSymbols {
	let s = symbolCache.get(locale);
	if (!s) {
		const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
		s = {
			decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
			group: parts.find((p) => p.type === 'group')?.value ?? ','
		};
		symbolCache.set(locale, s);
	}
	return s;
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

/**
 * Reads a number typed or pasted in `locale`. Accepts currency symbols or codes around it,
 * spaces (also no-break) as grouping and a leading minus. With a trailing percent sign, or
 * when `percent` is set (a column of percentages), the result is a fraction: '25' -> 0.25. When the text holds both '.' and ',', the
 * last one is the decimal separator (a sheet from another locale pastes as it is); a single
 * separator is grouping only when it is the locale's group separator in groups of three.
 * Returns NaN for anything that is not a number.
 */
export function parseLocaleNumber(text: string, locale: string, percent = false): number {
	let s = text.trim();
	if (s === '') return NaN;
	let isPercent = false;
	if (s.endsWith('%')) {
		isPercent = true;
		s = s.slice(0, -1).trim();
	}
	// Currency: letters, symbols and the dot of "kr." around the digits.
	s = s.replace(/^[\p{L}\p{Sc}]+\.?\s*/u, '').replace(/\s*[\p{L}\p{Sc}]+\.?$/u, '');
	let negative = false;
	if (/^[-−]/.test(s)) {
		negative = true;
		s = s.slice(1).trim();
	} else if (s.startsWith('+')) s = s.slice(1).trim();
	s = s.replace(/[\s\u00a0\u202f']/g, '');
	if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
	const { decimal, group } = numberSymbols(locale);
	const hasDot = s.includes('.');
	const hasComma = s.includes(',');
	let normal: string;
	if (hasDot && hasComma) {
		const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
		const grp = dec === '.' ? ',' : '.';
		const [intPart, frac, ...rest] = s.split(dec);
		if (rest.length || !GROUPED(grp).test(intPart)) return NaN;
		normal = intPart.split(grp).join('') + '.' + frac;
	} else if (hasDot || hasComma) {
		const sep = hasDot ? '.' : ',';
		if (sep === group && GROUPED(sep).test(s)) normal = s.split(sep).join('');
		else if (sep === decimal || s.split(sep).length === 2) {
			if (s.split(sep).length !== 2) return NaN;
			normal = s.replace(sep, '.');
		} else if (GROUPED(sep).test(s)) normal = s.split(sep).join('');
		else return NaN;
	} else normal = s;
	if (normal.startsWith('.')) normal = '0' + normal;
	if (normal.endsWith('.')) normal = normal.slice(0, -1);
	let n = Number(normal);
	if (!Number.isFinite(n)) return NaN;
	if (negative) n = -n;
	if (isPercent || percent) n = n / 100;
	return n;
}

/** Writes a number for editing in `locale`, without grouping so that it reads back exactly. */
export function formatLocaleNumber(value: number, locale: string, maxFraction = 2): string {
	// Building an Intl.NumberFormat costs far more than formatting: every visible cell of a
	// scrolling grid comes through here.
	const key = locale + '|' + maxFraction;
	let f = numberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: maxFraction });
		numberFormats.set(key, f);
	}
	return f.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

type DateOrder = 'dmy' | 'mdy' | 'ymd';
const orderCache = new Map<string, DateOrder>();

/** The order in which `locale` writes day, month and year in a short numeric date. */
export function dateOrder(locale: string): DateOrder {
	let o = orderCache.get(locale);
	if (!o) {
		const parts = new Intl.DateTimeFormat(locale, {
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(new Date(Date.UTC(2026, 10, 27)));
		const seq = parts
			.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
			.map((p) => p.type[0])
			.join('');
		o = seq === 'mdy' ? 'mdy' : seq === 'ymd' ? 'ymd' : 'dmy';
		orderCache.set(locale, o);
	}
	return o;
}

export interface YMD {
	year: number;
	month: number;
	day: number;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,4})[./\- ](\d{1,2})[./\- ](\d{1,4})\.?$/;

function valid(y: number, m: number, d: number): YMD | null {
	if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 || d > daysInMonth(y, m)) return null;
	return { year: y, month: m, day: d };
}

function fullYear(y: string): number {
	const n = Number(y);
	return y.length <= 2 ? 2000 + n : n;
}

/**
 * Reads a calendar date: ISO `2026-11-03`, or numeric in the locale's order (`3.11.2026`,
 * `03/11/26` in Danish; `11/3/2026` in US English). A four-digit first number is always a year.
 */
export function parseLocaleDate(text: string, locale: string): YMD | null {
	const s = text.trim();
	let m = ISO_DATE.exec(s);
	if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
	m = NUMERIC_DATE.exec(s);
	if (!m) return null;
	if (m[1].length === 4) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
	if (m[3].length === 3) return null;
	const order = dateOrder(locale);
	if (order === 'mdy') return valid(fullYear(m[3]), Number(m[1]), Number(m[2]));
	return valid(fullYear(m[3]), Number(m[2]), Number(m[1]));
}

/** A calendar date as ISO `YYYY-MM-DD`. */
export function ymdToIso(d: YMD): string {
	return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** Writes an ISO date for editing in the locale's numeric order (reads back with parseLocaleDate). */
export function formatLocaleDate(iso: string, locale: string): string {
	const m = ISO_DATE.exec(iso);
	if (!m) return iso;
	const [y, mo, d] = [m[1], pad2(Number(m[2])), pad2(Number(m[3]))];
	const order = dateOrder(locale);
	if (order === 'ymd') return `${y}-${mo}-${d}`;
	if (order === 'mdy') return `${mo}/${d}/${y}`;
	return `${d}.${mo}.${y}`;
}

const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?$/i;

/**
 * Reads an instant: an ISO instant with offset as it is, else a date (see parseLocaleDate)
 * optionally followed by a time `14:30`, `14.30`, `2:30 pm`, read as wall time in `timeZone`.
 * A date alone means the start of that day. Returns an ISO instant in UTC, or null.
 */
export function parseLocaleInstant(text: string, locale: string, timeZone: string): string | null {
	const s = text.trim();
	if (s === '') return null;
	if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
		const ms = parseInstant(s, timeZone);
		return Number.isNaN(ms) ? null : toIsoInstant(ms);
	}
	const split = /^(.+?)(?:,?\s+|T)(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)$/i.exec(s);
	const datePart = split ? split[1] : s;
	const date = parseLocaleDate(datePart.replace(/,$/, ''), locale);
	if (!date) return null;
	let h = 0;
	let mi = 0;
	let sec = 0;
	if (split) {
		const t = TIME.exec(split[2].trim());
		if (!t) return null;
		h = Number(t[1]);
		mi = Number(t[2]);
		sec = t[3] ? Number(t[3]) : 0;
		const ampm = t[4]?.toLowerCase().replace(/\./g, '');
		if (ampm) {
			if (h < 1 || h > 12) return null;
			h = (h % 12) + (ampm === 'pm' ? 12 : 0);
		}
		if (h > 23 || mi > 59 || sec > 59) return null;
	}
	return toIsoInstant(zonedTimeToMs(date.year, date.month, date.day, timeZone, h, mi, sec));
}

/** Writes an instant for editing: the local date in the locale's order and `HH:MM` wall time. */
export function formatLocaleInstant(value: string, locale: string, timeZone: string): string {
	const ms = parseInstant(value, timeZone);
	if (Number.isNaN(ms)) return value;
	const w = wallTimeAt(ms, timeZone);
	const date = formatLocaleDate(ymdToIso(w), locale);
	return `${date} ${pad2(w.hour)}:${pad2(w.minute)}`;
}
