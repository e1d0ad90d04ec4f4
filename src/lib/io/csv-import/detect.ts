// Detection of how a CSV file is written: encoding, delimiter, header row, date order and
// decimal comma. Every guess is only a default: the wizard shows it and the person can override
// it. Pure TypeScript (relative imports) so the import worker and Node tests share it.

export type Encoding = 'utf-8' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
/** How a date like 03/04/2024 is read: day first, month first, or year first (ISO). */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface Decoded {
	text: string;
	encoding: Encoding;
	/** The file started with a UTF-8 byte order mark (removed from `text`). */
	bom: boolean;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; decoded by hand because some runtimes'
// TextDecoder treats the label as Latin-1 (Node without full ICU gives U+0080 for the euro sign).
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	const CHUNK = 8192;
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const end = Math.min(bytes.length, start + CHUNK);
		const codes = new Array<number>(end - start);
		for (let i = start; i < end; i++) {
			const b = bytes[i];
			codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
		}
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}

/**
 * Decodes bytes as UTF-8 (with or without BOM) when they are valid UTF-8, else as Windows-1252,
 * which every byte sequence is: a spreadsheet saved "CSV" on Windows is the usual case.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): Decoded {
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	if (encoding === 'windows-1252') return { text: decodeWindows1252(body), encoding, bom };
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
		return { text, encoding: 'utf-8', bom };
	} catch {
		if (encoding === 'utf-8')
			// Asked for UTF-8 although the bytes are not: decode with replacement characters.
			return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom };
		return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
	}
}

/** Strips a leading BOM from pasted or already decoded text. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Counts `ch` outside double quotes per line, for the first `maxLines` lines. */
function countsPerLine(text: string, ch: string, maxLines: number): number[] {
	const out: number[] = [];
	let n = 0;
	let quoted = false;
	for (let i = 0; i < text.length && out.length < maxLines; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && c === ch) n++;
		else if (!quoted && (c === '\n' || c === '\r')) {
			if (c === '\r' && text[i + 1] === '\n') i++;
			out.push(n);
			n = 0;
		}
	}
	if (out.length < maxLines && n > 0) out.push(n);
	return out;
}

/**
 * The delimiter that splits the first lines into the same, largest number of fields. Ties go
 * to the order of DELIMITERS (comma first).
 */
export function detectDelimiter(text: string, maxLines = 50): Delimiter {
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = countsPerLine(text, d, maxLines).filter((_, i, a) => i < a.length);
		if (!counts.length || counts[0] === 0) continue;
		const first = counts[0];
		const same = counts.filter((c) => c === first).length / counts.length;
		// Consistency matters more than count: a comma inside text is common, a stray one per
		// line less so.
		const score = same * 1000 + first;
		if (score > bestScore) {
			bestScore = score;
			best = d;
		}
	}
	return best;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T ,]+.*)?$/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const THOUSANDS_DOT_DECIMAL_COMMA = /^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
const THOUSANDS_COMMA = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function looksLikeDate(v: string): boolean {
	return ISO_DATE.test(v) || SLASH_DATE.test(v);
}

export function looksLikeNumber(v: string): boolean {
	return (
		PLAIN_NUMBER.test(v) ||
		THOUSANDS_DOT_DECIMAL_COMMA.test(v) ||
		DECIMAL_COMMA.test(v) ||
		THOUSANDS_COMMA.test(v)
	);
}

/**
 * True when the first row names columns rather than holding data: no cell of it is a number
 * or a date while some later row has one in that column, or all its cells are distinct text
 * and at least one other row differs in kind.
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
	if (rows.length === 0) return true;
	const first = rows[0];
	const firstTyped = first.some((v) => looksLikeNumber(v.trim()) || looksLikeDate(v.trim()));
	if (firstTyped) return false;
	const nonEmpty = first.filter((v) => v.trim() !== '');
	if (nonEmpty.length < first.length / 2) return false;
	return new Set(nonEmpty).size === nonEmpty.length;
}

export interface DateOrderScan {
	order: DateOrder;
	/** True when the values allowed more than one order and the fallback decided. */
	ambiguous: boolean;
}

/**
 * Decides the date order from every value of the date-like columns (not a sample: a file may
 * hold only dates up to the 12th in its first thousand rows). ISO dates are year first; for
 * slash dates a first part above 12 means day first, a second part above 12 means month first.
 */
export function detectDateOrder(
	values: Iterable<string>,
	fallback: DateOrder = 'dmy'
): DateOrderScan {
	let iso = 0;
	let dayFirst = 0;
	let monthFirst = 0;
	let slash = 0;
	for (const raw of values) {
		const v = raw.trim();
		if (!v) continue;
		if (ISO_DATE.test(v)) {
			iso++;
			continue;
		}
		const m = SLASH_DATE.exec(v);
		if (!m) continue;
		slash++;
		const a = Number(m[1]);
		const b = Number(m[2]);
		if (a > 12 && b <= 12) dayFirst++;
		else if (b > 12 && a <= 12) monthFirst++;
	}
	if (slash === 0) return { order: iso > 0 ? 'ymd' : fallback, ambiguous: iso === 0 };
	if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', ambiguous: false };
	if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', ambiguous: false };
	return { order: fallback, ambiguous: true };
}

/**
 * True when numbers are written with a decimal comma (`1.234,50` or `12,5`): some number-like
 * value uses one and none uses a decimal point after digits in the same way. With a comma
 * delimiter a decimal comma would have to be quoted, which spreadsheets do.
 */
export function detectDecimalComma(values: Iterable<string>): boolean {
	let comma = 0;
	let point = 0;
	for (const raw of values) {
		const v = raw.trim();
		if (!v) continue;
		if (THOUSANDS_DOT_DECIMAL_COMMA.test(v) && v.includes(',')) comma++;
		else if (DECIMAL_COMMA.test(v)) comma++;
		else if (/^[-+]?\d+\.\d+$/.test(v) && !/^[-+]?\d{1,3}\.\d{3}$/.test(v)) point++;
		else if (THOUSANDS_COMMA.test(v) && v.includes('.')) point++;
	}
	return comma > 0 && point === 0;
}
