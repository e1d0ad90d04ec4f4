// Weighted pipeline's charts: the total with its 10-90 % range, by stage (with its probability),
// the projection by month with each month's range, by rep.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import {
	bandSpec,
	round,
	sortedKeys,
	sortedStageIds,
	spec,
	withColumn,
	type ChartContext,
	type ChartSpec
} from '../chart-kit';

export function charts(p: KpiResult['weightedPipeline'], ctx: ChartContext): ChartSpec[] {
	const cur = (v: number | null) => money(v, ctx.currency);
	const stageIds = sortedStageIds(p.byStage, ctx);
	const months = sortedKeys(p.projection);
	// Largest weighted pipeline first.
	const pipelineReps = Object.keys(p.byRep).sort(
		(a, b) => p.byRep[b].weighted - p.byRep[a].weighted
	);
	const names = {
		expected: m.dash_weighted(),
		band: m.target_range(),
		low: m.dash_low(),
		high: m.dash_high()
	};
	// A result cached before the engine had ranges has none: its page shows the other charts.
	const range = p.range ?? { sd: 0, low: p.weighted, high: p.weighted, projectionRange: {} };
	const total = bandSpec(
		'range',
		m.wp_chart_range(),
		[m.dash_kpi_weightedPipeline()],
		[{ expected: p.weighted, low: range.low, high: range.high }],
		names,
		{ format: cur, horizontal: true }
	);
	total.summary = m.wp_range_note({ low: cur(range.low), high: cur(range.high) });
	const rangeMonths = sortedKeys(range.projectionRange);
	const perMonth = bandSpec(
		'projection-range',
		m.wp_chart_projection_range(),
		rangeMonths,
		rangeMonths.map((k) => range.projectionRange[k]),
		names,
		{ format: cur }
	);
	return [
		total,
		withColumn(
			spec(
				'stages',
				m.dash_kpi_weightedPipeline(),
				stageIds.map(ctx.stageName),
				[
					{ name: m.dash_total(), data: stageIds.map((id) => round(p.byStage[id].total)) },
					{ name: m.dash_weighted(), data: stageIds.map((id) => round(p.byStage[id].weighted)) }
				],
				{ horizontal: true, format: cur }
			),
			m.dash_probability(),
			stageIds.map((id) => formatPercent(p.byStage[id].probability))
		),
		spec(
			'projection',
			m.dash_chart_projection(),
			months,
			[{ name: m.dash_weighted(), data: months.map((k) => round(p.projection[k])) }],
			{ format: cur }
		),
		perMonth,
		// Per rep straight from the result (owners of open leads): no extra computation.
		spec(
			'by-rep',
			m.dash_chart_rep_pipeline(),
			pipelineReps.map(ctx.repName),
			[
				{ name: m.dash_total(), data: pipelineReps.map((id) => round(p.byRep[id].total)) },
				{ name: m.dash_weighted(), data: pipelineReps.map((id) => round(p.byRep[id].weighted)) }
			],
			{ horizontal: true, format: cur }
		)
	];
}
