import { describe, expect, it } from 'vitest';
import { forecastResult } from '$lib/dashboard/test-forecast';
import { ctx } from '../chart-test-context';
import { hasForecast, pipelineForecastChart } from './charts';

// Q1 2026: at 1 January two deals were open (40,000 at 90 %, 20,000 at 10 %), both expected to
// close on 15 March: forecast 38,000; won in Q1 so far 30,000, all from leads new since.
const p = forecastResult().pipelineForecast;

describe('pipeline forecast', () => {
	it('the forecast in its range against the actual, split by where it came from', () => {
		expect(hasForecast(p)).toBe(true);
		const chart = pipelineForecastChart(p, ctx);
		// Money has a no-break space after the code.
		expect(chart.rows[0].map((v) => String(v).replace(/\u00a0/g, ' '))).toEqual([
			'Total',
			'DKK 38,000',
			'DKK 20,806 – DKK 55,194',
			'DKK 30,000',
			'DKK 0',
			'DKK 30,000'
		]);
		expect(chart.rows[1]).toEqual(['Accuracy', '73.3%', '', '', '', '']);
		expect(chart.rows[2][1]).toBe('+26.7%');
		expect(chart.summary).toMatch(
			/^2 open deals were expected to close in the period: forecast DKK\s38,000/
		);
	});

	it('has no figures before the period begins', () => {
		const future = {
			...p,
			count: null,
			forecast: null,
			sd: null,
			low: null,
			high: null,
			actual: null
		};
		expect(hasForecast(future)).toBe(false);
		expect(hasForecast(undefined)).toBe(false);
	});
});
