// Reading one cell: dates (in the detected order, with or without time and offset), numbers
// (decimal point or comma, thousands separators, currency signs), booleans (`1`/empty, true,
// yes, ja, x). Each reader returns undefined for an empty cell and an Error-like object with a
// message for an unreadable one, so the caller can name the row and column.
import { pad2, toIsoInstant, zonedTimeToMs } from '../../domain/time';
import type { DateOrder } from './detect';

export interface CellError {
	error: string;
}

export function isCellError(v: unknown): v is CellError {
	return typeof v === 'object' && v !== null && 'error' in v;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || d > DAYS[m]) return false;
	if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return true;
}

const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASH =
	/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

export interface DateOptions {
	/**
	 * A plain number is an Excel date serial: days since 1899-12-30, the fraction being the time
	 * of day (a workbook's date column stored as numbers, or a date cell read without its format).
	 */
	excelSerial?: boolean;
}

/** Excel's serials run from 1 (1900-01-01) to 2958465 (9999-12-31). */
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

function fromSerial(v: string, timeZone: string): string | undefined | CellError {
	const n = Number(v);
	if (!(n >= 1 && n < 2958466)) return { error: 'is not a date' };
	const days = Math.floor(n);
	// Whole milliseconds of the day, rounded to the second (Excel stores binary fractions).
	const secs = Math.round((n - days) * 86_400);
	const day = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
	const y = day.getUTCFullYear();
	const mo = day.getUTCMonth() + 1;
	const d = day.getUTCDate();
	if (secs === 0) return `${y}-${pad2(mo)}-${pad2(d)}`;
	if (secs >= 86_400) return fromSerial(String(days + 1), timeZone);
	const h = Math.floor(secs / 3600);
	const mi = Math.floor((secs % 3600) / 60);
	return toIsoInstant(zonedTimeToMs(y, mo, d, timeZone, h, mi, secs % 60, 0));
}

/**
 * Reads a date or date-time. A date alone gives `YYYY-MM-DD` (the start of that day in the
 * workspace zone, as the data format says); a time with an offset gives that instant; a time
 * without one is wall time in `timeZone`.
 */
export function readDate(
	raw: string,
	order: DateOrder,
	timeZone: string,
	options: DateOptions = {}
): string | undefined | CellError {
	const v = raw.trim();
	if (v === '') return undefined;
	if (options.excelSerial && SERIAL.test(v)) return fromSerial(v, timeZone);
	let y: number, mo: number, d: number;
	let h: number | undefined,
		mi = 0,
		s = 0,
		ms = 0;
	let offset: string | undefined;
	const iso = ISO.exec(v);
	if (iso) {
		y = +iso[1];
		mo = +iso[2];
		d = +iso[3];
		if (iso[4] !== undefined) {
			h = +iso[4];
			mi = +iso[5];
			s = iso[6] ? +iso[6] : 0;
			ms = iso[7] ? Math.floor(Number('0.' + iso[7]) * 1000) : 0;
			offset = iso[8];
		}
	} else {
		const sl = SLASH.exec(v);
		if (!sl || order === 'ymd') return { error: 'is not a date' + dateHint(order) };
		const a = +sl[1];
		const b = +sl[2];
		[d, mo] = order === 'dmy' ? [a, b] : [b, a];
		y = sl[3].length === 2 ? 2000 + +sl[3] : +sl[3];
		if (sl[4] !== undefined) {
			h = +sl[4];
			mi = +sl[5];
			s = sl[6] ? +sl[6] : 0;
			const ampm = sl[7]?.toUpperCase();
			if (ampm) {
				if (h < 1 || h > 12) return { error: 'is not a time' };
				if (ampm === 'PM' && h < 12) h += 12;
				if (ampm === 'AM' && h === 12) h = 0;
			}
		}
	}
	if (y < 1000 || !validDay(y, mo, d)) return { error: 'is not a date' + dateHint(order) };
	if (h === undefined) return `${y}-${pad2(mo)}-${pad2(d)}`;
	if (h > 23 || mi > 59 || s > 59) return { error: 'is not a time' };
	if (offset !== undefined) {
		let off = 0;
		if (offset.toUpperCase() !== 'Z') {
			const digits = offset.replace(':', '');
			const sign = digits[0] === '-' ? -1 : 1;
			const oh = +digits.slice(1, 3);
			const om = +digits.slice(3, 5);
			if (oh > 23 || om > 59) return { error: 'has an unknown offset' };
			off = sign * (oh * 60 + om) * 60_000;
		}
		return toIsoInstant(Date.UTC(y, mo - 1, d, h, mi, s, ms) - off);
	}
	return toIsoInstant(zonedTimeToMs(y, mo, d, timeZone, h, mi, s, ms));
}

function dateHint(order: DateOrder): string {
	return order === 'ymd'
		? ' (expected YYYY-MM-DD)'
		: order === 'dmy'
			? ' (expected YYYY-MM-DD or DD/MM/YYYY)'
			: ' (expected YYYY-MM-DD or MM/DD/YYYY)';
}

/** The date part only (`YYYY-MM-DD`), for fields that hold days (campaign windows). */
export function readDay(
	raw: string,
	order: DateOrder,
	timeZone: string,
	options: DateOptions = {}
): string | undefined | CellError {
	const v = readDate(raw, order, timeZone, options);
	if (typeof v !== 'string') return v;
	if (v.length === 10) return v;
	// An instant: its day in the workspace zone.
	const ms = Date.parse(v);
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(ms);
	return parts;
}

const NUMBER_POINT = /^[-+]?(?:\d{1,3}(?:[,' \u00a0\u202f]\d{3})+|\d+)?(?:\.\d+)?$/;
const NUMBER_COMMA = /^[-+]?(?:\d{1,3}(?:[.' \u00a0\u202f]\d{3})+|\d+)?(?:,\d+)?$/;

/** Reads a number; currency codes and signs around it are ignored (`DKK 1.250,00`, `$1,250`). */
export function readNumber(raw: string, decimalComma: boolean): number | undefined | CellError {
	let v = raw.trim();
	if (v === '') return undefined;
	v = v.replace(/^[A-Za-z$€£¥]{1,3}\.?\s*|\s*[A-Za-z$€£¥]{1,3}\.?$/g, '').trim();
	let negative = false;
	if (/^\(.*\)$/.test(v)) {
		negative = true;
		v = v.slice(1, -1);
	}
	const pattern = decimalComma ? NUMBER_COMMA : NUMBER_POINT;
	if (!v || !/\d/.test(v) || !pattern.test(v)) return { error: 'is not a number' };
	const normal = decimalComma
		? v.replace(/[.' \u00a0\u202f]/g, '').replace(',', '.')
		: v.replace(/[,' \u00a0\u202f]/g, '');
	const n = Number(normal);
	if (!Number.isFinite(n)) return { error: 'is not a number' };
	return negative ? -n : n;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'ja', 'j', 'x', 'sand', 'won']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'nej', 'falsk']);

/** Reads a boolean; an empty cell is false (Salesforce writes `1` or nothing). */
export function readBoolean(raw: string): boolean | CellError {
	const v = raw.trim().toLowerCase();
	if (v === '' || FALSE.has(v)) return false;
	if (TRUE.has(v)) return true;
	return { error: 'is not yes or no' };
}
