// The pipeline's own forecast on forecast accuracy's page: what the open deals at the period's
// start said (with its 10-90 % range) against the won value, split into what came from that
// pipeline and what from leads new since. Reconstructed from today's values (said in words).
import { m } from '$lib/paraglide/messages.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import { money } from '../money';
import { round, type ChartContext, type ChartSpec } from '../chart-kit';
import type { PipelineForecastResult } from './types';

/** Has the period begun (the figures exist)? */
export const hasForecast = (p: PipelineForecastResult | undefined): p is PipelineForecastResult =>
	!!p && p.forecast !== null && p.actual !== null;

/** "+5 %" / "−5 %": a bias has a direction. */
function signedPercent(v: number | null): string {
	const text = formatPercent(v);
	return v !== null && v > 0 ? `+${text}` : text;
}

export function pipelineForecastSummary(p: PipelineForecastResult, currency: string): string {
	const cur = (v: number | null) => money(v, currency);
	return m.pf_summary({
		count: formatNumber(p.count),
		forecast: cur(p.forecast),
		low: cur(p.low),
		high: cur(p.high),
		actual: cur(p.actual),
		accuracy: formatPercent(p.accuracy),
		bias: signedPercent(p.bias)
	});
}

/** Two bars: the forecast (a marker in its range) and the actual (stacked by where it came from). */
export function pipelineForecastChart(p: PipelineForecastResult, ctx: ChartContext): ChartSpec {
	const cur = (v: number | null) => money(v, ctx.currency);
	const cats = [m.dash_forecast(), m.dash_actual()];
	const compact = new Intl.NumberFormat(ctx.locale, { notation: 'compact' });
	const band = p.low === null || p.high === null ? null : round(Math.max(0, p.high - p.low));
	const options = {
		tooltip: { trigger: 'item' },
		legend: { show: true },
		grid: { top: 36 },
		xAxis: { type: 'category', data: cats },
		yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact.format(v) } },
		series: [
			{
				type: 'bar',
				name: m.dash_low(),
				stack: 'f',
				data: [round(p.low), null],
				itemStyle: { color: 'transparent' },
				tooltip: { show: false },
				emphasis: { disabled: true },
				barMaxWidth: 48
			},
			{
				type: 'bar',
				name: m.target_range(),
				stack: 'f',
				data: [band, null],
				itemStyle: { opacity: 0.35 },
				barMaxWidth: 48
			},
			{
				// A line drawn as markers only: the bundled ECharts has bars and lines, no scatter.
				type: 'line',
				lineStyle: { opacity: 0 },
				showSymbol: true,
				name: m.dash_forecast(),
				data: [round(p.forecast), null],
				symbol: 'diamond',
				symbolSize: 14,
				z: 3
			},
			{
				type: 'bar',
				name: m.pf_from_pipeline(),
				stack: 'a',
				data: [null, round(p.fromPipeline)],
				barMaxWidth: 48
			},
			{
				type: 'bar',
				name: m.pf_from_new(),
				stack: 'a',
				data: [null, round(p.fromNew)],
				barMaxWidth: 48
			}
		]
	};
	(options.legend as { data?: string[] }).data = [
		m.dash_forecast(),
		m.target_range(),
		m.pf_from_pipeline(),
		m.pf_from_new()
	];
	return {
		id: 'pipeline-forecast',
		title: m.pf_chart(),
		options,
		columns: [
			'',
			m.dash_forecast(),
			m.target_range(),
			m.dash_actual(),
			m.pf_from_pipeline(),
			m.pf_from_new()
		],
		rows: [
			[
				m.dash_total(),
				cur(p.forecast),
				`${cur(p.low)} – ${cur(p.high)}`,
				cur(p.actual),
				cur(p.fromPipeline),
				cur(p.fromNew)
			],
			[m.dash_accuracy(), formatPercent(p.accuracy), '', '', '', ''],
			[m.dash_bias(), signedPercent(p.bias), '', '', '', '']
		],
		summary: pipelineForecastSummary(p, ctx.currency)
	};
}
