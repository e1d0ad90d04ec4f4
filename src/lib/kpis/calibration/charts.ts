// Calibration on the weighted pipeline's page: per open stage the historical probability with
// its 90 % interval against the configured one, the rows of the table under it (with the
// adopt button the page adds) and the Brier score in words.
import { m } from '$lib/paraglide/messages.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import type { CalibrationResult, CalibrationStage } from './types';
import { bandSpec, round, sortedStageIds, type ChartContext, type ChartSpec } from '../chart-kit';

const pct = (v: number | null) => formatPercent(v, { maximumFractionDigits: 0 });

/** The probability a stage would get from "Use historical": whole percent, as people set it. */
export const adoptedProbability = (s: CalibrationStage): number | null =>
	s.historical === null ? null : Math.round(s.historical * 100) / 100;

/** Whether the stage is worth adopting its history: it does not fit, and differs once rounded. */
export function canAdopt(s: CalibrationStage): boolean {
	const p = adoptedProbability(s);
	return s.fits === false && p !== null && p !== s.configured;
}

/** The verdict in words with a symbol (never colour alone). */
export function fitsText(s: CalibrationStage): string {
	if (s.fits === null) return m.cal_fits_none();
	return s.fits ? m.cal_fits_yes() : m.cal_fits_no();
}

export const intervalText = (s: CalibrationStage): string =>
	s.lower === null || s.upper === null ? pct(null) : `${pct(s.lower)} – ${pct(s.upper)}`;

export interface CalibrationRow {
	id: string;
	stage: CalibrationStage;
	name: string;
}

/** The stages in pipeline order. */
export function calibrationRows(c: CalibrationResult, ctx: ChartContext): CalibrationRow[] {
	return sortedStageIds(c.byStage, ctx).map((id) => ({
		id,
		stage: c.byStage[id],
		name: ctx.stageName(id)
	}));
}

export function brierText(c: CalibrationResult): string {
	if (c.brier === null) return m.cal_brier_none();
	return m.cal_brier({
		brier: formatNumber(c.brier, { maximumFractionDigits: 3 }),
		count: formatNumber(c.brierCount)
	});
}

/** Historical with its interval (the band) and the configured probability as a second marker. */
export function calibrationChart(c: CalibrationResult, ctx: ChartContext): ChartSpec {
	const rows = calibrationRows(c, ctx);
	const chart = bandSpec(
		'calibration',
		m.cal_chart(),
		rows.map((r) => r.name),
		rows.map((r) => ({ expected: r.stage.historical, low: r.stage.lower, high: r.stage.upper })),
		{
			expected: m.cal_historical(),
			band: m.cal_interval(),
			low: m.cal_interval(),
			high: m.cal_interval()
		},
		{ format: pct, percent: true, horizontal: true }
	);
	const o = chart.options as {
		series: unknown[];
		legend: { data: string[] };
		xAxis: { max?: number; min?: number };
	};
	o.series.push({
		// A line drawn as markers only: the bundled ECharts has bars and lines, no scatter.
		type: 'line',
		lineStyle: { opacity: 0 },
		showSymbol: true,
		name: m.cal_configured(),
		data: rows.map((r) => round(r.stage.configured, 4)),
		symbol: 'triangle',
		symbolSize: 14,
		z: 4
	});
	o.legend.data = [m.cal_historical(), m.cal_configured(), m.cal_interval()];
	o.xAxis = { ...o.xAxis, min: 0, max: 1 };
	// The tooltip of bandSpec knows the band only: list the configured probability too.
	const tip = chart.options.tooltip as { formatter: (p: { dataIndex: number }[]) => string };
	const bandTip = tip.formatter;
	tip.formatter = (params) =>
		`${bandTip(params)}<br>${m.cal_configured()}: ${pct(rows[params[0]?.dataIndex ?? 0]?.stage.configured ?? null)}`;
	chart.columns = [
		m.cal_stage(),
		m.cal_configured(),
		m.cal_historical(),
		m.cal_n(),
		m.cal_interval(),
		m.cal_fits()
	];
	chart.rows = rows.map((r) => [
		r.name,
		pct(r.stage.configured),
		pct(r.stage.historical),
		formatNumber(r.stage.n),
		intervalText(r.stage),
		fitsText(r.stage)
	]);
	chart.summary = brierText(c);
	return chart;
}
