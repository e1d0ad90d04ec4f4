import { describe, expect, it } from 'vitest';
import { forecastResult } from '$lib/dashboard/test-forecast';
import { ctx } from '../chart-test-context';
import { adoptedProbability, brierText, calibrationChart, canAdopt, fitsText } from './charts';

// Q1 2026 on 15 February: three leads went lead -> proposal -> won, so both open stages have
// n = 3, won = 3, historical 100 % with the Wilson interval 52.6 %-100 %; the lead stage's
// configured 10 % lies outside it, the proposal stage's 90 % inside.
const c = forecastResult().calibration;

describe('calibration', () => {
	it('flags a stage whose configured probability lies outside the interval', () => {
		expect(fitsText(c.byStage.lead)).toBe('⚠ Outside');
		expect(fitsText(c.byStage.proposal)).toBe('✓ Fits');
		expect(canAdopt(c.byStage.lead)).toBe(true);
		expect(canAdopt(c.byStage.proposal)).toBe(false);
		expect(adoptedProbability({ ...c.byStage.lead, historical: 2 / 3 })).toBe(0.67);
	});

	it('a stage without closed leads has no verdict and nothing to adopt', () => {
		const empty = {
			configured: 0.2,
			n: 0,
			won: 0,
			historical: null,
			lower: null,
			upper: null,
			fits: null
		};
		expect(fitsText(empty)).toBe('No closed leads');
		expect(canAdopt(empty)).toBe(false);
	});

	it('the chart: interval bars, historical and configured markers, the table and the Brier score', () => {
		const chart = calibrationChart(c, {
			...ctx,
			stageOrder: (id) => ['lead', 'proposal'].indexOf(id)
		});
		expect(chart.rows).toEqual([
			['LEAD', '10%', '100%', '3', '53% – 100%', '⚠ Outside'],
			['PROPOSAL', '90%', '100%', '3', '53% – 100%', '✓ Fits']
		]);
		const series = (chart.options as { series: { name: string; data: unknown[] }[] }).series;
		expect(series.map((s) => s.name)).toEqual([
			'90 % interval',
			'90 % interval',
			'Historical',
			'Configured'
		]);
		expect(series[3].data).toEqual([0.1, 0.9]);
		// (0.1 - 1)² + (0.9 - 1)² ... each lead closed from proposal: (0.9 - 1)² = 0.01.
		expect(chart.summary).toBe(
			'Brier score of the configured probabilities: 0.01 over 3 leads closed in the period (0 is perfect; always saying 50 % scores 0.25).'
		);
		expect(brierText({ ...c, brier: null, brierCount: 0 })).toMatch(/^No Brier score/);
	});
});
