// Columns of the dataset that both a full derivation (dataset.ts) and the fast path (patch.ts)
// build: customers, forecasts, and the figures that depend on the zone used to cut calendars.

import { isIsoDate } from '../domain/time';
import type { Customer, Forecast, Target } from '../domain/types';
import { forecastPeriodBounds, monthTableFor } from './buckets';
import { isLive, type KpiDataset, type ZoneDerived } from './dataset-types';
import { instantParser } from './fast-instant';

export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export type CustomerPart = Pick<
	KpiDataset,
	'customerRecords' | 'customerIds' | 'customerOwner' | 'customerSince' | 'customerChurnedAt'
>;

/** Live customers as columns (instants of records unchanged since `prev` are reused). */
export function customerColumns(
	all: Customer[],
	rep: (id: string) => number,
	instant: (v: string | undefined | null) => number,
	prev?: KpiDataset
): CustomerPart {
	const customers = all.filter(isLive);
	const customerOwner = new Int32Array(customers.length);
	const customerSince = new Float64Array(customers.length);
	const customerChurnedAt = new Float64Array(customers.length);
	customers.forEach((c, i) => {
		customerOwner[i] = c.ownerId ? rep(c.ownerId) : -1;
		if (prev && prev.customerRecords[i] === c) {
			customerSince[i] = prev.customerSince[i];
			customerChurnedAt[i] = prev.customerChurnedAt[i];
		} else {
			customerSince[i] = instant(c.since);
			customerChurnedAt[i] = instant(c.churnedAt);
		}
	});
	return {
		customerRecords: customers,
		customerIds: customers.map((c) => c.id),
		customerOwner,
		customerSince,
		customerChurnedAt
	};
}

export type ForecastPart = Pick<
	KpiDataset,
	'forecastIds' | 'forecastPeriod' | 'forecastRep' | 'forecastAmount'
>;

/** Live forecasts in id order (the order of KPI 11's rows and of its sums). */
export function forecastColumns(all: Forecast[], rep: (id: string) => number): ForecastPart {
	const forecasts = all.filter(isLive).sort((a, b) => compareIds(a.id, b.id));
	const forecastRep = new Int32Array(forecasts.length);
	const forecastAmount = new Float64Array(forecasts.length);
	forecasts.forEach((f, i) => {
		forecastRep[i] = f.repId ? rep(f.repId) : -1;
		forecastAmount[i] = f.amount;
	});
	return {
		forecastIds: forecasts.map((f) => f.id),
		forecastPeriod: forecasts.map((f) => f.period),
		forecastRep,
		forecastAmount
	};
}

/**
 * Live targets in id order (the order of `targets.rows`); one whose `to` is before its `from`
 * is invalid (the data layer refuses it) and left out.
 */
export function liveTargets(all: Target[]): Target[] {
	return all
		.filter((t) => isLive(t) && isIsoDate(t.from) && isIsoDate(t.to) && t.to >= t.from)
		.sort((a, b) => compareIds(a.id, b.id));
}

/** Per forecast: [start, end) of its period in `timeZone`, NaN when malformed. */
export function forecastBounds(
	periods: string[],
	timeZone: string
): Pick<ZoneDerived, 'forecastStart' | 'forecastEnd'> {
	const nf = periods.length;
	const forecastStart = new Float64Array(nf).fill(NaN);
	const forecastEnd = new Float64Array(nf).fill(NaN);
	for (let f = 0; f < nf; f++) {
		const b = forecastPeriodBounds(periods[f], timeZone);
		if (b) {
			forecastStart[f] = b[0];
			forecastEnd[f] = b[1];
		}
	}
	return { forecastStart, forecastEnd };
}

/** The zone-dependent figures of a dataset for `timeZone` (computed once, then cached). */
export function zoneDerived(ds: KpiDataset, timeZone: string): ZoneDerived {
	const hit = ds.zoneCache.get(timeZone);
	if (hit) return hit;
	const { forecastStart, forecastEnd } = forecastBounds(ds.forecastPeriod, timeZone);
	const nc = ds.campaignIds.length;
	const instant = instantParser(timeZone);
	const campaignStart = new Float64Array(nc);
	const campaignEnd = new Float64Array(nc);
	for (let c = 0; c < nc; c++) {
		const s = ds.campaignStartDate[c];
		const e = ds.campaignEndDate[c];
		campaignStart[c] = s ? instant(s) : -Infinity;
		campaignEnd[c] = e ? dayAfter(e, instant) : Infinity;
	}
	const seasonByRep = new Int32Array(ds.repIds.length * 12);
	if (ds.actCount > 0) {
		const table = monthTableFor(timeZone, ds.actAt[0], ds.actAt[ds.actCount - 1]);
		const starts = table.starts;
		// Activities are sorted: walk the month boundaries alongside them.
		let m = table.monthOf(ds.actAt[0]) - table.firstYear * 12;
		for (let k = 0; k < ds.actCount; k++) {
			const t = ds.actAt[k];
			while (m + 1 < starts.length && starts[m + 1] <= t) m++;
			seasonByRep[ds.actRep[k] * 12 + (m % 12)]++;
		}
	}
	const z: ZoneDerived = { forecastStart, forecastEnd, campaignStart, campaignEnd, seasonByRep };
	ds.zoneCache.set(timeZone, z);
	return z;
}

/** Start of the day after the date-only (or instant) value `value`. */
export function dayAfter(value: string, instant: (v: string) => number): number {
	if (isIsoDate(value)) {
		const d = new Date(
			Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10) + 1)
		);
		return instant(d.toISOString().slice(0, 10));
	}
	return instant(value) + 86_400_000;
}
