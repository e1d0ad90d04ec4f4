// Excel workbooks: the Pipedrive deals export as an .xlsx (written here with write-excel-file,
// as a spreadsheet program would save it) gives the same records as its CSV, whether its dates
// are date cells or plain serial numbers; the sheet with rows is the one read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../domain/default-pipeline';
import {
	BUILT_IN_PRESETS,
	convertTable,
	matchingPresets,
	presetMappingFor,
	readCsv,
	summarize,
	tableFromRows,
	type ImportContext,
	type ImportSettings
} from './index';
import { ImportService } from './import-service';
import { pickSheet, readWorkbook } from './workbook';

const DIR = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../../tests/fixtures/crm'
);
const NOW = '2026-11-27T10:00:00.000Z';
const TZ = 'Europe/Copenhagen';
const csv = readFileSync(path.join(DIR, 'pipedrive-deals.csv'), 'utf8');
const DATE_COLUMNS = new Set([
	'Deal - Deal created',
	'Deal - Update time',
	'Deal - Won time',
	'Deal - Lost time',
	'Deal - Expected close date'
]);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const ctx: ImportContext = {
	timeZone: TZ,
	now: NOW,
	stages: defaultStages(NOW),
	reps: [{ id: 'me', updatedAt: NOW, name: 'Me', active: true }],
	campaigns: [],
	meRepId: 'me'
};

/** A wall time `YYYY-MM-DD[ HH:MM:SS]` as the UTC instant Excel libraries use for it. */
function wall(v: string): number {
	const [d, t = '00:00:00'] = v.split(' ');
	const [y, mo, da] = d.split('-').map(Number);
	const [h, mi, s] = t.split(':').map(Number);
	return Date.UTC(y, mo - 1, da, h, mi, s);
}

/** The CSV's rows as a sheet: dates as date cells, or as plain serial numbers. */
function sheetOf(dates: 'cells' | 'serials') {
	const { table } = readCsv(csv);
	const header = table.headers.map((h) => ({ value: h }));
	const rows = table.rows.map((r) =>
		r.map((v, i) => {
			const h = table.headers[i];
			if (v === '') return null;
			if (DATE_COLUMNS.has(h)) {
				const ms = wall(v);
				return dates === 'cells'
					? { value: new Date(ms), type: Date, format: 'yyyy-mm-dd hh:mm:ss' }
					: { value: (ms - EXCEL_EPOCH) / 86_400_000, type: Number };
			}
			if (h === 'Deal - ID' || h === 'Deal - Value') return { value: Number(v), type: Number };
			return { value: v, type: String };
		})
	);
	return [header, ...rows];
}

async function workbook(dates: 'cells' | 'serials'): Promise<ArrayBuffer> {
	const buffer = await writeXlsxFile([
		// An empty first sheet: the one with rows is read.
		{ data: [[null]], sheet: 'Cover' },
		{ data: sheetOf(dates), sheet: 'Deals' }
	]).toBuffer();
	return buffer.buffer.slice(
		buffer.byteOffset,
		buffer.byteOffset + buffer.byteLength
	) as ArrayBuffer;
}

function convert(table: ReturnType<typeof readCsv>['table'], excelDates: boolean) {
	const summary = summarize(table);
	const preset = matchingPresets(table.headers, BUILT_IN_PRESETS)[0];
	const settings: ImportSettings = {
		kind: preset.kind,
		dateOrder: summary.dateOrder,
		decimalComma: summary.decimalComma,
		mapping: presetMappingFor(preset, table.headers),
		stageMap: preset.stageMap,
		closedFromStageId: preset.closedFromStageId,
		defaultOrigin: preset.defaultOrigin,
		excelDates
	};
	return { preset, result: convertTable(table, settings, ctx) };
}

describe('an .xlsx export of the Pipedrive deals', () => {
	const fromCsv = convert(readCsv(csv).table, false).result.records;

	for (const dates of ['cells', 'serials'] as const) {
		it(`gives the same records as its CSV (dates as ${dates})`, async () => {
			const book = await readWorkbook(await workbook(dates));
			expect(book.sheets.map((s) => s.name)).toEqual(['Cover', 'Deals']);
			const sheet = pickSheet(book);
			expect(sheet.name).toBe('Deals');
			const table = { ...tableFromRows(sheet.data), delimiter: ',' as const, csvErrors: [] };
			const { preset, result } = convert(table, true);
			expect(preset.id).toBe('pipedrive-deals');
			expect(result.problems).toEqual([]);
			expect(result.records).toEqual(fromCsv);
		});
	}

	it('the import worker lists the sheets and reads the chosen one', async () => {
		const service = new ImportService();
		const info = await service.readWorkbook(await workbook('cells'), 'deals.xlsx');
		expect(info.workbook).toEqual({
			sheets: [
				{ name: 'Cover', rows: 0 },
				{ name: 'Deals', rows: 13 }
			],
			sheet: 'Deals'
		});
		expect(info.headers[1]).toBe('Deal - Title');
		expect(info.rowCount).toBe(12);
		const cover = await service.readWorkbook(undefined, 'deals.xlsx', { sheet: 'Cover' });
		expect(cover.rowCount).toBe(0);
	});

	it('a file that is not a workbook is refused with a message', async () => {
		await expect(readWorkbook(new TextEncoder().encode('not a zip').buffer)).rejects.toThrow(
			/is not an Excel workbook/
		);
	});
});
