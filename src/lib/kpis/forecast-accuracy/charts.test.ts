import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

describe('forecast accuracy charts', () => {
	it('forecast accuracy says the overall accuracy and the bias with its sign', () => {
		const r = resultWith({
			forecastAccuracy: {
				count: 1,
				accuracy: 0.8,
				bias: 0.2,
				amount: 120,
				actual: 100,
				rows: [
					{
						id: 'f',
						period: '2026-10',
						repId: null,
						amount: 120,
						actual: 100,
						error: 20,
						accuracy: 0.8
					}
				]
			}
		});
		const [chart] = charts(r.forecastAccuracy, ctx);
		expect(chart.summary).toContain('accuracy 80%');
		expect(chart.summary).toContain('bias +20%');
		expect(chart.rows.at(-1)).toEqual(['Bias', '', '', '20%', '']);
	});
});
