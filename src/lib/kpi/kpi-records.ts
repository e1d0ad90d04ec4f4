// The records behind a figure, for the dashboard's drill-through: each KPI module says which
// (src/lib/kpis/<slug>/records.ts). Same rules as computeKpis; slower (plain loops, no
// buffers), as it runs once per click.

import { KPI_ENGINE } from '../kpis/engine-registry';
import type { KpiDataset } from './dataset-types';
import type { KpiOptions } from './options';
import { recordsContext } from './records-context';
import type { ResultKey } from './result-types';

/**
 * Ids behind a KPI figure (lead ids unless the module says otherwise: activity, forecast and
 * customer ids), in record order; `part` narrows them (a stage, a rep, `won` ...). The
 * campaign and origin filters apply as in computeKpis (forecasts keep the rep filter only).
 */
export function kpiRecords(
	ds: KpiDataset,
	options: KpiOptions,
	kpi: ResultKey,
	part?: string
): string[] {
	const module = KPI_ENGINE[kpi];
	return module ? module.records(recordsContext(ds, options), part) : [];
}
