// Test helper: a KPI result of an empty workspace from the real engine (every key and shape as
// the engine makes it), to be filled in by hand per test.
import { computeKpis, datasetFromRecords } from '../kpi/index';
import type { KpiResult } from '../kpi/result-types';
import { RECORD_LIST_NAMES, type Records } from '../domain/types';

export function emptyResult(): KpiResult {
	const records = Object.fromEntries(RECORD_LIST_NAMES.map((n) => [n, []])) as unknown as Records;
	const from = Date.UTC(2026, 9, 1);
	return computeKpis(datasetFromRecords(records, 'UTC'), {
		from,
		to: Date.UTC(2026, 10, 1),
		now: Date.UTC(2026, 10, 27)
	});
}

/** An empty result with some fields overwritten (deeply, one level of nesting per key). */
export function resultWith(patch: { [K in keyof KpiResult]?: Partial<KpiResult[K]> }): KpiResult {
	const r = emptyResult();
	for (const [k, v] of Object.entries(patch)) Object.assign(r[k as keyof KpiResult], v);
	return r;
}
