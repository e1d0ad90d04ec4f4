// Response time's charts: the distribution of first responses (once the worker has sent it)
// and mean and median per rep.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration, formatNumber } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { round, sortedKeys, spec, type ChartContext, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['responseTime'], ctx: ChartContext): ChartSpec[] {
	const x = r.byRep;
	const reps = sortedKeys(x);
	const hist = ctx.extras?.histogram;
	return [
		...(hist ? [histogramChart(hist)] : []),
		spec(
			'by-rep',
			m.dash_chart_by_rep(),
			reps.map(ctx.repName),
			[
				{ name: m.dash_mean(), data: reps.map((id) => round(x[id].meanHours, 1)) },
				{ name: m.dash_median(), data: reps.map((id) => round(x[id].medianHours, 1)) }
			],
			{ horizontal: true, format: (v) => formatDuration(v, 'hour') }
		)
	];
}

const BIN_LABELS = [
	m.dash_bin_under_1h,
	m.dash_bin_1_4h,
	m.dash_bin_4_24h,
	m.dash_bin_1_3d,
	m.dash_bin_3_7d,
	m.dash_bin_over_7d
];

function histogramChart(counts: number[]): ChartSpec {
	const total = counts.reduce((s, c) => s + c, 0);
	const chart = spec(
		'distribution',
		m.dash_chart_response_hist(),
		BIN_LABELS.map((l) => l()),
		[{ name: m.dash_leads_count(), data: counts }],
		{ format: (v) => formatNumber(v) }
	);
	chart.rows.push([m.dash_total(), formatNumber(total)]);
	chart.summary = m.dash_hist_note({ count: formatNumber(total) });
	return chart;
}
