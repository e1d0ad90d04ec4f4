import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isIsoDateOrInstant, isIsoInstant, parseInstant } from '../domain/time';
import { instantMs, isDate, isDateOrInstant, isInstant, utcInstantMs } from './fast-time';

// Strings close to the accepted shapes, with out-of-range fields, so both sides get exercised.
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const candidateArb = fc
	.tuple(
		fc.constantFrom('2024', '2026', '1900', '2000', '0000'),
		two(13),
		two(32),
		fc.constantFrom('T', ' ', ''),
		two(25),
		two(60),
		fc.constantFrom('', ':00', ':59', ':60', ':07.5', ':07.123', ':07.123456', ',5'),
		fc.constantFrom('', 'Z', 'z', '+01:00', '-05:30', '+0100', '+01', '+24:00', '-00:60', ' Z')
	)
	.map(([y, mo, d, sep, h, mi, s, off]) =>
		sep === '' ? `${y}-${mo}-${d}` : `${y}-${mo}-${d}${sep}${h}:${mi}${s}${off}`
	);

describe('fast instant and date checks', () => {
	it('agree with the domain helpers', () => {
		fc.assert(
			fc.property(fc.oneof(candidateArb, fc.string({ maxLength: 30 })), (v) => {
				expect(isInstant(v)).toBe(isIsoInstant(v));
				expect(isDate(v)).toBe(isIsoDate(v));
				expect(isDateOrInstant(v)).toBe(isIsoDateOrInstant(v));
				if (isIsoInstant(v)) expect(instantMs(v)).toBe(parseInstant(v, 'UTC'));
				else expect(instantMs(v)).toBeNaN();
				// The fast reader accepts only what the domain accepts, and reads it the same.
				const fast = utcInstantMs(v);
				if (!Number.isNaN(fast)) expect(fast).toBe(parseInstant(v, 'UTC'));
				else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(v) && v >= '0100')
					expect(isIsoInstant(v)).toBe(false);
			}),
			{ numRuns: 3000 }
		);
	});

	it('read the instants Tragt writes as Date.parse does, for any time in years 0100-9999', () => {
		fc.assert(
			fc.property(fc.integer({ min: -59_011_459_200_000, max: 253_402_300_799_999 }), (ms) => {
				const iso = new Date(ms).toISOString();
				expect(utcInstantMs(iso)).toBe(ms);
				const seconds = iso.slice(0, 19) + 'Z';
				expect(utcInstantMs(seconds)).toBe(Date.parse(seconds));
			}),
			{ numRuns: 3000 }
		);
		expect(utcInstantMs('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
		expect(utcInstantMs('2026-02-29T00:00:00Z')).toBeNaN();
		expect(utcInstantMs('0099-01-01T00:00:00Z')).toBeNaN();
		expect(utcInstantMs('2026-11-27T10:00:00+01:00')).toBeNaN();
	});

	it('know leap years and short months', () => {
		expect(isInstant('2024-02-29T00:00:00Z')).toBe(true);
		expect(isInstant('2026-02-29T00:00:00Z')).toBe(false);
		expect(isInstant('1900-02-29T00:00:00Z')).toBe(false);
		expect(isInstant('2000-02-29T00:00:00Z')).toBe(true);
		expect(isDate('2026-04-31')).toBe(false);
		expect(instantMs('2026-02-30T00:00:00Z')).toBeNaN();
		expect(instantMs('2026-11-27T11:00:00+01:00')).toBe(Date.UTC(2026, 10, 27, 10));
	});
});
