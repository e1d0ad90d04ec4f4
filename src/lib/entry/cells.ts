// Typed grid cells: how a value of each column type is shown for editing and copying, and how
// the text someone typed or pasted becomes a stored value (or a message saying why not).
// The grid works in text; the data layer in values; this is the one place between the two.
import { parseInstant, toIsoDateInZone } from '../domain/time';
import {
	formatLocaleDate,
	formatLocaleInstant,
	formatLocaleNumber,
	parseLocaleDate,
	parseLocaleInstant,
	parseLocaleNumber,
	ymdToIso
} from './locale-values';

export type CellType =
	| 'text'
	| 'email'
	| 'money'
	| 'percent'
	| 'integer'
	| 'date'
	| 'instant'
	| 'select'
	| 'boolean'
	| 'period';

export interface Option {
	value: string;
	label: string;
}

export interface CellContext {
	locale: string;
	timeZone: string;
}

export interface ColumnDef {
	/** The record field. */
	field: string;
	type: CellType;
	/** Header text. */
	label: string;
	required?: boolean;
	/** A new row gets a value from the data layer when the cell is left empty (owner = me,
	 * stage = the first open one, created = now...), so it is not required on new rows. */
	hasDefault?: boolean;
	readonly?: boolean;
	/** For select columns: the choices (value = the stored id). */
	options?: readonly Option[];
	/** Width in px. */
	size?: number;
}

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/** Messages the conversion can give; the UI passes translated ones. */
export interface CellMessages {
	required: string;
	number: string;
	negative: string;
	integer: string;
	date: string;
	instant: string;
	choice: (choices: string) => string;
	boolean: string;
	email: string;
	period: string;
	percent: string;
}

export const ENGLISH_MESSAGES: CellMessages = {
	required: 'is required',
	number: 'is not a number',
	negative: 'must not be negative',
	integer: 'must be a whole number',
	date: 'is not a date',
	instant: 'is not a date and time',
	choice: (choices) => `must be one of: ${choices}`,
	boolean: 'must be yes or no',
	email: 'is not an e-mail address',
	period: 'must be a period like 2026, 2026-Q4 or 2026-11',
	percent: 'must be between 0 % and 100 %'
};

