// KPI 11: a walk over the forecasts (few), each summing the won value of its period from the
// dataset's won leads sorted by close (binary search); it needs nothing of the lead pass.
import { firstAtOrAfter } from '../../kpi/buckets';
import type { PassContext } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { ForecastAccuracyResult, ForecastRow } from './types';

export function computeForecastAccuracy(ctx: PassContext): ForecastAccuracyResult {
	const { ds, from, to, asOf, mask, options } = ctx;
	const fStart = ctx.zone.forecastStart;
	const fEnd = ctx.zone.forecastEnd;
	const rows: ForecastRow[] = [];
	let sumAbs = 0;
	let sumErr = 0;
	let sumActual = 0;
	let sumAmount = 0;
	for (let f = 0; f < ds.forecastIds.length; f++) {
		const rep = ds.forecastRep[f];
		if (mask && (rep < 0 || !mask[rep])) continue;
		const s = fStart[f];
		const e = fEnd[f];
		if (!(s >= from && e <= to && e <= asOf)) continue;
		// Sum in closedAt order (ties in record order): the same order in every implementation
		// and independent of how the file lists the leads.
		let actual = 0;
		if (rep >= 0) {
			const base = ds.wonOwnerStart[rep];
			const at = ds.wonOwnerCloseAt.subarray(base, ds.wonOwnerStart[rep + 1]);
			const z = firstAtOrAfter(at, e);
			for (let k = firstAtOrAfter(at, s); k < z; k++)
				actual += ds.leadValue[ds.wonByOwner[base + k]];
		} else {
			const z = firstAtOrAfter(ds.wonCloseAt, e);
			for (let k = firstAtOrAfter(ds.wonCloseAt, s); k < z; k++) {
				const i = ds.wonByClose[k];
				if (mask && !mask[ds.leadOwner[i]]) continue;
				actual += ds.leadValue[i];
			}
		}
		const amount = ds.forecastAmount[f];
		const error = amount - actual;
		const accuracy =
			actual === 0 ? (amount === 0 ? 1 : 0) : Math.max(0, 1 - Math.abs(error) / actual);
		rows.push({
			id: ds.forecastIds[f],
			period: ds.forecastPeriod[f],
			repId: rep >= 0 ? ds.repIds[rep] : null,
			amount,
			actual,
			error,
			accuracy
		});
		sumAbs += Math.abs(error);
		sumErr += error;
		sumActual += actual;
		sumAmount += amount;
	}
	const result: ForecastAccuracyResult = {
		count: rows.length,
		accuracy: sumActual === 0 ? null : Math.max(0, 1 - sumAbs / sumActual),
		bias: ratio(sumErr, sumActual),
		amount: sumAmount,
		actual: sumActual,
		rows
	};
	// Forecasts name no campaign and no origin: they keep the rep filter only (docs/kpis.md).
	if (options.campaigns || options.origins) {
		result.unfilteredBy = [];
		if (options.campaigns) result.unfilteredBy.push('campaigns');
		if (options.origins) result.unfilteredBy.push('origins');
	}
	return result;
}
