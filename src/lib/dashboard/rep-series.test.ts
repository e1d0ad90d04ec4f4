import { describe, expect, it } from 'vitest';
import { repSeries, topReps } from './rep-series';

describe('topReps', () => {
	it('takes the busiest reps, ties by id, none without activities', () => {
		expect(topReps({ c: 5, a: 9, b: 5, d: 1, e: 0 }, 3)).toEqual(['a', 'b', 'c']);
		expect(topReps({ x: 0 }, 3)).toEqual([]);
	});
});

describe('repSeries', () => {
	const buckets = ['2026-01-05', '2026-01-12', '2026-01-19'];
	const total = { '2026-01-05': 10, '2026-01-12': 4, '2026-01-19': 0 };

	it('lists each rep and the rest as others, adding up to the total per bucket', () => {
		const series = repSeries(buckets, total, ['a', 'b'], {
			a: { '2026-01-05': 6, '2026-01-12': 1, '2026-01-19': 0 },
			// b had nothing in the second week: the key may be missing.
			b: { '2026-01-05': 3, '2026-01-19': 0 }
		});
		expect(series).toEqual([
			{ repId: 'a', data: [6, 1, 0] },
			{ repId: 'b', data: [3, 0, 0] },
			{ repId: null, data: [1, 3, 0] }
		]);
	});

	it('no others series when the listed reps are the whole team', () => {
		const series = repSeries(buckets, total, ['a'], {
			a: { '2026-01-05': 10, '2026-01-12': 4, '2026-01-19': 0 }
		});
		expect(series).toEqual([{ repId: 'a', data: [10, 4, 0] }]);
	});
});
