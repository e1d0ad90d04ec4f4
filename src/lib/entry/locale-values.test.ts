import { describe, expect, it } from 'vitest';
import {
	formatLocaleDate,
	formatLocaleInstant,
	parseLocaleDate,
	parseLocaleInstant,
	parseLocaleNumber
} from './locale-values';

describe('parseLocaleNumber', () => {
	it('reads Danish decimal commas and dot grouping', () => {
		expect(parseLocaleNumber('1234,5', 'da')).toBe(1234.5);
		expect(parseLocaleNumber('1.234,50', 'da')).toBe(1234.5);
		expect(parseLocaleNumber('1.234.567', 'da')).toBe(1234567);
		expect(parseLocaleNumber('12.500 kr.', 'da')).toBe(12500);
		expect(parseLocaleNumber('kr. 1.234,50', 'da')).toBe(1234.5);
	});

	it('reads English decimals and comma grouping', () => {
		expect(parseLocaleNumber('1,234.5', 'en')).toBe(1234.5);
		expect(parseLocaleNumber('1,234', 'en')).toBe(1234);
		expect(parseLocaleNumber('$ 99.95', 'en')).toBe(99.95);
		expect(parseLocaleNumber('-12', 'en')).toBe(-12);
	});

	it('takes a lone separator that cannot be grouping as the decimal', () => {
		// A sheet from an English colleague pasted in Danish, and the other way round.
		expect(parseLocaleNumber('1.5', 'da')).toBe(1.5);
		expect(parseLocaleNumber('1,5', 'en')).toBe(1.5);
		// The locale's own decimal comma wins even with three digits after it.
		expect(parseLocaleNumber('1,234', 'da')).toBe(1.234);
	});

	it('reads spaces as grouping and a percent sign as a fraction', () => {
		expect(parseLocaleNumber('1 234 567,8', 'da')).toBe(1234567.8);
		expect(parseLocaleNumber('25 %', 'da')).toBe(0.25);
		expect(parseLocaleNumber('12,5', 'da', true)).toBe(0.125);
	});

	it('rejects what is not a number', () => {
		for (const s of ['', 'abc', '1,2,3', '1.2.3,4,5', '12a4', '--1', '1..2'])
			expect(parseLocaleNumber(s, 'en'), s).toBeNaN();
	});
});

describe('parseLocaleDate', () => {
	it('reads dates in day/month order in Danish', () => {
		expect(parseLocaleDate('3.11.2026', 'da')).toEqual({ year: 2026, month: 11, day: 3 });
		expect(parseLocaleDate('03/11/26', 'da')).toEqual({ year: 2026, month: 11, day: 3 });
		expect(parseLocaleDate('31-12-2026', 'da')).toEqual({ year: 2026, month: 12, day: 31 });
	});

	it('reads US English in month/day order and en-GB in day/month order', () => {
		expect(parseLocaleDate('11/3/2026', 'en-US')).toEqual({ year: 2026, month: 11, day: 3 });
		expect(parseLocaleDate('3/11/2026', 'en-GB')).toEqual({ year: 2026, month: 11, day: 3 });
	});

	it('reads ISO dates whatever the locale', () => {
		expect(parseLocaleDate('2026-02-28', 'da')).toEqual({ year: 2026, month: 2, day: 28 });
		expect(parseLocaleDate('2026/2/28', 'en-US')).toEqual({ year: 2026, month: 2, day: 28 });
	});

	it('rejects days that do not exist', () => {
		expect(parseLocaleDate('29.02.2026', 'da')).toBeNull();
		expect(parseLocaleDate('31/04/2026', 'da')).toBeNull();
		expect(parseLocaleDate('13/13/2026', 'en-US')).toBeNull();
		expect(parseLocaleDate('tomorrow', 'en')).toBeNull();
	});

	it('writes dates back in the locale order', () => {
		expect(formatLocaleDate('2026-11-03', 'da')).toBe('03.11.2026');
		expect(formatLocaleDate('2026-11-03', 'en-US')).toBe('11/03/2026');
		expect(parseLocaleDate(formatLocaleDate('2026-01-09', 'en-US'), 'en-US')).toEqual({
			year: 2026,
			month: 1,
			day: 9
		});
	});
});

describe('parseLocaleInstant', () => {
	it('reads a local date and time as wall time in the zone', () => {
		// Copenhagen is UTC+1 in November.
		expect(parseLocaleInstant('3.11.2026 14:30', 'da', 'Europe/Copenhagen')).toBe(
			'2026-11-03T13:30:00.000Z'
		);
		// ...and UTC+2 in summer.
		expect(parseLocaleInstant('01.07.2026 08.15', 'da', 'Europe/Copenhagen')).toBe(
			'2026-07-01T06:15:00.000Z'
		);
		expect(parseLocaleInstant('11/3/2026, 2:30 PM', 'en-US', 'UTC')).toBe(
			'2026-11-03T14:30:00.000Z'
		);
	});

	it('takes a date alone as the start of that day', () => {
		expect(parseLocaleInstant('3.11.2026', 'da', 'Europe/Copenhagen')).toBe(
			'2026-11-02T23:00:00.000Z'
		);
	});

	it('keeps an ISO instant with offset', () => {
		expect(parseLocaleInstant('2026-11-03T10:00:00+02:00', 'da', 'UTC')).toBe(
			'2026-11-03T08:00:00.000Z'
		);
	});

	it('rejects bad times and dates', () => {
		expect(parseLocaleInstant('3.11.2026 25:00', 'da', 'UTC')).toBeNull();
		expect(parseLocaleInstant('31.11.2026 10:00', 'da', 'UTC')).toBeNull();
		expect(parseLocaleInstant('soon', 'da', 'UTC')).toBeNull();
	});

	it('writes an instant for editing that reads back to the same minute', () => {
		const text = formatLocaleInstant('2026-11-03T13:30:00.000Z', 'da', 'Europe/Copenhagen');
		expect(text).toBe('03.11.2026 14:30');
		expect(parseLocaleInstant(text, 'da', 'Europe/Copenhagen')).toBe('2026-11-03T13:30:00.000Z');
	});
});
