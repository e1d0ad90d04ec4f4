// KPI 5 from the activity pass; seasonality (all time, by month of the year) from the counts the
// dataset keeps per rep, or a walk of its own under the campaign or origin filter.
import { ACTIVITY_TYPES, type ActivityType } from '../../domain/types';
import { monthTableFor } from '../../kpi/buckets';
import type { KpiDataset } from '../../kpi/dataset-types';
import { activityLeadPasses } from '../../kpi/filters';
import type { KpiOptions } from '../../kpi/options';
import type { PassContext, Passes } from '../../kpi/passes';
import type { ActivitiesResult } from './types';

export function computeActivities({ activities: p }: Passes, ctx: PassContext): ActivitiesResult {
	const { ds, mask, leadMask, zone, buckets } = ctx;
	const nReps = ds.repIds.length;
	const byType = {} as Record<ActivityType, number>;
	ACTIVITY_TYPES.forEach((t, i) => (byType[t] = p.typeCount[i]));
	const byRep: Record<string, number> = {};
	for (let r = 0; r < nReps; r++) if (p.repCount[r] > 0) byRep[ds.repIds[r]] = p.repCount[r];
	const series: Record<string, number> = {};
	for (let k = 0; k < buckets.keys.length; k++) series[buckets.keys[k]] = p.series[k];
	const seasonality: Record<string, number> = {};
	const season = leadMask ? filteredSeasonality(ds, ctx.tz, mask, leadMask, ctx.options) : null;
	for (let m = 0; m < 12; m++) {
		let c = 0;
		if (season) c = season[m];
		else for (let r = 0; r < nReps; r++) if (!mask || mask[r]) c += zone.seasonByRep[r * 12 + m];
		seasonality[String(m + 1)] = c;
	}
	return { total: p.total, byType, byRep, series, seasonality };
}

const seasonCache = new WeakMap<KpiDataset, Map<string, Int32Array>>();

/**
 * Seasonality under the lead filter: the precomputed per-rep counts cannot be split by lead, so
 * walk every live activity once (only when a campaign or origin filter is given). It does not
 * depend on the period: kept per dataset, zone and filters, so a period change (and the previous
 * period's call) does not walk the log again.
 */
function filteredSeasonality(
	ds: KpiDataset,
	tz: string,
	mask: Uint8Array | null,
	leadMask: Uint8Array,
	filters: Pick<KpiOptions, 'reps' | 'campaigns' | 'origins'>
): Int32Array {
	const key = JSON.stringify([tz, filters.reps, filters.campaigns, filters.origins]);
	let cache = seasonCache.get(ds);
	if (!cache) seasonCache.set(ds, (cache = new Map()));
	const hit = cache.get(key);
	if (hit) return hit;
	// A handful of views at most; forget them all rather than grow without bound.
	if (cache.size >= 16) cache.clear();
	const out = new Int32Array(12);
	cache.set(key, out);
	const n = ds.actCount;
	if (n === 0) return out;
	const { actAt, actRep } = ds;
	const table = monthTableFor(tz, actAt[0], actAt[n - 1]);
	const starts = table.starts;
	// Activities are sorted: walk the month boundaries alongside them.
	let m = table.monthOf(actAt[0]) - table.firstYear * 12;
	for (let k = 0; k < n; k++) {
		const t = actAt[k];
		while (m + 1 < starts.length && starts[m + 1] <= t) m++;
		if (mask && !mask[actRep[k]]) continue;
		if (!activityLeadPasses(ds, leadMask, k)) continue;
		out[m % 12]++;
	}
	return out;
}
