import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../domain/time';
import { isoDateMonth } from './dataset';

/** The month number as it was read before: through isIsoDate and the value's digits. */
function expected(s: string): number {
	return isIsoDate(s) ? Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1 : -1;
}

describe('isoDateMonth', () => {
	it('reads the month of exactly the values isIsoDate accepts', () => {
		const fixed = [
			'2025-03-30',
			'2024-02-29',
			'2025-02-29',
			'2025-04-31',
			'2025-13-01',
			'2025-00-10',
			'2025-01-00',
			'0000-01-01',
			'2025-1-01X',
			'2025/03/30',
			'2025-03-3a',
			'2025-03-30T10:00:00Z',
			'2025-03-30\n',
			''
		];
		for (const s of fixed) expect([s, isoDateMonth(s)]).toEqual([s, expected(s)]);
		const digitOrNot = fc.constantFrom(...'0123456789-/ aT'.split(''));
		const near = fc
			.tuple(
				fc.integer({ min: 0, max: 9999 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 0, max: 32 })
			)
			.map(
				([y, m, d]) =>
					`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
			);
		fc.assert(
			fc.property(
				fc.oneof(near, fc.string({ unit: digitOrNot, minLength: 8, maxLength: 11 })),
				(s) => {
					expect(isoDateMonth(s)).toBe(expected(s));
				}
			),
			{ numRuns: 3000 }
		);
	});
});
