// Forecast accuracy's chart: each forecast against its actual, the accuracy as a line on its
// own axis, and the table with errors, totals and the bias.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { round, spec, type ChartContext, type ChartSpec } from '../chart-kit';

export function charts(f: KpiResult['forecastAccuracy'], ctx: ChartContext): ChartSpec[] {
	const pct = (v: number | null) => formatPercent(v);
	const cur = (v: number | null) => money(v, ctx.currency);
	const cats = f.rows.map(
		(row) => `${row.period} ${row.repId ? ctx.repName(row.repId) : m.dash_team()}`
	);
	const chart = spec(
		'forecast',
		m.dash_chart_forecast(),
		cats,
		[
			{ name: m.dash_forecast(), data: f.rows.map((row) => row.amount) },
			{ name: m.dash_actual(), data: f.rows.map((row) => row.actual) }
		],
		{ format: cur }
	);
	// The table also gives each forecast's error and accuracy, and the overall figures.
	chart.columns = [...chart.columns, m.dash_error_col(), m.dash_accuracy()];
	chart.rows = f.rows.map((row, i) => [...chart.rows[i], cur(row.error), pct(row.accuracy)]);
	chart.rows.push([
		m.dash_total(),
		cur(f.amount),
		cur(f.actual),
		cur(f.amount - f.actual),
		pct(f.accuracy)
	]);
	chart.rows.push([m.dash_bias(), '', '', pct(f.bias), '']);
	chart.summary = m.dash_forecast_note({
		accuracy: pct(f.accuracy),
		bias: signedPercent(f.bias)
	});
	const o = chart.options as { yAxis: unknown; series: unknown[] };
	o.yAxis = [
		o.yAxis,
		{
			type: 'value',
			min: 0,
			max: 1,
			splitLine: { show: false },
			axisLabel: { formatter: (v: number) => formatPercent(v) }
		}
	];
	o.series.push({
		type: 'line',
		name: m.dash_accuracy(),
		yAxisIndex: 1,
		data: f.rows.map((row) => round(row.accuracy, 4))
	});
	return [chart];
}

/** "+5 %" / "−5 %": a bias has a direction. */
function signedPercent(v: number | null): string {
	const text = formatPercent(v);
	return v !== null && v > 0 ? `+${text}` : text;
}
