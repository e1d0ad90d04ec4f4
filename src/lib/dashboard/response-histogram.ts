// The distribution of first-response times: how many of the leads behind the response-time
// figure were first contacted within an hour, 1-4 hours, ... The leads are exactly those of
// kpiRecords('responseTime') (cohort leads with a first contact, every filter applied), so the
// counts add up to the figure's count.
import { kpiRecords, type KpiDataset } from '../kpi/index';
import type { KpiOptions } from '../kpi/result-types';

/** Upper bounds (exclusive) of the bins in hours; the last bin is open-ended. */
export const RESPONSE_BIN_EDGES = [1, 4, 24, 72, 168] as const;

/** The bin of a response time: edges[i - 1] <= hours < edges[i]. */
export function responseBin(hours: number): number {
	let i = 0;
	while (i < RESPONSE_BIN_EDGES.length && hours >= RESPONSE_BIN_EDGES[i]) i++;
	return i;
}

/** Counts per bin (RESPONSE_BIN_EDGES.length + 1 of them). */
export function responseHistogram(hours: Iterable<number>): number[] {
	const counts = new Array<number>(RESPONSE_BIN_EDGES.length + 1).fill(0);
	for (const h of hours) counts[responseBin(h)]++;
	return counts;
}

/**
 * Hours from creation to first contact (clamped at 0, as the KPI) of the leads behind the
 * response-time figure, in record order. Runs in the KPI worker, beside the dataset.
 */
export function responseHours(ds: KpiDataset, options: KpiOptions): number[] {
	const ids = kpiRecords(ds, options, 'responseTime');
	const wanted = new Set(ids);
	const hours: number[] = [];
	for (let i = 0; i < ds.leadCount && hours.length < ids.length; i++) {
		if (!wanted.has(ds.leadIds[i])) continue;
		hours.push(Math.max(0, ds.firstContactAt[i] - ds.leadCreatedAt[i]) / 3_600_000);
	}
	return hours;
}
