import { zoneDerived } from '../../kpi/dataset-columns';
import { OUTCOME_WON } from '../../kpi/dataset-types';
import type { RecordsContext } from '../../kpi/records-context';

/**
 * Forecast ids of the rows; part = a forecast id for its won leads. The rep filter only, as the
 * KPI: forecasts name no campaign or origin.
 */
export function forecastAccuracyRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, mask, from, to, asOf } = ctx;
	const zone = zoneDerived(ds, ctx.tz);
	const out: string[] = [];
	for (let f = 0; f < ds.forecastIds.length; f++) {
		const rep = ds.forecastRep[f];
		if (mask && (rep < 0 || !mask[rep])) continue;
		const s = zone.forecastStart[f];
		const e = zone.forecastEnd[f];
		if (!(s >= from && e <= to && e <= asOf)) continue;
		if (part === undefined) {
			out.push(ds.forecastIds[f]);
		} else if (part === ds.forecastIds[f]) {
			const won: string[] = [];
			for (let i = 0; i < ds.leadCount; i++) {
				if (mask && !mask[ds.leadOwner[i]]) continue;
				if (
					ds.outcome[i] === OUTCOME_WON &&
					ds.closedAt[i] >= s &&
					ds.closedAt[i] < e &&
					(rep < 0 || ds.leadOwner[i] === rep)
				)
					won.push(ds.leadIds[i]);
			}
			return won;
		}
	}
	return part === undefined ? out : [];
}
