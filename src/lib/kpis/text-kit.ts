// The shape of a KPI module's text.ts (its words on the tile) and of its team.ts (its columns
// in the team view), from the KPI's own part of the result (`r[key]`).
import { formatNumber } from '$lib/i18n/format';

export interface KpiText<R> {
	/** The KPI's name: tile, page heading, rep table. */
	title: () => string;
	/** The tile's second line, or '' where the headline says it all. */
	subline(r: R, currency: string): string;
	/** A marker under the second line (e.g. a filter the figure ignores), or null. */
	marker?(r: R): string | null;
}

/** One column of the team view's side-by-side table. */
export interface TeamColumn<R> {
	key: string;
	label: () => string;
	format: (r: R, currency: string) => string;
}

/** A count in the tile's words. */
export const n = (v: number | null | undefined) => formatNumber(v);
