// Which lists of records a KPI page offers (the `part` of the worker's records call) and how
// many records each must hold according to the result, so the page (and the tests) can check
// that a drill-through list is exactly as long as the figure it explains.
import type { KpiKey, KpiResult } from '../kpi/result-types';
import { TILES, tileOf } from '../kpis/tile-registry';

export interface DrillPart {
	/** The `part` argument of records(); undefined = the KPI's whole set. */
	part: string | undefined;
	/** A message key suffix for the part's label (see dash_part_*). */
	label: DrillLabel;
	/** The number of records the result says are behind it. */
	count: number;
}

export type DrillLabel =
	| 'closed'
	| 'won'
	| 'lost'
	| 'leads'
	| 'created'
	| 'converted'
	| 'cohort'
	| 'contacted'
	| 'unanswered'
	| 'followed'
	| 'not-followed'
	| 'activities'
	| 'positive'
	| 'negative'
	| 'neutral'
	| 'marketing'
	| 'sales'
	| 'forecasts'
	| 'open'
	| 'at-start'
	| 'churned'
	| 'new'
	| 'active-end';

/** What the ids of `kpiRecords(kpi, part)` name (see src/lib/kpi/kpi-records.ts). */
export type DrillKind = 'lead' | 'activity' | 'forecast' | 'customer';

/** The parts of a KPI's figure, from its module (src/lib/kpis/<slug>/tile.ts). */
export function drillParts<K extends KpiKey>(kpi: K, r: KpiResult): DrillPart[] {
	return tileOf(kpi).drillParts(r[kpi]);
}

/** What the ids of a part name: leads unless the KPI's module says otherwise. */
export function drillKind(kpi: KpiKey, part: string | undefined): DrillKind {
	return TILES[kpi].drillKind?.(part) ?? 'lead';
}
