import { describe, expect, it } from 'vitest';
import {
	decodeBytes,
	detectDateOrder,
	detectDecimalComma,
	detectDelimiter,
	detectHeader
} from './detect';
import { readBoolean, readDate, readNumber } from './values';

describe('decodeBytes', () => {
	it('reads UTF-8 with a BOM and says so', () => {
		const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa6]));
		expect(d).toEqual({ text: 'aæ', encoding: 'utf-8', bom: true });
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8 (æ ø å, € from Excel)', () => {
		const d = decodeBytes(new Uint8Array([0xe6, 0xf8, 0xe5, 0x3b, 0x80]));
		expect(d).toEqual({ text: 'æøå;€', encoding: 'windows-1252', bom: false });
	});

	it('honours an override', () => {
		expect(decodeBytes(new Uint8Array([0xc3, 0xa6]), 'windows-1252').text).toBe('Ã¦');
	});
});

describe('detectDelimiter', () => {
	it('finds semicolons even when the text holds commas', () => {
		expect(detectDelimiter('navn;beløb\n"Hansen, Jens";1,5\nOle;2,25\n')).toBe(';');
	});
	it('finds tabs and commas', () => {
		expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
		expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
	});
});

describe('detectHeader', () => {
	it('says a row of names is a header and a row of data is not', () => {
		expect(
			detectHeader([
				['name', 'date'],
				['A', '2024-01-01']
			])
		).toBe(true);
		expect(
			detectHeader([
				['A', '2024-01-01'],
				['B', '2024-01-02']
			])
		).toBe(false);
		expect(
			detectHeader([
				['Ole', '12'],
				['B', '3']
			])
		).toBe(false);
	});
});

describe('detectDateOrder', () => {
	it('decides from the whole column: one day above 12 late in the file settles it', () => {
		const values = [...Array.from({ length: 5000 }, () => '03/04/2024'), '25/04/2024'];
		expect(detectDateOrder(values)).toEqual({ order: 'dmy', ambiguous: false });
		expect(detectDateOrder(['03/04/2024', '04/30/2024'])).toEqual({
			order: 'mdy',
			ambiguous: false
		});
	});
	it('reads ISO dates as year first and falls back when nothing decides', () => {
		expect(detectDateOrder(['2024-01-22', '2024-01-22T16:14:25.000+0000']).order).toBe('ymd');
		expect(detectDateOrder(['01/02/2024'], 'mdy')).toEqual({ order: 'mdy', ambiguous: true });
	});
});

describe('detectDecimalComma', () => {
	it('sees Danish numbers and English ones', () => {
		expect(detectDecimalComma(['1.234,50', '12,5', '7'])).toBe(true);
		expect(detectDecimalComma(['1,234.50', '12.5', '7'])).toBe(false);
		expect(detectDecimalComma(['1054', '0'])).toBe(false);
	});
});

describe('cell readers', () => {
	it('reads dates in every supported form', () => {
		expect(readDate('2024-01-22', 'ymd', 'UTC')).toBe('2024-01-22');
		expect(readDate('2024-01-22T16:14:25.000+0000', 'ymd', 'UTC')).toBe('2024-01-22T16:14:25.000Z');
		expect(readDate('22/01/2024', 'dmy', 'UTC')).toBe('2024-01-22');
		expect(readDate('01/22/24 4:05 PM', 'mdy', 'UTC')).toBe('2024-01-22T16:05:00.000Z');
		// Copenhagen is UTC+1 in January.
		expect(readDate('2024-01-22 10:00', 'ymd', 'Europe/Copenhagen')).toBe(
			'2024-01-22T09:00:00.000Z'
		);
		expect(readDate('', 'ymd', 'UTC')).toBeUndefined();
	});
	it('refuses impossible dates', () => {
		expect(readDate('2017-13-01', 'ymd', 'UTC')).toEqual({
			error: expect.stringContaining('is not a date')
		});
		expect(readDate('2023-02-29', 'ymd', 'UTC')).toHaveProperty('error');
		expect(readDate('31/04/2024', 'dmy', 'UTC')).toHaveProperty('error');
		expect(readDate('soon', 'dmy', 'UTC')).toHaveProperty('error');
	});
	it('reads numbers with either decimal mark, thousands and currency', () => {
		expect(readNumber('1.234,50', true)).toBe(1234.5);
		expect(readNumber('DKK 1.250', true)).toBe(1250);
		expect(readNumber('$1,250.75', false)).toBe(1250.75);
		expect(readNumber('1124741.15', false)).toBe(1124741.15);
		expect(readNumber('12,5', false)).toHaveProperty('error');
		expect(readNumber('abc', false)).toHaveProperty('error');
		expect(readNumber(' ', false)).toBeUndefined();
	});
	it('reads Salesforce booleans: 1 or empty', () => {
		expect(readBoolean('1')).toBe(true);
		expect(readBoolean('')).toBe(false);
		expect(readBoolean('maybe')).toHaveProperty('error');
	});
});
