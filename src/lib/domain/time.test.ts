import { describe, expect, it } from 'vitest';
import {
	daysInMonth,
	isIsoDate,
	isIsoInstant,
	parseInstant,
	toIsoDateInZone,
	zonedTimeToMs,
	zoneOffsetMs
} from './time';

const CPH = 'Europe/Copenhagen';

describe('parseInstant', () => {
	it('reads instants with Z and with offsets in any of the written forms', () => {
		expect(parseInstant('2026-11-03T10:00:00Z', CPH)).toBe(Date.UTC(2026, 10, 3, 10));
		expect(parseInstant('2026-11-03T10:00:00+01:00', 'UTC')).toBe(Date.UTC(2026, 10, 3, 9));
		// Salesforce writes offsets without a colon and with milliseconds.
		expect(parseInstant('2024-01-22T16:14:25.000+0000', 'UTC')).toBe(
			Date.UTC(2024, 0, 22, 16, 14, 25)
		);
		expect(parseInstant('2026-11-03T10:00:00.5-05:00', 'UTC')).toBe(
			Date.UTC(2026, 10, 3, 15, 0, 0, 500)
		);
	});

	it('reads a date-only value as the start of that day in the zone', () => {
		// Copenhagen is UTC+1 in November and UTC+2 in July.
		expect(parseInstant('2026-11-03', CPH)).toBe(Date.UTC(2026, 10, 2, 23));
		expect(parseInstant('2026-07-01', CPH)).toBe(Date.UTC(2026, 5, 30, 22));
		expect(parseInstant('2026-07-01', 'UTC')).toBe(Date.UTC(2026, 6, 1));
	});

	it('refuses what is not a date', () => {
		for (const bad of ['2026-13-01', '2026-02-30', 'yesterday', '', '2026-11-03T25:00:00Z']) {
			expect(parseInstant(bad, 'UTC')).toBeNaN();
		}
	});

	it('handles years before 100 (Date.UTC would read them as 19xx)', () => {
		expect(isIsoDate('0000-02-29')).toBe(true);
		expect(new Date(parseInstant('0099-03-01', 'UTC')).getUTCFullYear()).toBe(99);
		expect(daysInMonth(0, 2)).toBe(29);
	});
});

describe('time zones', () => {
	it('knows DST: the spring day in Copenhagen has 23 hours, the autumn day 25', () => {
		const spring = zonedTimeToMs(2026, 3, 30, CPH) - zonedTimeToMs(2026, 3, 29, CPH);
		const autumn = zonedTimeToMs(2026, 10, 26, CPH) - zonedTimeToMs(2026, 10, 25, CPH);
		expect(spring / 3_600_000).toBe(23);
		expect(autumn / 3_600_000).toBe(25);
	});

	it('gives the offset and the local calendar date of an instant', () => {
		expect(zoneOffsetMs(Date.UTC(2026, 0, 1), CPH)).toBe(3_600_000);
		expect(toIsoDateInZone(Date.UTC(2026, 0, 1, 23, 30), CPH)).toBe('2026-01-02');
	});

	it('tells instants with an offset from date-only values', () => {
		expect(isIsoInstant('2026-11-03T10:00:00Z')).toBe(true);
		expect(isIsoInstant('2026-11-03')).toBe(false);
		expect(isIsoInstant('2026-11-03T10:00:00')).toBe(false);
	});
});
