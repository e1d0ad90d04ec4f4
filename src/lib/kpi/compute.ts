// computeKpis: the thirteen KPIs of ../shared/spec/kpis.md and the figures of
// ../shared/spec/targets-and-forecast.md over a columnar dataset.
//
// Two shared passes (passes.ts: one over the leads, one over the activities in P), then each KPI
// module of src/lib/kpis/ finishes its figure from them, in the registry's order (which is the
// order of the result's keys). Money sums run in record order; means of durations sum integer
// milliseconds and divide once (stats.ts).

import { KPI_ENGINE } from '../kpis/engine-registry';
import { KPI_KEYS, RESULT_KEYS, type ResultKey } from '../kpis/registry';
import type { KpiDataset } from './dataset-types';
import type { KpiOptions } from './options';
import { passContext, runPasses } from './passes';
import type { KpiResult, TileKpiResult } from './result-types';

export function computeKpis(ds: KpiDataset, options: KpiOptions): KpiResult {
	return computeKeys(ds, options, RESULT_KEYS) as KpiResult;
}

/**
 * The thirteen KPIs without the targets and forecast figures: the dashboard's previous period,
 * whose targets, calibration and pipeline forecast nobody reads (it saves their cost on every
 * refresh).
 */
export function computeTileKpis(ds: KpiDataset, options: KpiOptions): TileKpiResult {
	return computeKeys(ds, options, KPI_KEYS) as TileKpiResult;
}

function computeKeys(
	ds: KpiDataset,
	options: KpiOptions,
	keys: readonly ResultKey[]
): Partial<KpiResult> {
	const ctx = passContext(ds, options);
	const passes = runPasses(ctx);
	const result = {} as Record<ResultKey, unknown>;
	for (const key of keys) result[key] = KPI_ENGINE[key].compute(passes, ctx);
	return result as Partial<KpiResult>;
}
