import { describe, expect, it } from 'vitest';
import { IdMaker, isoSeconds } from './fast-strings';
import { Random } from './prng';

// The reference: the platform's own formatter, cut to whole seconds.
const reference = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('isoSeconds', () => {
	it('formats like toISOString without milliseconds', () => {
		expect(isoSeconds(Date.UTC(2026, 10, 27, 12, 0, 0))).toBe('2026-11-27T12:00:00Z');
		expect(isoSeconds(Date.UTC(2024, 1, 29, 23, 59, 59))).toBe('2024-02-29T23:59:59Z');
		expect(isoSeconds(Date.UTC(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01T00:00:00Z');
	});

	it('agrees with the platform formatter on many random instants', () => {
		const r = new Random(7);
		const from = Date.UTC(1990, 0, 1);
		const to = Date.UTC(2060, 0, 1);
		for (let i = 0; i < 20_000; i++) {
			const ms = Math.floor(r.range(from, to) / 1000) * 1000;
			expect(isoSeconds(ms)).toBe(reference(ms));
		}
	});

	it('drops milliseconds rather than rounding them up', () => {
		expect(isoSeconds(Date.UTC(2026, 0, 1, 10, 0, 0, 999))).toBe('2026-01-01T10:00:00Z');
	});

	it('falls back to the platform for years outside four digits', () => {
		const ms = Date.UTC(10_500, 0, 1);
		expect(isoSeconds(ms)).toBe(reference(ms));
	});
});

describe('IdMaker', () => {
	it('pads the number so ids sort in creation order', () => {
		const ids = new IdMaker('act-S1-', 5);
		expect(ids.make(1)).toBe('act-S1-00001');
		expect(ids.make(12345)).toBe('act-S1-12345');
		const made = [9, 10, 99, 100, 1000].map((n) => ids.make(n));
		expect([...made].sort()).toEqual(made);
	});

	it('does not cut a number wider than planned', () => {
		expect(new IdMaker('x-', 2).make(1234)).toBe('x-1234');
	});
});
