// CSV export of record lists (and any table), with formula escaping, and the re-import of our
// own record tables.
//
// Formula escaping (CSV injection): a text cell starting with `=`, `+`, `-`, `@`, tab or CR
// could run as a formula when the file is opened in a spreadsheet, so it gets a leading `'`
// (`=HYPERLINK(...)` is written `'=HYPERLINK(...)`; spreadsheets show the text as typed).
// Only strings are escaped, never numbers: a negative number is written `-5` and stays a number
// in the spreadsheet and on re-import. Text that itself starts with `'` also gets a `'`, so the
// import can always strip exactly one leading `'` and CSV export then import is an identity.
//
// One limit: CSV cannot tell an empty text from a missing one. An empty cell is read back as
// "absent" for optional fields and as "" for required text (a name); the app stores a cleared
// optional field as absent, so records the app writes survive the round trip unchanged.

import Papa from 'papaparse';
import { RECORD_LIST_NAMES, type RecordListName, type Records } from '../domain/types';
import { ProblemList, type FileProblem } from './problems';
import { RECORD_FIELDS, type FieldType } from './schema';
import { validateList } from './validate';

const FORMULA_START = /^[=+\-@\t\r']/;
const NEEDS_QUOTES = /[",\r\n]/;
const BOM = '\uFEFF';

export interface CsvOptions {
	/** Start with a UTF-8 byte order mark, so Excel reads æ, ø, å right. */
	bom?: boolean;
}

/** A cell's text: escaped against formulas (strings only) and quoted per RFC 4180. */
export function csvCell(value: unknown): string {
	let s: string;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) s = value.toISOString();
	else if (typeof value === 'string') s = FORMULA_START.test(value) ? "'" + value : value;
	else s = escapeFormula(JSON.stringify(value) ?? '');
	return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function escapeFormula(s: string): string {
	return FORMULA_START.test(s) ? "'" + s : s;
}

/** RFC 4180 CSV: a header row of `columns`, then one row per object, CRLF line ends. */
export function toCsv(
	rows: readonly Record<string, unknown>[],
	columns: readonly string[],
	options: CsvOptions = {}
): string {
	const lines: string[] = [columns.map((c) => csvCell(c)).join(',')];
	for (const row of rows) {
		let line = '';
		for (let i = 0; i < columns.length; i++) {
			if (i > 0) line += ',';
			line += csvCell(row[columns[i]]);
		}
		lines.push(line);
	}
	return (options.bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}

/**
 * One CSV per record list, columns in the fixed order of schema.ts (id, updatedAt, deletedAt,
 * then the list's fields). With a byte order mark unless `bom: false`: these are for
 * spreadsheets.
 */
export function recordsToCsvTables(
	records: Records,
	options: CsvOptions = { bom: true }
): Record<RecordListName, string> {
	const out = {} as Record<RecordListName, string>;
	for (const list of RECORD_LIST_NAMES) {
		const cols = RECORD_FIELDS[list].map((f) => f.name);
		out[list] = toCsv((records[list] ?? []) as unknown as Record<string, unknown>[], cols, options);
	}
	return out;
}

export type CsvTableResult<K extends RecordListName> =
	{ ok: true; records: Records[K]; warnings: string[] } | { ok: false; problems: FileProblem[] };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads back a table written by recordsToCsvTables (columns may come in any order). Cells are
 * typed by the list's schema and checked as the JSON file is; problems name the record by its
 * data row (`leads[0]` is the first row under the header).
 */
export function parseCsvTable<K extends RecordListName>(
	list: K,
	text: string,
	fileName = `${list}.csv`
): CsvTableResult<K> {
	const problems = new ProblemList(fileName);
	const warnings: string[] = [];
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: true });
	for (const e of parsed.errors) {
		if (e.type === 'Delimiter') continue; // a one-column file: nothing to guess
		problems.add({
			list,
			index: e.row !== undefined && e.row > 0 ? e.row - 1 : undefined,
			message: `CSV: ${e.message}`
		});
	}
	const [header, ...rows] = parsed.data;
	if (!header) {
		problems.add({ message: 'has no header row' });
		return { ok: false, problems: problems.result() };
	}
	const fields = RECORD_FIELDS[list];
	const byName = new Map(fields.map((f) => [f.name, f]));
	const columns: (FieldType | undefined)[] = [];
	const seen = new Set<string>();
	for (let h = 0; h < header.length; h++) {
		// Spreadsheets and hand edits leave spaces around names; the names have none.
		const name = (header[h] = header[h].trim());
		const f = byName.get(name);
		if (seen.has(name)) problems.add({ list, field: name, message: 'column appears twice' });
		seen.add(name);
		if (!f && name !== '')
			warnings.push(`${fileName}: unknown column ${JSON.stringify(name)} ignored`);
		columns.push(f?.type);
	}
	for (const f of fields) {
		if (!f.optional && !seen.has(f.name)) {
			problems.add({ list, field: f.name, message: 'column is missing' });
		}
	}
	if (problems.count > 0) return { ok: false, problems: problems.result() };

	const raw: Record<string, unknown>[] = new Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const cells = rows[i];
		if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
			problems.add({
				list,
				index: i,
				message: `has ${cells.length} cells; the header has ${header.length}`
			});
		}
		const r: Record<string, unknown> = {};
		for (let c = 0; c < header.length; c++) {
			const type = columns[c];
			if (type === undefined) continue;
			const v = readCell(cells[c] ?? '', type);
			if (v !== undefined) r[header[c]] = v;
		}
		// A required text field left empty is the empty text, not a missing field.
		for (const f of fields) {
			if (!f.optional && f.type === 'text' && r[f.name] === undefined) r[f.name] = '';
		}
		raw[i] = r;
	}
	const records = validateList(list, raw, problems, warnings);
	if (problems.count > 0) return { ok: false, problems: problems.result() };
	return { ok: true, records, warnings };
}

function readCell(cell: string, type: FieldType): unknown {
	if (cell === '') return undefined;
	const s = cell.charCodeAt(0) === 39 /* ' */ ? cell.slice(1) : cell;
	switch (type) {
		case 'bool': {
			const t = s.trim().toLowerCase();
			return t === 'true' ? true : t === 'false' ? false : s;
		}
		case 'int':
		case 'money':
		case 'probability': {
			const t = s.trim();
			return NUMBER.test(t) ? Number(t) : s;
		}
		default:
			return s;
	}
}
