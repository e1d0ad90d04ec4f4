import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { resultWith } from '$lib/dashboard/test-results';
import type { ChurnResult } from '$lib/kpi/result-types';
import { chartsFor, type ChartContext } from './kpi-charts';

afterEach(() => setLocale('en', { reload: false }));

const ctx: ChartContext = {
	currency: 'DKK',
	locale: 'en',
	stageName: (id) => id.toUpperCase(),
	stageOrder: (id) => ['lead', 'proposal', 'won'].indexOf(id),
	repName: (id) => `Rep ${id}`,
	campaignName: (id) => `Campaign ${id}`
};

const churn = (atStart: number, churned: number): ChurnResult => ({
	atStart,
	churned,
	rate: atStart ? churned / atStart : null,
	new: 0,
	activeAtEnd: atStart - churned
});

describe('KPI page charts', () => {
	it('churn over time: one table row per bucket with its customers, churned and rate', () => {
		const charts = chartsFor('churn', resultWith({}), {
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
		const series = charts.find((c) => c.id === 'churn-series')!;
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
		expect(chartsFor('churn', resultWith({}), ctx).map((c) => c.id)).toEqual(['customers']);
	});

	it('the response-time histogram lists six bins and their total, in Danish too', () => {
		const r = resultWith({ responseTime: { count: 15 } });
		const extras = { histogram: [3, 4, 0, 5, 2, 1] };
		const [hist] = chartsFor('responseTime', r, { ...ctx, extras });
		expect(hist.id).toBe('distribution');
		expect(hist.rows).toEqual([
			['< 1 h', '3'],
			['1–4 h', '4'],
			['4–24 h', '0'],
			['1–3 days', '5'],
			['3–7 days', '2'],
			['> 7 days', '1'],
			['Total', '15']
		]);
		setLocale('da', { reload: false });
		const [da] = chartsFor('responseTime', r, { ...ctx, extras });
		expect(da.title).toBe('Tid til første kontakt');
		expect(da.rows.map((row) => row[0])).toEqual([
			'< 1 t',
			'1–4 t',
			'4–24 t',
			'1–3 dage',
			'3–7 dage',
			'> 7 dage',
			'I alt'
		]);
	});

	it('activities per rep over time: the listed reps, then the rest as others', () => {
		const r = resultWith({
			activities: {
				series: { '2026-11-02': 10, '2026-11-09': 7 },
				byRep: { a: 9, b: 5, c: 3 }
			}
		});
		const [series] = chartsFor('activities', r, {
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
		const [chart] = chartsFor('forecastAccuracy', r, ctx);
		expect(chart.summary).toContain('accuracy 80%');
		expect(chart.summary).toContain('bias +20%');
		expect(chart.rows.at(-1)).toEqual(['Bias', '', '', '20%', '']);
	});

	it('stage shares list count, share and share of open stages in pipeline order', () => {
		const r = resultWith({
			stageDistribution: {
				byStage: {
					won: { count: 2, share: 0.2 },
					lead: { count: 6, share: 0.6, openShare: 0.75 },
					proposal: { count: 2, share: 0.2, openShare: 0.25 }
				}
			}
		});
		const stages = chartsFor('stageDistribution', r, ctx).find((c) => c.id === 'stages')!;
		expect(stages.rows).toEqual([
			['LEAD', '6', '60%', '75%'],
			['PROPOSAL', '2', '20%', '25%'],
			['WON', '2', '20%', '']
		]);
	});

	it('weighted pipeline per rep: the largest weighted pipeline first, in money', () => {
		const r = resultWith({
			weightedPipeline: {
				byRep: {
					a: { count: 2, total: 1000, weighted: 100 },
					b: { count: 1, total: 500, weighted: 400 }
				}
			}
		});
		const byRep = chartsFor('weightedPipeline', r, ctx).find((c) => c.id === 'by-rep')!;
		expect(byRep.title).toBe('Weighted pipeline per rep');
		expect(byRep.rows.map((row) => row[0])).toEqual(['Rep b', 'Rep a']);
		expect(byRep.rows[0].join(' ')).toMatch(/500.*400/);
	});
});
