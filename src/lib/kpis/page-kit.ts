// The shape of a KPI module's page parts: the formula in words (formula.ts), the charts
// (charts.ts) and the extra chart data it asks of the worker (extras.ts). Loaded with the KPI
// page's route only, never on the dashboard's first screen.
import { formatNumber } from '$lib/i18n/format';
import type { ChartContext, ChartSpec, ExtrasLoader } from './chart-kit';
import type { ForecastKey } from './registry';

export interface FormulaContext {
	currency: string;
	stageName: (id: string) => string;
}

export interface KpiPage<R> {
	/** The definition with this period's numbers plugged in (the result has a figure). */
	formula(r: R, ctx: FormulaContext): string;
	charts(r: R, ctx: ChartContext): ChartSpec[];
	extras?: ExtrasLoader<R>;
	/**
	 * Figures of other keys of the result shown on this page, each as its own section
	 * (spec/targets-and-forecast.md: calibration on the weighted pipeline's page, the
	 * pipeline's own forecast on forecast accuracy's).
	 */
	panels?: readonly Exclude<ForecastKey, 'targets'>[];
}

/** An operand of a formula: up to one decimal. */
export const operand = (v: number) => formatNumber(v, { maximumFractionDigits: 1 });