const YES = ['yes', 'y', 'true', '1', 'ja', 'j', 'x', '✓'];
const NO = ['no', 'n', 'false', '0', 'nej', ''];
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fold(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

/** Finds the option whose label or value equals the text (ignoring case and accents), else the
 * only one whose label starts with it (type-ahead). */
export function matchOption(text: string, options: readonly Option[]): Option | undefined {
	const t = fold(text);
	if (t === '') return undefined;
	const index = optionIndex(options);
	const exact = index.exact.get(t);
	if (exact) return exact;
	const starts: Option[] = [];
	index.folded.forEach((label, i) => {
		if (label.startsWith(t)) starts.push(options[i]);
	});
	if (starts.length === 1) return starts[0];
	// "Anna Berg" names the lead "Anna Berg (Acme)" when there is no other Anna Berg.
	const named = starts.filter((o) => fold(o.label).startsWith(t + ' ('));
	return named.length === 1 ? named[0] : undefined;
}

// A lead column has up to 100k options, and a paste looks up every cell: index them once.
interface OptionIndex {
	exact: Map<string, Option>;
	folded: string[];
}
const indexes = new WeakMap<readonly Option[], OptionIndex>();

function optionIndex(options: readonly Option[]): OptionIndex {
	let index = indexes.get(options);
	if (!index) {
		const exact = new Map<string, Option>();
		const folded = options.map((o) => fold(o.label));
		// Labels first, so that a label wins over another option's id; the first of equal
		// labels wins.
		options.forEach((o, i) => {
			if (!exact.has(folded[i])) exact.set(folded[i], o);
		});
		for (const o of options) if (!exact.has(fold(o.value))) exact.set(fold(o.value), o);
		index = { exact, folded };
		indexes.set(options, index);
	}
	return index;
}

/** The stored value for `text` typed into a cell of `col`; empty text clears an optional cell
 * (value undefined). */
export function convertCell(
	col: ColumnDef,
	text: string,
	ctx: CellContext,
	msg: CellMessages = ENGLISH_MESSAGES
): Converted {
	const raw = (text ?? '').trim();
	if (raw === '' && col.type !== 'boolean') {
		return col.required ? { ok: false, message: msg.required } : { ok: true, value: undefined };
	}
	switch (col.type) {
		case 'text':
			return { ok: true, value: raw };
		case 'email':
			return EMAIL.test(raw) ? { ok: true, value: raw } : { ok: false, message: msg.email };
		case 'money':
		case 'integer': {
			const n = parseLocaleNumber(raw, ctx.locale);
			if (Number.isNaN(n)) return { ok: false, message: msg.number };
			if (n < 0) return { ok: false, message: msg.negative };
			if (col.type === 'integer' && !Number.isInteger(n))
				return { ok: false, message: msg.integer };
			return { ok: true, value: n };
		}
		case 'percent': {
			const n = parseLocaleNumber(raw, ctx.locale, true);
			if (Number.isNaN(n)) return { ok: false, message: msg.number };
			if (n < 0 || n > 1) return { ok: false, message: msg.percent };
			return { ok: true, value: Math.round(n * 1e6) / 1e6 };
		}
		case 'date': {
			const d = parseLocaleDate(raw, ctx.locale);
			return d ? { ok: true, value: ymdToIso(d) } : { ok: false, message: msg.date };
		}
		case 'instant': {
			const v = parseLocaleInstant(raw, ctx.locale, ctx.timeZone);
			return v ? { ok: true, value: v } : { ok: false, message: msg.instant };
		}
		case 'select': {
			const o = matchOption(raw, col.options ?? []);
			if (o) return { ok: true, value: o.value };
			const choices = (col.options ?? []).map((x) => x.label);
			return {
				ok: false,
				message: msg.choice(
					choices.length > 8 ? choices.slice(0, 8).join(', ') + ', …' : choices.join(', ')
				)
			};
		}
		case 'boolean': {
			const t = fold(raw);
			if (YES.includes(t)) return { ok: true, value: true };
			if (NO.includes(t)) return { ok: true, value: false };
			return { ok: false, message: msg.boolean };
		}
		case 'period': {
			const p = raw.toUpperCase();
			return PERIOD.test(p) ? { ok: true, value: p } : { ok: false, message: msg.period };
		}
	}
}

const byValueIndexes = new WeakMap<readonly Option[], Map<string, Option>>();

/** Options by value, built once per options list: a lead column offers 100k leads, and every
 * visible cell is formatted on each scroll frame. */
function optionsByValue(options: readonly Option[]): Map<string, Option> {
	let index = byValueIndexes.get(options);
	if (!index) {
		index = new Map();
		for (const o of options) if (!index.has(o.value)) index.set(o.value, o);
		byValueIndexes.set(options, index);
	}
	return index;
}

/** The text of a stored value in a cell: what the editor starts from and what copy puts on the
 * clipboard, so that copy and paste round-trip. */
export function formatCell(
	col: ColumnDef,
	value: unknown,
	ctx: CellContext,
	words: { yes: string; no: string } = { yes: 'yes', no: 'no' }
): string {
	if (value === undefined || value === null || value === '') return '';
	switch (col.type) {
		case 'money':
		case 'integer':
			return typeof value === 'number' ? formatLocaleNumber(value, ctx.locale) : String(value);
		case 'percent':
			return typeof value === 'number'
				? formatLocaleNumber(value * 100, ctx.locale, 4) + ' %'
				: String(value);
		case 'date': {
			// A date column may hold an instant from an import: show its day in the zone.
			const v = String(value);
			const ms = v.length > 10 ? parseInstant(v, ctx.timeZone) : NaN;
			const iso = Number.isNaN(ms) ? v.slice(0, 10) : toIsoDateInZone(ms, ctx.timeZone);
			return formatLocaleDate(iso, ctx.locale);
		}
		case 'instant':
			return formatLocaleInstant(String(value), ctx.locale, ctx.timeZone);
		case 'select': {
			const o = col.options ? optionsByValue(col.options).get(String(value)) : undefined;
			return o ? o.label : String(value);
		}
		case 'boolean':
			return value ? words.yes : words.no;
		default:
			return String(value);
	}
}
