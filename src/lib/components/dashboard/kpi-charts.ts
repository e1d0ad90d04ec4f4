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
import { money } from './dash-text';

export interface ChartSpec {
	id: string;
	title: string;
	options: EChartsCoreOption;
	columns: string[];
	rows: (string | number)[][];
	height?: number;
}

export interface ChartContext {
	currency: string;
	locale: string;
	stageName: (id: string) => string;
	/** Pipeline order of a stage (unknown stages last). */
	stageOrder: (id: string) => number;
	repName: (id: string) => string;
	campaignName: (id: string) => string;
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
	const cat = {
		type: 'category',
		data: categories,
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
								minSize: '8%',
								label: { position: 'inside', formatter: '{b}: {c}' },
								data: d.funnel.map((f) => ({ name: ctx.stageName(f.stageId), value: f.reached }))
							}
						]
					},
					columns: [m.dash_stage(), m.dash_reached(), m.dash_rate()],
					rows: funnelRows
				},
				spec(
					'stages',
					m.dash_chart_stages(),
					stageIds.map(ctx.stageName),
					[{ name: m.dash_count(), data: stageIds.map((id) => d.byStage[id].count) }],
					{ horizontal: true }
				)
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
			return [
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
				spec(
					'projection',
					m.dash_chart_projection(),
					months,
					[{ name: m.dash_weighted(), data: months.map((k) => round(p.projection[k])) }],
					{ format: cur }
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
			return [
				spec(
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
			return [
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
				)
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
			return [chart];
		}
	}
}

function sortedStageIds(byStage: Record<string, unknown>, ctx: ChartContext): string[] {
	return Object.keys(byStage).sort((a, b) => ctx.stageOrder(a) - ctx.stageOrder(b));
}
