// What the KPI modules' charts (src/lib/kpis/<slug>/charts.ts) are made of: the chart spec
// (ECharts options plus the same figures as a table, the text alternative under each chart),
// the page's context, the extra chart data asked of the worker, and the builders they share.
// Only plain option objects here: ECharts itself is loaded by the chart attachment when a chart
// is on screen.
import type { EChartsCoreOption } from 'echarts/core';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import type { BucketPlan } from '$lib/dashboard/churn-series';
import type { ChurnResult, KpiResult } from '$lib/kpi/result-types';
import type { KpiRequest } from '$lib/workers/kpi-protocol';

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

/** Churn per bucket period, each bucket computed as the KPI for that period. */
export interface ChurnSeries {
	plan: BucketPlan;
	results: ChurnResult[];
}

/** Activities over time of the busiest reps (the rest are "others"). */
export interface RepSeriesData {
	reps: string[];
	perRep: Record<string, Record<string, number>>;
}

/** Chart data beyond the KPI result, loaded by the page after its figures (kpi-extras). */
export interface ChartExtras {
	churn?: ChurnSeries | null;
	histogram?: number[] | null;
	repSeries?: RepSeriesData | null;
}

/** The worker calls an extras loader may make. */
export interface ExtrasSource {
	compute(request: KpiRequest): Promise<KpiResult>;
	responseHistogram(request: KpiRequest): Promise<number[]>;
}

/**
 * Loads a KPI's extra chart data for `ask` (the figures' request without the previous period),
 * given the KPI's part of the shown result. `live()` turns false when a newer load started:
 * the loader stops asking then (what it returns is thrown away).
 */
export type ExtrasLoader<R> = (
	ask: KpiRequest,
	r: R,
	source: ExtrasSource,
	live: () => boolean
) => Promise<ChartExtras>;

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

export interface Series {
	name: string;
	data: (number | null)[];
	stack?: string;
}

export const round = (v: number | null, digits = 2) =>
	v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export function bars(
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
export function table(
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

export function spec(
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

export function sortedKeys(o: Record<string, unknown>): string[] {
	return Object.keys(o).sort();
}

/** Stage ids in pipeline order. */
export function sortedStageIds(byStage: Record<string, unknown>, ctx: ChartContext): string[] {
	return Object.keys(byStage).sort((a, b) => ctx.stageOrder(a) - ctx.stageOrder(b));
}

/** Appends one column to a chart's table. */
export function withColumn(chart: ChartSpec, title: string, cells: (string | number)[]): ChartSpec {
	chart.columns = [...chart.columns, title];
	chart.rows = chart.rows.map((row, i) => [...row, cells[i] ?? '']);
	return chart;
}

/** One category of a range chart: the middle figure and its 10-90 % (or 90 %) interval. */
export interface BandPoint {
	expected: number | null;
	low: number | null;
	high: number | null;
}

/**
 * A range chart: per category a floating bar from low to high (the interval) with a marker at
 * the expected figure, i.e. error bars that stay readable with one category or twelve. The
 * table gives low, expected and high, so the tooltip need not explain a stacked bar.
 */
export function bandSpec(
	id: string,
	title: string,
	categories: string[],
	points: BandPoint[],
	names: { expected: string; band: string; low: string; high: string },
	opts: { format: (v: number | null) => string; percent?: boolean; horizontal?: boolean }
): ChartSpec {
	const options = bars(categories, [], opts) as {
		xAxis: unknown;
		yAxis: unknown;
		[k: string]: unknown;
	};
	const base = points.map((p) => round(p.low));
	const width = points.map((p) =>
		p.low === null || p.high === null ? null : round(Math.max(0, p.high - p.low))
	);
	options.legend = { show: true, data: [names.expected, names.band] };
	options.grid = { top: 36 };
	options.tooltip = {
		trigger: 'axis',
		formatter: (params: { dataIndex: number; axisValueLabel?: string }[]) => {
			const i = params[0]?.dataIndex ?? 0;
			const p = points[i];
			if (!p) return '';
			// Plain text from our own figures and names (ECharts renders the string as HTML).
			return [
				escapeText(categories[i]),
				`${escapeText(names.expected)}: ${opts.format(p.expected)}`,
				`${escapeText(names.band)}: ${opts.format(p.low)} – ${opts.format(p.high)}`
			].join('<br>');
		}
	};
	options.series = [
		{
			type: 'bar',
			name: names.low,
			stack: 'band',
			data: base,
			itemStyle: { color: 'transparent' },
			emphasis: { disabled: true },
			barMaxWidth: 36
		},
		{
			type: 'bar',
			name: names.band,
			stack: 'band',
			data: width,
			itemStyle: { opacity: 0.35 },
			barMaxWidth: 36
		},
		{
			// A line drawn as markers only: the bundled ECharts has bars and lines, no scatter.
			type: 'line',
			lineStyle: { opacity: 0 },
			showSymbol: true,
			name: names.expected,
			data: points.map((p) => round(p.expected, opts.percent ? 4 : 2)),
			symbol: 'diamond',
			symbolSize: 14,
			z: 3
		}
	];
	return {
		id,
		title,
		options,
		height: opts.horizontal ? Math.max(160, categories.length * 44 + 80) : undefined,
		columns: ['', names.low, names.expected, names.high],
		rows: categories.map((c, i) => [
			c,
			opts.format(points[i].low),
			opts.format(points[i].expected),
			opts.format(points[i].high)
		])
	};
}

/** Names in a tooltip are text, not markup (a stage or rep name could hold "<"). */
export function escapeText(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
