// The KPI worker as the KPI pages' extra charts use it: compute() and the chart-data calls of
// kpi-chart-data.ts. Loaded on first use, like the dashboard's own handle (same worker).
import type { ChartDataService } from '$lib/workers/kpi-chart-data';
import type { KpiService } from '$lib/workers/kpi-protocol';

export type ChartWorker = Pick<KpiService, 'compute'> & ChartDataService;

let loading: Promise<ChartWorker> | null = null;

export function chartWorker(): Promise<ChartWorker> {
	// The worker exposes the chart-data calls beside KpiService (kpi.worker.ts).
	loading ??= import('$lib/workers/kpi-client').then(
		(mod) => mod.kpiWorker() as unknown as ChartWorker
	);
	return loading;
}
