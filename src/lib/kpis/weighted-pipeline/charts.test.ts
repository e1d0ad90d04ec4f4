import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

describe('weighted pipeline charts', () => {
	it('weighted pipeline per rep: the largest weighted pipeline first, in money', () => {
		const r = resultWith({
			weightedPipeline: {
				byRep: {
					a: { count: 2, total: 1000, weighted: 100 },
					b: { count: 1, total: 500, weighted: 400 }
				}
			}
		});
		const byRep = charts(r.weightedPipeline, ctx).find((c) => c.id === 'by-rep')!;
		expect(byRep.title).toBe('Weighted pipeline per rep');
		expect(byRep.rows.map((row) => row[0])).toEqual(['Rep b', 'Rep a']);
		expect(byRep.rows[0].join(' ')).toMatch(/500.*400/);
	});
});
