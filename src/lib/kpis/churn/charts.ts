// Churn's charts: the period's customers (at start, churned, new, active at the end) and, once
// the worker has computed it bucket by bucket, churn over time.
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { round, spec, type ChartContext, type ChartSpec, type ChurnSeries } from '../chart-kit';

export function charts(c: KpiResult['churn'], ctx: ChartContext): ChartSpec[] {
	return [
		spec(
			'customers',
			m.dash_chart_churn(),
			[m.dash_at_start(), m.dash_churned(), m.dash_new(), m.dash_active_end()],
			[{ name: m.dash_count(), data: [c.atStart, c.churned, c.new, c.activeAtEnd] }]
		),
		...(ctx.extras?.churn ? [churnSeriesChart(ctx.extras.churn)] : [])
	];
}

function churnSeriesChart(data: ChurnSeries): ChartSpec {
	const keys = data.plan.buckets.map((b) => b.key);
	const r = data.results;
	const compact = new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 0 });
	const note = {
		day: m.dash_series_by_day,
		week: m.dash_series_by_week,
		month: m.dash_series_by_month
	}[data.plan.granularity];
	return {
		id: 'churn-series',
		title: m.dash_chart_churn_series(),
		summary: data.plan.widened ? m.dash_series_last_12() : note(),
		options: {
			tooltip: { trigger: 'axis' },
			legend: { show: true },
			grid: { top: 36 },
			xAxis: { type: 'category', data: keys },
			yAxis: [
				{ type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v) } },
				{
					type: 'value',
					minInterval: 1,
					splitLine: { show: false },
					axisLabel: { formatter: (v: number) => compact.format(v) }
				}
			],
			series: [
				{
					type: 'line',
					name: m.dash_rate(),
					data: r.map((x) => round(x.rate, 4)),
					showSymbol: true,
					// Drawn over the bars.
					z: 3,
					connectNulls: false
				},
				{
					type: 'bar',
					name: m.dash_churned(),
					yAxisIndex: 1,
					data: r.map((x) => x.churned),
					barMaxWidth: 24
				}
			]
		},
		columns: [m.dash_period_start(), m.dash_at_start(), m.dash_churned(), m.dash_rate()],
		rows: keys.map((k, i) => [
			k,
			formatNumber(r[i].atStart),
			formatNumber(r[i].churned),
			formatPercent(r[i].rate)
		])
	};
}
