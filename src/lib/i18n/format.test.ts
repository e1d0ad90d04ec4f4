import { describe, expect, it } from 'vitest';
import {
	EMPTY,
	formatDate,
	formatDateTime,
	formatDuration,
	formatMoney,
	formatNumber,
	formatPercent
} from './format';

// Expected strings are written by hand from each language's conventions (English: comma for
// thousands, point for decimals, code before the amount; Danish: point for thousands, comma for
// decimals, "kr." after). Non-breaking spaces are normalised so the test reads plainly.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
	it('writes kroner the English way', () => {
		expect(plain(formatMoney(1234.5, 'DKK', { locale: 'en' }))).toBe('DKK 1,234.50');
	});

	it('writes kroner the Danish way', () => {
		expect(plain(formatMoney(1234.5, 'DKK', { locale: 'da' }))).toBe('1.234,50 kr.');
	});

	it('writes euros with the symbol in both languages', () => {
		expect(plain(formatMoney(1234.5, 'EUR', { locale: 'en' }))).toBe('€1,234.50');
		expect(plain(formatMoney(1234.5, 'EUR', { locale: 'da' }))).toBe('1.234,50 €');
	});

	it('shows a dash for a missing amount and survives a bad currency code', () => {
		expect(formatMoney(null, 'DKK', { locale: 'en' })).toBe(EMPTY);
		expect(plain(formatMoney(12, 'XX1', { locale: 'en' }))).toBe('12 XX1');
	});
});

describe('formatNumber and formatPercent', () => {
	it('groups thousands per language', () => {
		expect(formatNumber(1234567, { locale: 'en' })).toBe('1,234,567');
		expect(formatNumber(1234567, { locale: 'da' })).toBe('1.234.567');
	});

	it('writes a fraction as a percentage', () => {
		expect(formatPercent(0.125, { locale: 'en' })).toBe('12.5%');
		expect(plain(formatPercent(0.125, { locale: 'da' }))).toBe('12,5 %');
	});

	it('shows a dash for a ratio without a denominator (null) and never NaN', () => {
		expect(formatPercent(null, { locale: 'en' })).toBe(EMPTY);
		expect(formatNumber(Number.NaN, { locale: 'en' })).toBe(EMPTY);
	});
});

describe('formatDate and formatDateTime', () => {
	it('names the month in the chosen language', () => {
		const at = '2026-11-27T10:00:00Z';
		expect(formatDate(at, { locale: 'en', timeZone: 'UTC' })).toBe('Nov 27, 2026');
		expect(formatDate(at, { locale: 'da', timeZone: 'UTC' })).toBe('27. nov. 2026');
	});

	it('shows the wall time of the workspace zone', () => {
		// 10:00 UTC is 11:00 in Copenhagen in November (CET, UTC+1).
		const at = '2026-11-27T10:00:00Z';
		expect(plain(formatDateTime(at, { locale: 'en', timeZone: 'Europe/Copenhagen' }))).toBe(
			'Nov 27, 2026, 11:00 AM'
		);
		expect(formatDateTime(at, { locale: 'da', timeZone: 'Europe/Copenhagen' })).toBe(
			'27. nov. 2026, 11.00'
		);
	});

	it('keeps a date-only value on its own day west of UTC', () => {
		expect(formatDate('2026-11-03', { locale: 'en', timeZone: 'America/New_York' })).toBe(
			'Nov 3, 2026'
		);
	});
});

describe('formatDuration', () => {
	it('writes days and hours in words', () => {
		expect(formatDuration(2.5, 'day', { locale: 'en' })).toBe('2.5 days');
		expect(formatDuration(2.5, 'day', { locale: 'da' })).toBe('2,5 dage');
		expect(formatDuration(1, 'hour', { locale: 'en' })).toBe('1 hour');
	});
});
