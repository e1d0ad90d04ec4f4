import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isIsoDateOrInstant, isIsoInstant, parseInstant } from '../domain/time';
import { instantMs, isDate, isDateOrInstant, isInstant } from './fast-time';

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
			}),
			{ numRuns: 3000 }
		);
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
