// The CSV import pipeline as plain functions: the worker runs them on big files, tests run
// them in Node. bytes/text -> table (+ detection) -> records (+ problems).
import { toCsv } from '../csv-export';
import type { ImportProblem } from './convert';
import { decodeBytes, type Encoding } from './detect';
import {
	parseTable,
	summarize,
	type ParseOptions,
	type ParsedTable,
	type TableSummary
} from './table';

export * from './convert';
export * from './detect';
export * from './fields';
export * from './presets';
export * from './table';
export * from './value-maps';
export * from './values';
export { cellText, looksLikeWorkbook, type WorkbookSheet } from './workbook';

export interface ReadOptions extends ParseOptions {
	encoding?: Encoding;
}

export interface ReadResult {
	table: ParsedTable;
	summary: TableSummary;
	encoding: Encoding;
	bom: boolean;
}

/** Decodes (when given bytes), parses and summarizes a CSV file. Never throws. */
export function readCsv(input: Uint8Array | string, options: ReadOptions = {}): ReadResult {
	let text: string;
	let encoding: Encoding = 'utf-8';
	let bom = false;
	if (typeof input === 'string') {
		text = input;
		bom = text.charCodeAt(0) === 0xfeff;
	} else {
		const d = decodeBytes(input, options.encoding);
		text = d.text;
		encoding = d.encoding;
		bom = d.bom;
	}
	const table = parseTable(text, options);
	return { table, summary: summarize(table), encoding, bom };
}

/** The problem report as a CSV (formula-escaped like every export): row, column, value, problem. */
export function problemsToCsv(problems: readonly ImportProblem[]): string {
	return toCsv(
		problems.map((p) => ({ row: p.row, column: p.column, value: p.value, problem: p.message })),
		['row', 'column', 'value', 'problem'],
		{ bom: true }
	);
}
