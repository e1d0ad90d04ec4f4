// The charts of each KPI page, as ECharts options plus the same figures as a table (the text
// alternative under each chart). Only plain option objects here: ECharts itself is loaded by
// the chart attachment when a chart is on screen.
import type { EChartsCoreOption } from 'echarts/core';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDuration, formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import { activityTypeLabel } from '$lib/components/labels';
import { ACTIVITY_TYPES } from '$lib/domain/types';
import { repSeries } from '$lib/dashboard/rep-series';
import { money } from './dash-text';
import type { ChurnSeries, RepSeriesData } from './kpi-extras.svelte';

export interface ChartSpec {
	id: string;
	title: string;
	options: EChartsCoreOption;
	columns: string[];
	rows: (string | number)[][];
	height?: number;
	/** A sentence under the title (what the chart counts, or overall figures). */
	summary?: string;
}

/** Chart data beyond the KPI result, loaded by the page after its figures (kpi-extras). */
export interface ChartExtras {
	churn?: ChurnSeries | null;
	histogram?: number[] | null;
	repSeries?: RepSeriesData | null;
}

export interface ChartContext {
	currency: string;
	locale: string;
	stageName: (id: string) => string;
	/** Pipeline order of a stage (unknown stages last). */
	stageOrder: (id: string) => number;
	repName: (id: string) => string;
	campaignName: (id: string) => string;
	extras?: ChartExtras;
}

interface Series {
	name: string;
	data: (number | null)[];
	stack?: string;
}

const round = (v: number | null, digits = 2) =>
	v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

function bars(
	categories: string[],
	series: Series[],
	opts: { horizontal?: boolean; line?: boolean; percent?: boolean } = {}
): EChartsCoreOption {
	// Long names (campaigns, reps) are cut on the axis at 360 px; the table has them whole.
	// Horizontal: the first category on top, in the table's order (ECharts starts at the bottom).
	const cat = {
		type: 'category',
		data: categories,
		inverse: opts.horizontal === true,
		axisLabel: opts.horizontal ? { width: 96, overflow: 'truncate' } : {}
	};
	const compact = new Intl.NumberFormat(getLocale(), { notation: 'compact' });
	const val = {
		type: 'value',
		axisLabel: {
			formatter: (v: number) => (opts.percent ? formatPercent(v) : compact.format(v))
		}
	};
	return {
		tooltip: { trigger: 'axis' },
		legend: { show: series.length > 1 },
		grid: { top: series.length > 1 ? 36 : 12 },
		xAxis: opts.horizontal ? val : cat,
		yAxis: opts.horizontal ? cat : val,
		series: series.map((s) => ({
			type: opts.line ? 'line' : 'bar',
			name: s.name,
			data: s.data,
			stack: s.stack,
			showSymbol: false,
			barMaxWidth: 36
		}))
	};
}

/** A table with one row per category: [category, ...one formatted cell per series]. */
function table(
	categories: string[],
	series: Series[],
	format: (v: number | null) => string | number = (v) =>
		formatNumber(v, { maximumFractionDigits: 2 })
) {
	return {
		columns: ['', ...series.map((s) => s.name)],
		rows: categories.map((c, i) => [c, ...series.map((s) => format(s.data[i] ?? null))])
	};
}

function spec(
	id: string,
	title: string,
	categories: string[],
	series: Series[],
	opts: Parameters<typeof bars>[2] & { format?: (v: number | null) => string | number } = {}
): ChartSpec {
	return {
		id,
		title,
		options: bars(categories, series, opts),
		// Horizontal bars grow with their categories so each label keeps its line.
		height: opts.horizontal
			? Math.max(220, categories.length * 30 * Math.min(2, series.length) + 80)
			: undefined,
		...table(categories, series, opts.format)
	};
}

function sortedKeys(o: Record<string, unknown>): string[] {
	return Object.keys(o).sort();
}

