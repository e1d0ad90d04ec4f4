// Small Intl formatters. Every visible number, amount and date goes through these so that the
// chosen language (not the browser's) decides separators, currency placement and month names.
// The locale is an argument with the Paraglide locale as default, so tests can pin it.
import { getLocale } from '$lib/paraglide/runtime.js';
import { isIsoDate } from '../domain/time';

/** Locale to format in: the app's chosen language. */
function current(locale?: string): string {
	return locale ?? getLocale();
}

// Intl constructors are slow to build; a dashboard formats hundreds of values per render.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = 'n' + locale + JSON.stringify(options);
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		cache.set(key, f);
	}
	return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = 'd' + locale + JSON.stringify(options);
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat(locale, options);
		cache.set(key, f);
	}
	return f;
}

/** A dash for absent values: a KPI ratio over an empty denominator is null, not 0. */
export const EMPTY = '–';

export function formatNumber(
	value: number | null | undefined,
	options: { maximumFractionDigits?: number; locale?: string } = {}
): string {
	if (value == null || !Number.isFinite(value)) return EMPTY;
	return numberFormat(current(options.locale), {
		maximumFractionDigits: options.maximumFractionDigits ?? 0
	}).format(value);
}

export function formatMoney(
	value: number | null | undefined,
	currency: string,
	options: { locale?: string; compact?: boolean } = {}
): string {
	if (value == null || !Number.isFinite(value)) return EMPTY;
	const locale = current(options.locale);
	try {
		return numberFormat(locale, {
			style: 'currency',
			currency,
			...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {})
		}).format(value);
	} catch {
		// An unknown currency code must not break a page: show the number and the code.
		return `${formatNumber(value, { maximumFractionDigits: 2, locale })} ${currency}`;
	}
}

/** `ratio` is a fraction (0.25 -> 25 %). */
export function formatPercent(
	ratio: number | null | undefined,
	options: { maximumFractionDigits?: number; locale?: string } = {}
): string {
	if (ratio == null || !Number.isFinite(ratio)) return EMPTY;
	return numberFormat(current(options.locale), {
		style: 'percent',
		maximumFractionDigits: options.maximumFractionDigits ?? 1
	}).format(ratio);
}

function toDate(value: number | string | Date): Date {
	return value instanceof Date ? value : new Date(value);
}

export function formatDate(
	value: number | string | Date | null | undefined,
	options: { timeZone?: string; locale?: string } = {}
): string {
	if (value == null || value === '') return EMPTY;
	const d = toDate(value);
	if (Number.isNaN(d.getTime())) return EMPTY;
	// A date-only value names a calendar day, not an instant: show that day whatever the zone.
	const timeZone = isIsoDate(value) ? 'UTC' : options.timeZone;
	return dateFormat(current(options.locale), { dateStyle: 'medium', timeZone }).format(d);
}

export function formatDateTime(
	value: number | string | Date | null | undefined,
	options: { timeZone?: string; locale?: string } = {}
): string {
	if (value == null || value === '') return EMPTY;
	const d = toDate(value);
	if (Number.isNaN(d.getTime())) return EMPTY;
	return dateFormat(current(options.locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: options.timeZone
	}).format(d);
}

/** A duration in days or hours, e.g. "2.5 days" / "2,5 dage". */
export function formatDuration(
	value: number | null | undefined,
	unit: 'day' | 'hour',
	options: { maximumFractionDigits?: number; locale?: string } = {}
): string {
	if (value == null || !Number.isFinite(value)) return EMPTY;
	return numberFormat(current(options.locale), {
		style: 'unit',
		unit,
		unitDisplay: 'long',
		maximumFractionDigits: options.maximumFractionDigits ?? 1
	}).format(value);
}
