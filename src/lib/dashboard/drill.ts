// Which lists of records a KPI page offers (the `part` of the worker's records call) and how
// many records each must hold according to the result, so the page (and the tests) can check
// that a drill-through list is exactly as long as the figure it explains.
import type { KpiKey, KpiResult } from '../kpi/result-types';
import type { DrillKind, DrillPart } from '../kpis/tile-kit';
import { TILES, tileOf } from '../kpis/tile-registry';

export type { DrillKind, DrillLabel, DrillPart } from '../kpis/tile-kit';

/** The parts of a KPI's figure, from its module (src/lib/kpis/<slug>/tile.ts). */
export function drillParts<K extends KpiKey>(kpi: K, r: KpiResult): DrillPart[] {
	return tileOf(kpi).drillParts(r[kpi]);
}

/** What the ids of a part name: leads unless the KPI's module says otherwise. */
export function drillKind(kpi: KpiKey, part: string | undefined): DrillKind {
	return TILES[kpi].drillKind?.(part) ?? 'lead';
}
