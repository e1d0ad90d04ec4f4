// The charts of each KPI page, as ECharts options plus the same figures as a table (the text
// alternative under each chart). Each KPI's charts live in its module
// (src/lib/kpis/<slug>/charts.ts), the shared builders in src/lib/kpis/chart-kit.ts.
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { ChartContext, ChartSpec } from '$lib/kpis/chart-kit';
import { pageOf } from '$lib/kpis/page-registry';

export type { ChartContext, ChartExtras, ChartSpec } from '$lib/kpis/chart-kit';

export function chartsFor<K extends KpiKey>(key: K, r: KpiResult, ctx: ChartContext): ChartSpec[] {
	return pageOf(key).charts(r[key], ctx);
}

/** The sections of other result keys a KPI's page shows (calibration, the pipeline's forecast). */
export function panelsFor(key: KpiKey): readonly ('calibration' | 'pipelineForecast')[] {
	return pageOf(key).panels ?? [];
}