export function chartsFor(key: KpiKey, r: KpiResult, ctx: ChartContext): ChartSpec[] {
	const pct = (v: number | null) => formatPercent(v);
	const cur = (v: number | null) => money(v, ctx.currency);
	switch (key) {
		case 'salesCycle': {
			const s = r.salesCycle;
			const cats = [m.dash_total(), m.dash_won(), m.dash_lost()];
			const rows = [s, s.won, s.lost];
			return [
				spec(
					'cycle',
					m.dash_chart_cycle(),
					cats,
					[
						{ name: m.dash_mean(), data: rows.map((x) => round(x.meanDays, 1)) },
						{ name: m.dash_median(), data: rows.map((x) => round(x.medianDays, 1)) }
					],
					{ format: (v) => formatDuration(v, 'day') }
				)
			];
		}
		case 'winLoss': {
			const w = r.winLoss;
			return [
				spec(
					'outcome',
					m.dash_chart_outcome(),
					[m.dash_won(), m.dash_lost()],
					[{ name: m.dash_count(), data: [w.won, w.lost] }]
				)
			];
		}
		case 'stageDistribution': {
			const d = r.stageDistribution;
			const funnelRows = d.funnel.map((f) => [ctx.stageName(f.stageId), f.reached, pct(f.rate)]);
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
		case 'opportunities': {
			const o = r.opportunities.byOrigin;
			const cats = [m.dash_marketing(), m.dash_sales()];
			return [
				spec('origin', m.dash_kpi_opportunities(), cats, [
					{ name: m.dash_cohort(), data: [o.marketing.cohort, o.sales.cohort] },
					{ name: m.dash_converted(), data: [o.marketing.converted, o.sales.converted] }
				])
			];
		}
		case 'weightedPipeline': {
			const p = r.weightedPipeline;
			const stageIds = sortedStageIds(p.byStage, ctx);
			const months = sortedKeys(p.projection);
			// Largest weighted pipeline first.
			const pipelineReps = Object.keys(p.byRep).sort(
				(a, b) => p.byRep[b].weighted - p.byRep[a].weighted
			);
			return [
				withColumn(
					spec(
						'stages',
						m.dash_kpi_weightedPipeline(),
						stageIds.map(ctx.stageName),
						[
							{ name: m.dash_total(), data: stageIds.map((id) => round(p.byStage[id].total)) },
							{
								name: m.dash_weighted(),
								data: stageIds.map((id) => round(p.byStage[id].weighted))
							}
						],
						{ horizontal: true, format: cur }
					),
					m.dash_probability(),
					stageIds.map((id) => pct(p.byStage[id].probability))
				),
				spec(
					'projection',
					m.dash_chart_projection(),
					months,
					[{ name: m.dash_weighted(), data: months.map((k) => round(p.projection[k])) }],
					{ format: cur }
				),
				// Per rep straight from the result (owners of open leads): no extra computation.
				spec(
					'by-rep',
					m.dash_chart_rep_pipeline(),
					pipelineReps.map(ctx.repName),
					[
						{ name: m.dash_total(), data: pipelineReps.map((id) => round(p.byRep[id].total)) },
						{
							name: m.dash_weighted(),
							data: pipelineReps.map((id) => round(p.byRep[id].weighted))
						}
					],
					{ horizontal: true, format: cur }
				)
			];
		}
		case 'activities': {
			const a = r.activities;
			const buckets = sortedKeys(a.series);
			const reps = sortedKeys(a.byRep);
			const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
			const monthNames = months.map((mo) =>
				new Intl.DateTimeFormat(ctx.locale, { month: 'short', timeZone: 'UTC' }).format(
					new Date(Date.UTC(2026, Number(mo) - 1, 1))
				)
			);
			const perRep = ctx.extras?.repSeries;
			return [
				perRep
					? repSeriesChart(buckets, a.series, perRep, ctx)
					: spec(
							'series',
							m.dash_chart_series(),
							buckets,
							[{ name: m.dash_kpi_activities(), data: buckets.map((b) => a.series[b]) }],
							{ line: true }
						),
				spec('by-type', m.dash_kpi_activities(), ACTIVITY_TYPES.map(activityTypeLabel), [
					{ name: m.dash_count(), data: ACTIVITY_TYPES.map((t) => a.byType[t]) }
				]),
				spec(
					'by-rep',
					m.dash_chart_by_rep(),
					reps.map(ctx.repName),
					[{ name: m.dash_count(), data: reps.map((id) => a.byRep[id]) }],
					{ horizontal: true }
				),
				spec('seasonality', m.dash_chart_seasonality(), monthNames, [
					{ name: m.dash_count(), data: months.map((mo) => a.seasonality[mo] ?? 0) }
				])
			];
		}
		case 'responseTime': {
			const reps = sortedKeys(r.responseTime.byRep);
			const x = r.responseTime.byRep;
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
		case 'followUp': {
			const x = r.followUp.byRep;
			const reps = sortedKeys(x);
			return [
				spec(
					'by-rep',
					m.dash_chart_by_rep(),
					reps.map(ctx.repName),
					[{ name: m.dash_rate(), data: reps.map((id) => round(x[id].rate, 4)) }],
					{ horizontal: true, percent: true, format: pct }
				)
			];
		}
		case 'responses': {
			const x = r.responses.byRep;
			const reps = sortedKeys(x);
			return [
				spec(
					'by-rep',
					m.dash_chart_by_rep(),
					reps.map(ctx.repName),
					[
						{ name: m.dash_positive(), data: reps.map((id) => x[id].positive), stack: 'r' },
						{ name: m.dash_negative(), data: reps.map((id) => x[id].negative), stack: 'r' },
						{ name: m.dash_neutral(), data: reps.map((id) => x[id].neutral), stack: 'r' }
					],
					{ horizontal: true }
				)
			];
		}
		case 'leadOrigin': {
			const s = r.leadOrigin.series;
			const buckets = sortedKeys(s);
			return [
				spec('series', m.dash_chart_series(), buckets, [
					{ name: m.dash_marketing(), data: buckets.map((b) => s[b].marketing), stack: 'o' },
					{ name: m.dash_sales(), data: buckets.map((b) => s[b].sales), stack: 'o' }
				])
			];
		}
		case 'forecastAccuracy': {
			const f = r.forecastAccuracy;
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
		case 'churn': {
			const c = r.churn;
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
		case 'costPerLead': {
			const ids = r.costPerLead.campaigns;
			const b = r.costPerLead.byCampaign;
			const chart = spec(
				'campaigns',
				m.dash_chart_campaigns(),
				ids.map(ctx.campaignName),
				[
					{ name: m.dash_cpl(), data: ids.map((id) => round(b[id].cpl)) },
					{ name: m.dash_cpo(), data: ids.map((id) => round(b[id].costPerOpportunity)) },
					{ name: m.dash_cpw(), data: ids.map((id) => round(b[id].costPerWon)) }
				],
				{ horizontal: true, format: cur }
			);
			// Budget, leads and ROI belong beside the costs in the table.
			chart.columns = [
				chart.columns[0],
				m.dash_budget(),
				m.dash_leads(),
				...chart.columns.slice(1),
				m.dash_roi()
			];
			chart.rows = ids.map((id, i) => [
				chart.rows[i][0],
				cur(b[id].budget),
				formatNumber(b[id].leads),
				...chart.rows[i].slice(1),
				pct(b[id].roi)
			]);
			return [
				chart,
				spec(
					'roi',
					m.dash_chart_roi(),
					ids.map(ctx.campaignName),
					[{ name: m.dash_roi(), data: ids.map((id) => round(b[id].roi, 4)) }],
					{ horizontal: true, percent: true, format: pct }
				)
			];
		}
	}
}

function sortedStageIds(byStage: Record<string, unknown>, ctx: ChartContext): string[] {
	return Object.keys(byStage).sort((a, b) => ctx.stageOrder(a) - ctx.stageOrder(b));
}

/** Appends one column to a chart's table. */
function withColumn(chart: ChartSpec, title: string, cells: (string | number)[]): ChartSpec {
	chart.columns = [...chart.columns, title];
	chart.rows = chart.rows.map((row, i) => [...row, cells[i] ?? '']);
	return chart;
}

/** "+5 %" / "−5 %": a bias has a direction. */
function signedPercent(v: number | null): string {
	const text = formatPercent(v);
	return v !== null && v > 0 ? `+${text}` : text;
}

function stageShares(
	d: KpiResult['stageDistribution'],
	stageIds: string[],
	ctx: ChartContext
): ChartSpec {
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

function daysInStage(d: KpiResult['stageDistribution'], ctx: ChartContext): ChartSpec[] {
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

function repSeriesChart(
	buckets: string[],
	total: Record<string, number>,
	data: RepSeriesData,
	ctx: ChartContext
): ChartSpec {
	const list = repSeries(buckets, total, data.reps, data.perRep);
	const series: Series[] = list.map((x) => ({
		name: x.repId === null ? m.dash_others() : ctx.repName(x.repId),
		data: x.data,
		stack: 'reps'
	}));
	const chart = spec('series', m.dash_chart_rep_series(), buckets, series);
	// The table also has the team's total per bucket, first.
	chart.columns = [chart.columns[0], m.dash_total(), ...chart.columns.slice(1)];
	chart.rows = chart.rows.map((row, i) => [
		row[0],
		formatNumber(total[buckets[i]] ?? 0),
		...row.slice(1)
	]);
	if (list.some((x) => x.repId === null)) {
		chart.summary = m.dash_rep_series_note({ limit: formatNumber(data.reps.length) });
	}
	return chart;
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
