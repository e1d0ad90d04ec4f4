// Stage distribution's charts: the funnel, each stage's share and the days leads spend in it.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration, formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { round, sortedStageIds, spec, type ChartContext, type ChartSpec } from '../chart-kit';

type Stages = KpiResult['stageDistribution'];

export function charts(d: Stages, ctx: ChartContext): ChartSpec[] {
	const funnelRows = d.funnel.map((f) => [
		ctx.stageName(f.stageId),
		f.reached,
		formatPercent(f.rate)
	]);
	const stageIds = sortedStageIds(d.byStage, ctx);
	return [
		{
			id: 'funnel',
			title: m.dash_chart_funnel(),
			options: {
				tooltip: { trigger: 'item' },
				legend: { show: false },
				series: [
					{
						type: 'funnel',
						sort: 'none',
						left: '5%',
						width: '90%',
						top: 8,
						bottom: 8,
						// Wide enough at the narrow end for "Negotiation: 30" at 360 px.
						minSize: '45%',
						label: { position: 'inside', formatter: '{b}: {c}' },
						data: d.funnel.map((f) => ({ name: ctx.stageName(f.stageId), value: f.reached }))
					}
				]
			},
			columns: [m.dash_stage(), m.dash_reached(), m.dash_rate()],
			rows: funnelRows
		},
		stageShares(d, stageIds, ctx),
		...daysInStage(d, ctx)
	];
}

function stageShares(d: Stages, stageIds: string[], ctx: ChartContext): ChartSpec {
	const chart = spec(
		'stages',
		m.dash_chart_stages(),
		stageIds.map(ctx.stageName),
		[{ name: m.dash_share(), data: stageIds.map((id) => round(d.byStage[id].share, 4)) }],
		{ horizontal: true, percent: true, format: (v) => formatPercent(v) }
	);
	chart.columns = [m.dash_stage(), m.dash_count(), m.dash_share(), m.dash_open_share()];
	chart.rows = stageIds.map((id) => {
		const x = d.byStage[id];
		return [
			ctx.stageName(id),
			formatNumber(x.count),
			formatPercent(x.share),
			x.openShare === undefined ? '' : formatPercent(x.openShare)
		];
	});
	return chart;
}

function daysInStage(d: Stages, ctx: ChartContext): ChartSpec[] {
	const ids = sortedStageIds(d.avgDaysInStage, ctx);
	if (!ids.some((id) => d.avgDaysInStage[id] !== null)) return [];
	return [
		spec(
			'days-in-stage',
			m.dash_chart_days_in_stage(),
			ids.map(ctx.stageName),
			[{ name: m.dash_days(), data: ids.map((id) => round(d.avgDaysInStage[id], 1)) }],
			{ horizontal: true, format: (v) => formatDuration(v, 'day') }
		)
	];
}
