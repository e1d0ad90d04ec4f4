import { describe, expect, it } from 'vitest';
import { formatCopyBlock, parsePasteBlock } from './paste';

describe('parsePasteBlock', () => {
	it('reads an Excel block: CRLF rows, a trailing CRLF, quoted multi-line cells', () => {
		// What Excel for Windows puts on the clipboard for 3 rows x 3 columns where B2 holds a
		// two-line address and C3 a quote.
		const excel =
			'Name\tAddress\tNote\r\n' +
			'Acme\t"Main St 1\nCopenhagen"\tcall back\r\n' +
			'Beta\tHarbour 2\t"says ""maybe"""\r\n';
		expect(parsePasteBlock(excel)).toEqual([
			['Name', 'Address', 'Note'],
			['Acme', 'Main St 1\nCopenhagen', 'call back'],
			['Beta', 'Harbour 2', 'says "maybe"']
		]);
	});

	it('reads a Google Sheets block: LF rows, no trailing break, empty cells kept', () => {
		const sheets = 'Acme\t\t1200,50\nBeta\tbeta@example.com\t\n\t\t7';
		expect(parsePasteBlock(sheets)).toEqual([
			['Acme', '', '1200,50'],
			['Beta', 'beta@example.com', ''],
			['', '', '7']
		]);
	});

	it('keeps a tab inside a quoted cell in one cell', () => {
		expect(parsePasteBlock('"a\tb"\tc\n')).toEqual([['a\tb', 'c']]);
	});

	it('pads ragged rows to a rectangle', () => {
		expect(parsePasteBlock('a\tb\tc\nd\n')).toEqual([
			['a', 'b', 'c'],
			['d', '', '']
		]);
	});

	it('takes one plain cell as typed, quotes included', () => {
		expect(parsePasteBlock('15" monitor')).toEqual([['15" monitor']]);
		expect(parsePasteBlock('Acme\r\n')).toEqual([['Acme']]);
	});

	it('keeps an intentionally empty last row that is not just the final line break', () => {
		expect(parsePasteBlock('a\n\n')).toEqual([['a'], ['']]);
	});

	it('is empty for empty text', () => {
		expect(parsePasteBlock('')).toEqual([]);
	});

	it('round-trips with formatCopyBlock', () => {
		const rows = [
			['x', 'two\nlines', 'q"uote'],
			['', 'tab\there', '3,5']
		];
		expect(parsePasteBlock(formatCopyBlock(rows))).toEqual(rows);
	});
});
