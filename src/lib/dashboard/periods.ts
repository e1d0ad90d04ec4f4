// Periods of the dashboard: named presets and custom ranges turned into half-open instants
// [from, to) in a time zone. Calendar boundaries come from zonedTimeToMs, so a week or month
// that crosses a DST change is 1 hour shorter or longer, exactly as the wall clock says.
import { isIsoDate, MS_PER_DAY, pad2, wallTimeAt, zonedTimeToMs } from '../domain/time';

export const PERIOD_PRESETS = [
	'this-week',
	'last-week',
	'this-month',
	'last-month',
	'this-quarter',
	'last-quarter',
	'this-year',
	'last-year',
	'last-30-days',
	'last-90-days'
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A preset, or a custom range of whole days (both dates inclusive, `YYYY-MM-DD`). */
export type PeriodChoice =
	{ preset: PeriodPreset } | { preset: 'custom'; start: string; end: string };

export interface Range {
	from: number;
	to: number;
}

export function isPeriodPreset(value: unknown): value is PeriodPreset {
	return typeof value === 'string' && (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** A calendar date without a zone; month 1..12. Day arithmetic goes through Date.UTC. */
interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

function addDays(d: CalendarDate, days: number): CalendarDate {
	const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * MS_PER_DAY);
	return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function startOf(d: CalendarDate, timeZone: string): number {
	return zonedTimeToMs(d.year, d.month, d.day, timeZone);
}

/** Monday = 0 ... Sunday = 6 (ISO weeks start on Monday). */
function isoWeekday(d: CalendarDate): number {
	return (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
}

function parseDate(value: string): CalendarDate {
	const [y, m, d] = value.split('-').map(Number);
	return { year: y, month: m, day: d };
}

export function formatIsoDate(d: { year: number; month: number; day: number }): string {
	return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** The range of a preset around the instant `now`, in `timeZone`. */
export function presetRange(preset: PeriodPreset, now: number, timeZone: string): Range {
	const w = wallTimeAt(now, timeZone);
	const today: CalendarDate = { year: w.year, month: w.month, day: w.day };
	const range = (a: CalendarDate, b: CalendarDate): Range => ({
		from: startOf(a, timeZone),
		to: startOf(b, timeZone)
	});
	const month = (year: number, m: number): CalendarDate => {
		// Normalises month overflow/underflow (m may be 0 or 13).
		const t = new Date(Date.UTC(year, m - 1, 1));
		return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
	};
	const q = Math.floor((today.month - 1) / 3) * 3 + 1;
	switch (preset) {
		case 'this-week': {
			const monday = addDays(today, -isoWeekday(today));
			return range(monday, addDays(monday, 7));
		}
		case 'last-week': {
			const monday = addDays(today, -isoWeekday(today));
			return range(addDays(monday, -7), monday);
		}
		case 'this-month':
			return range(month(today.year, today.month), month(today.year, today.month + 1));
		case 'last-month':
			return range(month(today.year, today.month - 1), month(today.year, today.month));
		case 'this-quarter':
			return range(month(today.year, q), month(today.year, q + 3));
		case 'last-quarter':
			return range(month(today.year, q - 3), month(today.year, q));
		case 'this-year':
			return range(month(today.year, 1), month(today.year + 1, 1));
		case 'last-year':
			return range(month(today.year - 1, 1), month(today.year, 1));
		case 'last-30-days':
			// 30 whole days ending with today (today included).
			return range(addDays(today, -29), addDays(today, 1));
		case 'last-90-days':
			return range(addDays(today, -89), addDays(today, 1));
	}
}

/** A custom range of whole days: from the start of `start` to the end of `end` (inclusive). */
export function customRange(start: string, end: string, timeZone: string): Range | null {
	if (!isIsoDate(start) || !isIsoDate(end)) return null;
	const a = parseDate(start);
	const b = parseDate(end);
	const from = startOf(a, timeZone);
	const to = startOf(addDays(b, 1), timeZone);
	if (!(from < to)) return null;
	return { from, to };
}

export function choiceRange(choice: PeriodChoice, now: number, timeZone: string): Range | null {
	return choice.preset === 'custom'
		? customRange(choice.start, choice.end, timeZone)
		: presetRange(choice.preset, now, timeZone);
}

/** The period of equal length just before `r` (the change figures' comparison period). */
export function previousRange(r: Range): Range {
	return { from: r.from - (r.to - r.from), to: r.from };
}

/** The inclusive calendar dates of a range (for filling the custom-range inputs). */
export function rangeDates(r: Range, timeZone: string): { start: string; end: string } {
	const a = wallTimeAt(r.from, timeZone);
	// `to` is exclusive: the last included day is the one containing to - 1 ms.
	const b = wallTimeAt(r.to - 1, timeZone);
	return { start: formatIsoDate(a), end: formatIsoDate(b) };
}
