// Text -> a table of cells with PapaParse (no type guessing: every cell stays text until the
// mapping says what it is), plus the detection summary the wizard shows and lets the person
// override.
import Papa from 'papaparse';
import type { CsvTable } from './convert';
import {
	detectDateOrder,
	detectDecimalComma,
	detectDelimiter,
	detectHeader,
	looksLikeDate,
	looksLikeNumber,
	stripBom,
	type DateOrder,
	type Delimiter
} from './detect';

const CHUNK_SIZE = 1 << 20;

export interface ParseOptions {
	delimiter?: Delimiter;
	hasHeader?: boolean;
}

export interface ParsedTable extends CsvTable {
	delimiter: Delimiter;
	hasHeader: boolean;
	/** Problems of the CSV itself (an unclosed quote), by spreadsheet row. */
	csvErrors: { row: number; message: string }[];
}

/** Parses CSV text (BOM stripped) into a table; blank lines are skipped but keep row numbers. */
export function parseTable(
	text: string,
	options: ParseOptions = {},
	onProgress?: (fraction: number) => void
): ParsedTable {
	const body = stripBom(text);
	const delimiter = options.delimiter ?? detectDelimiter(body);
	let data: string[][];
	let errors: Papa.ParseError[];
	if (onProgress && body.length > CHUNK_SIZE) {
		// In chunks, so a worker can tell the page how far it is (its messages go out at once).
		data = [];
		errors = [];
		// The typings list `chunk` only for files and URLs; Papa's string streamer honours it too.
		const config = {
			header: false,
			delimiter,
			skipEmptyLines: false,
			chunkSize: CHUNK_SIZE,
			chunk: (res: Papa.ParseResult<string[]>) => {
				for (const e of res.errors) errors.push({ ...e, row: (e.row ?? 0) + data.length });
				for (const r of res.data) data.push(r);
				onProgress(Math.min(1, res.meta.cursor / body.length));
			}
		};
		Papa.parse<string[]>(body, config as unknown as Papa.ParseConfig<string[]>);
	} else {
		const parsed = Papa.parse<string[]>(body, { header: false, delimiter, skipEmptyLines: false });
		data = parsed.data;
		errors = parsed.errors;
	}
	// A trailing newline gives one last empty row; blank lines in between are skipped too.
	const csvErrors = errors
		.filter(
			(e) => e.type !== 'Delimiter' && e.code !== 'TooFewFields' && e.code !== 'TooManyFields'
		)
		.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
	return { ...tableFromRows(data, options), delimiter, csvErrors };
}

/**
 * Rows of text cells (a parsed CSV, or a workbook's sheet) as a table: blank rows skipped but
 * their numbers kept, the header row detected (or as `options` says).
 */
export function tableFromRows(
	data: string[][],
	options: Pick<ParseOptions, 'hasHeader'> = {}
): CsvTable & { hasHeader: boolean } {
	const isBlank = (r: string[]) => r.length === 0 || r.every((c) => c.trim() === '');
	const hasHeader = options.hasHeader ?? detectHeader(data.filter((r) => !isBlank(r)).slice(0, 50));
	let start = 0;
	while (start < data.length && isBlank(data[start])) start++;
	const width = data[start]?.length ?? 0;
	let headers: string[];
	if (hasHeader && start < data.length) {
		headers = uniqueHeaders(data[start].map((h) => h.trim()));
		start++;
	} else {
		headers = Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
	}
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	for (let i = start; i < data.length; i++) {
		if (isBlank(data[i])) continue;
		rows.push(data[i]);
		rowNumbers.push(i + 1);
	}
	return { headers, rows, firstRow: rowNumbers[0] ?? start + 1, rowNumbers, hasHeader };
}

/** Empty or repeated header names get a number, so each column can be told apart. */
function uniqueHeaders(names: string[]): string[] {
	const seen = new Map<string, number>();
	return names.map((n, i) => {
		const base = n || `Column ${i + 1}`;
		const k = (seen.get(base) ?? 0) + 1;
		seen.set(base, k);
		return k === 1 ? base : `${base} (${k})`;
	});
}

export interface ColumnSummary {
	header: string;
	/** Up to `maxDistinct` distinct non-empty values, most frequent first. */
	values: { value: string; count: number }[];
	distinct: number;
	/** How many distinct values there are beyond those listed. */
	more: number;
	dateLike: boolean;
	numberLike: boolean;
}

export interface TableSummary {
	dateOrder: DateOrder;
	dateOrderAmbiguous: boolean;
	decimalComma: boolean;
	columns: ColumnSummary[];
}

/**
 * Scans every row once: distinct values per column (for value mapping), which columns hold
 * dates or numbers, the date order over all date cells, and the decimal comma.
 */
export function summarize(
	table: CsvTable,
	maxDistinct = 200,
	fallbackOrder: DateOrder = 'dmy'
): TableSummary {
	const n = table.headers.length;
	const counts = Array.from({ length: n }, () => new Map<string, number>());
	const dates = new Array<number>(n).fill(0);
	const numbers = new Array<number>(n).fill(0);
	const filled = new Array<number>(n).fill(0);
	// Each distinct value is classified once (date, number or text) and counted after: a
	// column of 100k cells usually holds far fewer distinct values. A map entry holds
	// count * 4 + kind, so a cell costs one lookup and one store.
	const classify = (v: string) => (looksLikeDate(v) ? 1 : looksLikeNumber(v) ? 2 : 0);
	for (const row of table.rows) {
		for (let c = 0; c < n; c++) {
			const raw = row[c];
			if (!raw) continue;
			const v = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
			if (!v) continue;
			filled[c]++;
			const m = counts[c];
			const seen = m.get(v);
			let kind: number;
			if (seen !== undefined) {
				m.set(v, seen + 4);
				kind = seen & 3;
			} else {
				kind = classify(v);
				if (m.size <= 10_000) m.set(v, 4 + kind);
			}
			if (kind === 1) dates[c]++;
			else if (kind === 2) numbers[c]++;
		}
	}
	const dateValues: string[] = [];
	const numberValues: string[] = [];
	const columns: ColumnSummary[] = table.headers.map((header, c) => {
		const dateLike = filled[c] > 0 && dates[c] >= filled[c] * 0.8;
		const numberLike = filled[c] > 0 && numbers[c] >= filled[c] * 0.8;
		if (dateLike) for (const v of counts[c].keys()) dateValues.push(v);
		if (numberLike) for (const v of counts[c].keys()) numberValues.push(v);
		const sorted = [...counts[c].entries()]
			.map(([v, x]): [string, number] => [v, x >>> 2])
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		return {
			header,
			values: sorted.slice(0, maxDistinct).map(([value, count]) => ({ value, count })),
			distinct: counts[c].size,
			more: Math.max(0, counts[c].size - maxDistinct),
			dateLike,
			numberLike
		};
	});
	const order = detectDateOrder(dateValues, fallbackOrder);
	return {
		dateOrder: order.order,
		dateOrderAmbiguous: order.ambiguous,
		decimalComma: detectDecimalComma(numberValues),
		columns
	};
}
