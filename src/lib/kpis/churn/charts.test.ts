import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import type { ChurnResult } from '$lib/kpi/result-types';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

const churn = (atStart: number, churned: number): ChurnResult => ({
	atStart,
	churned,
	rate: atStart ? churned / atStart : null,
	new: 0,
	activeAtEnd: atStart - churned
});

describe('churn charts', () => {
	it('churn over time: one table row per bucket with its customers, churned and rate', () => {
		const list = charts(resultWith({}).churn, {
			...ctx,
			extras: {
				churn: {
					plan: {
						granularity: 'month',
						widened: false,
						buckets: [
							{ key: '2026-09-01', from: 0, to: 1 },
							{ key: '2026-10-01', from: 1, to: 2 },
							{ key: '2026-11-01', from: 2, to: 3 }
						]
					},
					results: [churn(200, 5), churn(0, 0), churn(1250, 10)]
				}
			}
		});
		const series = list.find((c) => c.id === 'churn-series')!;
		expect(series.title).toBe('Churn rate over time');
		expect(series.summary).toBe('One figure per month, each for that month alone.');
		// 5 / 200 = 2.5 %; no customers at the start: no rate; 10 / 1250 = 0.8 %.
		expect(series.rows).toEqual([
			['2026-09-01', '200', '5', '2.5%'],
			['2026-10-01', '0', '0', '–'],
			['2026-11-01', '1,250', '10', '0.8%']
		]);
	});
	it('without the buckets yet, churn has only its period chart', () => {
		expect(charts(resultWith({}).churn, ctx).map((c) => c.id)).toEqual(['customers']);
	});
});
