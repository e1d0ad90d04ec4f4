// The shape of a KPI module's tile.ts and the small helpers they share. Pure and with relative
// imports only: the e2e tests load src/lib/dashboard/tiles.ts (and so these) in Node, without
// the $lib alias. Types only from the dashboard's generic files, so no import cycle at run time.
import type { DrillKind, DrillLabel, DrillPart } from '../dashboard/drill';
import type { Better, EmptyReason, FigureUnit, TileGroup } from '../dashboard/tiles';

/** Controls of the KPI page beyond the period and the filters every page has. */
export interface PageFlags {
	/** The configured / historical pipeline switch. */
	pipelineMode?: boolean;
	/** Day / week / month grouping: only where the page draws a time series. */
	granularity?: boolean;
	/** The per-rep table; false where the KPI has no rep filter. Default true. */
	repTable?: boolean;
}

/** What one KPI's tile shows, as numbers, from the KPI's own part of the result (`r[key]`). */
export interface KpiTile<R> {
	unit: FigureUnit;
	better: Better;
	group: TileGroup;
	/** The headline figure; null when the period gives none. */
	headline(r: R): number | null;
	/** Why the tile has nothing to show, or null when it has a figure. */
	emptyReason(r: R): EmptyReason | null;
	/** A series for the tile's sparkline, in bucket order. */
	sparkline?(r: R): number[];
	/** Counts drawn as a stacked bar under the figure. */
	bar?(r: R): number[];
	/** The lists of records behind the figure, with the count the result gives each. */
	drillParts(r: R): DrillPart[];
	/** What the ids of a part name; 'lead' when absent. */
	drillKind?(part: string | undefined): DrillKind;
	page?: PageFlags;
}

export const drillPart = (
	part: string | undefined,
	label: DrillLabel,
	count: number
): DrillPart => ({
	part,
	label,
	count
});

/** A bucketed series' values in bucket order (the keys are ISO dates, so they sort). */
export function seriesValues<T>(series: Record<string, T>, pick: (v: T) => number): number[] {
	return Object.keys(series)
		.sort()
		.map((k) => pick(series[k]));
}
