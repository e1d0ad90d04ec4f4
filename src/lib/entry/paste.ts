// Reading a block pasted from Excel, Google Sheets or LibreOffice: tab-separated text with
// quoted cells where a cell holds a tab, a line break or a quote. PapaParse does the quoting
// rules; a naive split on '\t' and '\n' would tear a multi-line address into two rows.
import Papa from 'papaparse';

/**
 * Parses clipboard text into rows of cells. Spreadsheets end a copied block with one line
 * break (Excel: CRLF); it does not make an empty last row. Short rows are padded with '' so
 * that the block is a rectangle. An empty text is an empty block.
 */
export function parsePasteBlock(text: string): string[][] {
	if (text === '') return [];
	let body = text;
	if (body.endsWith('\r\n')) body = body.slice(0, -2);
	else if (body.endsWith('\n') || body.endsWith('\r')) body = body.slice(0, -1);
	// One cell without tabs or line breaks: take it as typed, quotes included.
	if (!/[\t\r\n]/.test(body)) return [[body]];
	const result = Papa.parse<string[]>(body, {
		delimiter: '\t',
		quoteChar: '"',
		escapeChar: '"',
		newline: body.includes('\r\n') ? '\r\n' : body.includes('\n') ? '\n' : '\r',
		skipEmptyLines: false
	});
	const rows = result.data;
	const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
	return rows.map((r) =>
		r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r
	);
}

/** Writes cells as a block that Excel and Sheets paste back cell for cell. */
export function formatCopyBlock(rows: readonly (readonly string[])[]): string {
	return (
		Papa.unparse(rows as string[][], { delimiter: '\t', newline: '\r\n', quotes: false }) + '\r\n'
	);
}
