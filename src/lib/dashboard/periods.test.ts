import { describe, expect, it } from 'vitest';
import {
	choiceRange,
	customRange,
	presetRange,
	previousRange,
	rangeDates,
	type PeriodPreset
} from './periods';

const CPH = 'Europe/Copenhagen';
const H = 3_600_000;
const D = 24 * H;
const utc = (iso: string) => Date.parse(iso);
const range = (preset: PeriodPreset, now: string, tz = CPH) => presetRange(preset, utc(now), tz);

// Expected instants are worked out by hand from Copenhagen's offsets: +01:00 in winter,
// +02:00 in summer; in 2026 summer time runs from 29 March to 25 October.
describe('presets in Europe/Copenhagen', () => {
	it('this week runs Monday to Monday and is an hour short across the spring change', () => {
		// Friday 27 March 2026; the clocks go forward on Sunday 29 March.
		const r = range('this-week', '2026-03-27T12:00:00Z');
		expect(r.from).toBe(utc('2026-03-22T23:00:00Z')); // Mon 23 Mar 00:00 +01:00
		expect(r.to).toBe(utc('2026-03-29T22:00:00Z')); // Mon 30 Mar 00:00 +02:00
		expect(r.to - r.from).toBe(7 * D - H);
	});

	it('a Sunday belongs to the week that started the Monday before', () => {
		const r = range('this-week', '2026-03-29T10:00:00Z');
		expect(r.from).toBe(utc('2026-03-22T23:00:00Z'));
	});

	it('last week across the new year', () => {
		// Friday 1 January 2027: this week began Monday 28 December 2026.
		const r = range('last-week', '2027-01-01T12:00:00Z');
		expect(r).toEqual({ from: utc('2026-12-20T23:00:00Z'), to: utc('2026-12-27T23:00:00Z') });
	});

	it('this month is an hour long across the autumn change', () => {
		const r = range('this-month', '2026-10-15T12:00:00Z');
		expect(r.from).toBe(utc('2026-09-30T22:00:00Z')); // 1 Oct 00:00 +02:00
		expect(r.to).toBe(utc('2026-10-31T23:00:00Z')); // 1 Nov 00:00 +01:00
		expect(r.to - r.from).toBe(31 * D + H);
	});

	it('last month from January is December of the year before', () => {
		const r = range('last-month', '2027-01-10T12:00:00Z');
		expect(r).toEqual({ from: utc('2026-11-30T23:00:00Z'), to: utc('2026-12-31T23:00:00Z') });
	});

	it('quarters and years', () => {
		expect(range('this-quarter', '2026-11-27T12:00:00Z')).toEqual({
			from: utc('2026-09-30T22:00:00Z'),
			to: utc('2026-12-31T23:00:00Z')
		});
		expect(range('last-quarter', '2026-11-27T12:00:00Z')).toEqual({
			from: utc('2026-06-30T22:00:00Z'),
			to: utc('2026-09-30T22:00:00Z')
		});
		expect(range('last-quarter', '2026-02-01T12:00:00Z')).toEqual({
			from: utc('2025-09-30T22:00:00Z'),
			to: utc('2025-12-31T23:00:00Z')
		});
		expect(range('this-year', '2026-11-27T12:00:00Z')).toEqual({
			from: utc('2025-12-31T23:00:00Z'),
			to: utc('2026-12-31T23:00:00Z')
		});
		expect(range('last-year', '2026-11-27T12:00:00Z')).toEqual({
			from: utc('2024-12-31T23:00:00Z'),
			to: utc('2025-12-31T23:00:00Z')
		});
	});

	it('last 30 days are the 30 whole days ending with today', () => {
		// 27 Nov 2026 13:00 in Copenhagen: 29 Oct .. 27 Nov, all in winter time.
		const r = range('last-30-days', '2026-11-27T12:00:00Z');
		expect(r).toEqual({ from: utc('2026-10-28T23:00:00Z'), to: utc('2026-11-27T23:00:00Z') });
		expect(r.to - r.from).toBe(30 * D);
	});

	it('last 30 days across the autumn change hold one extra hour', () => {
		// 10 Nov 2026: 12 Oct (summer time) .. 10 Nov (winter time).
		const r = range('last-30-days', '2026-11-10T12:00:00Z');
		expect(r).toEqual({ from: utc('2026-10-11T22:00:00Z'), to: utc('2026-11-10T23:00:00Z') });
		expect(r.to - r.from).toBe(30 * D + H);
	});

	it('today is the local day: half past midnight in Copenhagen is already the next day', () => {
		// 23:30 UTC on 27 Nov is 00:30 on Saturday 28 Nov in Copenhagen.
		const r = range('last-30-days', '2026-11-27T23:30:00Z');
		expect(r.to).toBe(utc('2026-11-28T23:00:00Z'));
		// In UTC it is still the 27th.
		expect(range('last-30-days', '2026-11-27T23:30:00Z', 'UTC').to).toBe(
			utc('2026-11-28T00:00:00Z')
		);
	});

	it('last 90 days', () => {
		const r = range('last-90-days', '2026-11-27T12:00:00Z');
		// 30 Aug (summer time) .. 27 Nov.
		expect(r).toEqual({ from: utc('2026-08-29T22:00:00Z'), to: utc('2026-11-27T23:00:00Z') });
	});
});

describe('custom ranges', () => {
	it('covers whole days, both ends included; the spring-change day is 23 hours', () => {
		const r = customRange('2026-03-29', '2026-03-29', CPH);
		expect(r).toEqual({ from: utc('2026-03-28T23:00:00Z'), to: utc('2026-03-29T22:00:00Z') });
		expect(r!.to - r!.from).toBe(23 * H);
	});

	it('refuses a reversed or malformed range', () => {
		expect(customRange('2026-03-30', '2026-03-29', CPH)).toBeNull();
		expect(customRange('2026-3-1', '2026-03-29', CPH)).toBeNull();
		expect(choiceRange({ preset: 'custom', start: 'x', end: 'y' }, 0, CPH)).toBeNull();
	});

	it('rangeDates gives back the inclusive days of a range', () => {
		const r = customRange('2026-10-01', '2026-10-31', CPH)!;
		expect(rangeDates(r, CPH)).toEqual({ start: '2026-10-01', end: '2026-10-31' });
		expect(rangeDates(range('this-week', '2026-03-27T12:00:00Z'), CPH)).toEqual({
			start: '2026-03-23',
			end: '2026-03-29'
		});
	});
});

it('the previous period has the same length and ends where the period starts', () => {
	const r = { from: utc('2026-11-01T00:00:00Z'), to: utc('2026-11-11T00:00:00Z') };
	expect(previousRange(r)).toEqual({ from: utc('2026-10-22T00:00:00Z'), to: r.from });
});
