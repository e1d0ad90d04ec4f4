// Excel workbooks (.xlsx): read by read-excel-file (a maintained reader; loaded only when a
// workbook is chosen, so CSV imports and the app's first screen do not carry it), each sheet
// turned into the same rows of text cells as a CSV, so detection, presets, mapping and checks
// are the ones CSV files get.
//
// Cells become text as a CSV export would write them: a date cell as ISO (`2024-03-05`, or
// `2024-03-05 14:22:10` wall time when it has a time of day), a number in plain JavaScript
// notation (decimal point, no thousands), TRUE/FALSE. A date kept as a number (a column without
// a date format) is read as an Excel serial by the converter (ImportSettings.excelDates).

export interface WorkbookSheet {
	name: string;
	/** Rows with at least one cell filled. */
	rows: number;
}

export interface Workbook {
	sheets: { name: string; data: string[][] }[];
}

type RawCell = string | number | boolean | Date | null | undefined;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** One cell as text (see the comment at the top). */
export function cellText(v: RawCell): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return '';
		// Excel dates have no zone: the reader gives the wall time as UTC. They are binary
		// fractions of a day, so 10:20:00 may come back as 10:19:59.999: round to the second.
		v = new Date(Math.round(v.getTime() / 1000) * 1000);
		const day = `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
		const h = v.getUTCHours();
		const mi = v.getUTCMinutes();
		const s = v.getUTCSeconds();
		return h || mi || s ? `${day} ${pad(h)}:${pad(mi)}:${pad(s)}` : day;
	}
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return String(v);
}

/** Reads every sheet of a workbook as rows of text cells. Throws with a message for a bad file. */
export async function readWorkbook(input: Blob | ArrayBuffer | Uint8Array): Promise<Workbook> {
	const { default: readXlsxFile } = await import('read-excel-file/universal');
	// Bytes in an ArrayBuffer of this realm (the reader checks `instanceof ArrayBuffer`, which a
	// buffer from another realm, such as a test's, would fail). Duck-typed for the same reason.
	const bytes = ArrayBuffer.isView(input)
		? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
		: typeof (input as Blob).arrayBuffer === 'function'
			? new Uint8Array(await (input as Blob).arrayBuffer())
			: new Uint8Array(input as ArrayBuffer);
	const source = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(source).set(bytes);
	let sheets;
	try {
		sheets = await readXlsxFile(source);
	} catch (e) {
		throw new Error(
			`is not an Excel workbook (.xlsx) that can be read: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	return {
		sheets: sheets.map((s) => ({
			name: s.sheet,
			data: s.data.map((row) => row.map((c) => cellText(c as RawCell)))
		}))
	};
}

/** The sheets with their filled-row counts, for the sheet picker. */
export function sheetList(book: Workbook): WorkbookSheet[] {
	return book.sheets.map((s) => ({
		name: s.name,
		rows: s.data.filter((r) => r.some((c) => c !== '')).length
	}));
}

/**
 * The sheet to read: the named one, else the one with the most rows (an export's data, not its
 * cover or notes sheet; the first of equals).
 */
export function pickSheet(book: Workbook, name?: string): { name: string; data: string[][] } {
	const named = name ? book.sheets.find((s) => s.name === name) : undefined;
	if (named) return named;
	const rows = sheetList(book);
	let best = 0;
	for (let i = 1; i < rows.length; i++) if (rows[i].rows > rows[best].rows) best = i;
	return book.sheets[best] ?? { name: '', data: [] };
}

/** Whether a file is an .xlsx workbook: its name, or its first bytes (a zip: PK\x03\x04). */
export function looksLikeWorkbook(name: string, head?: Uint8Array): boolean {
	if (/\.xlsx$/i.test(name)) return true;
	return !!head && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
