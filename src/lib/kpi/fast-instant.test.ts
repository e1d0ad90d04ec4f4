import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../domain/time';
import { instantParser } from './fast-instant';

describe('instantParser', () => {
	it('reads what parseInstant reads, to the millisecond', () => {
		const values = [
			'2025-03-30T01:30:00Z',
			'2025-03-30T01:30:00.123Z',
			'2025-03-30T02:30:00+02:00',
			'2025-03-30T02:30:00.5+02:00',
			'2025-10-26T02:30:00-05:30',
			'2024-02-29T23:59:59.999-01:00',
			'2025-02-29T00:00:00Z',
			'2025-04-31T00:00:00Z',
			'2025-01-01T24:00:00Z',
			'2025-01-01T23:60:00Z',
			'2025-01-01T10:00:00+24:00',
			'2025-03-30',
			'2025-10-26',
			'2025-03-30T02:30:00',
			'2025-03-30 02:30:00Z',
			'not a date',
			''
		];
		for (const tz of ['UTC', 'Europe/Copenhagen', 'America/New_York']) {
			const parse = instantParser(tz);
			for (const v of values) expect([v, parse(v)]).toEqual([v, parseInstant(v, tz)]);
		}
	});

	it('agrees with parseInstant on random instants with offsets and fractions', () => {
		const parse = instantParser('Europe/Copenhagen');
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }),
				fc.integer({ min: -14 * 4, max: 14 * 4 }),
				fc.boolean(),
				(d, quarterHours, fraction) => {
					const off = quarterHours * 15;
					const local = new Date(d.getTime() + off * 60_000)
						.toISOString()
						.slice(0, fraction ? 23 : 19);
					const sign = off < 0 ? '-' : '+';
					const a = Math.abs(off);
					const v =
						off === 0
							? local + 'Z'
							: `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
					expect(parse(v)).toBe(parseInstant(v, 'Europe/Copenhagen'));
				}
			),
			{ numRuns: 2000 }
		);
	});
});
