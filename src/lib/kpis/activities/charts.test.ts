import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

describe('activities charts', () => {
	it('activities per rep over time: the listed reps, then the rest as others', () => {
		const r = resultWith({
			activities: {
				series: { '2026-11-02': 10, '2026-11-09': 7 },
				byRep: { a: 9, b: 5, c: 3 }
			}
		});
		const [series] = charts(r.activities, {
			...ctx,
			extras: {
				repSeries: {
					reps: ['a', 'b'],
					perRep: { a: { '2026-11-02': 6, '2026-11-09': 3 }, b: { '2026-11-09': 3 } }
				}
			}
		});
		expect(series.title).toBe('Activities per rep over time');
		expect(series.columns).toEqual(['', 'Total', 'Rep a', 'Rep b', 'Others']);
		// Others = total - a - b: 10 - 6 - 0 = 4 and 7 - 3 - 3 = 1.
		expect(series.rows).toEqual([
			['2026-11-02', '10', '6', '0', '4'],
			['2026-11-09', '7', '3', '3', '1']
		]);
	});
});
