// The shape of a KPI module's tile.ts and the small helpers they share. Pure and with relative
// imports only: the e2e tests load src/lib/dashboard/tiles.ts (and so these) in Node, without
// the $lib alias. The tile types live here; dashboard/tiles.ts and drill.ts re-export them.

export type FigureUnit = 'days' | 'hours' | 'percent' | 'money' | 'count';

/** Which way is good news: a shorter sales cycle is better, more won deals too. */
export type Better = 'higher' | 'lower' | 'neutral';

export type TileGroup = 'pipeline' | 'activity' | 'marketing' | 'outcomes';

/**
 * Why a tile has nothing to show, or null when it has a figure. Each reason gets its own
 * sentence in the UI ("No deals closed in this period"), never a bare 0 or a dash.
 */
export type EmptyReason =
	| 'no-closed-deals'
	| 'no-decided-deals'
	| 'no-leads'
	| 'no-open-deals'
	| 'no-activities'
	| 'no-contacts'
	| 'no-new-leads'
	| 'no-responses'
	| 'no-campaigns'
	| 'no-campaign-leads'
	| 'no-forecasts'
	| 'no-actuals'
	| 'no-customers';

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
