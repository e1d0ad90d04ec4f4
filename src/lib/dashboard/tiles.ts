// What each of the 13 tiles shows, as numbers: the headline figure and its unit, whether the
// tile has data at all, and the change against the previous period. No formatting and no
// messages here, so the rules are testable on their own and the e2e test can reuse them.
// Each KPI's own rules live in its module (src/lib/kpis/<slug>/tile.ts); this file asks them
// by key and keeps what is the same for all (the change, the units, the groups).
import type { KpiKey, KpiResult, TileKpiResult } from '../kpi/result-types';
import type { Better, EmptyReason, FigureUnit, PageFlags, TileGroup } from '../kpis/tile-kit';

export type { Better, EmptyReason, FigureUnit, TileGroup } from '../kpis/tile-kit';
import { TILE_ORDER, TILES, tileOf } from '../kpis/tile-registry';

export interface TileSpec {
	key: KpiKey;
	unit: FigureUnit;
	better: Better;
	group: TileGroup;
}

// Built from the KPI modules (src/lib/kpis/<slug>/tile.ts), in the dashboard's order.
export const TILE_SPECS: readonly TileSpec[] = TILE_ORDER.map((key) => {
	const { unit, better, group } = TILES[key];
	return { key, unit, better, group };
});

export const TILE_GROUPS: readonly TileGroup[] = ['pipeline', 'activity', 'marketing', 'outcomes'];

export function tileSpec(key: KpiKey): TileSpec {
	const spec = TILE_SPECS.find((s) => s.key === key);
	if (!spec) throw new Error(`Unknown KPI ${key}`);
	return spec;
}

/** The headline figure of a tile; null when the period gives no figure. */
export function headline<K extends KpiKey>(key: K, r: TileKpiResult): number | null {
	return tileOf(key).headline(r[key] as KpiResult[K]);
}

export function emptyReason<K extends KpiKey>(key: K, r: TileKpiResult): EmptyReason | null {
	return tileOf(key).emptyReason(r[key] as KpiResult[K]);
}

export type Direction = 'up' | 'down' | 'flat';
export type Sentiment = 'good' | 'bad' | 'neutral';

export interface Change {
	/** current - previous, in the figure's unit (a fraction for percentages). */
	delta: number;
	direction: Direction;
	sentiment: Sentiment;
}

// Below this the figures are equal for a reader (floating-point noise from sums and means).
const EPSILON = 1e-9;

/** The change against the previous period; null when either period has no figure. */
export function tileChange(
	key: KpiKey,
	current: KpiResult,
	previous: TileKpiResult | null
): Change | null {
	if (!previous) return null;
	if (emptyReason(key, current) || emptyReason(key, previous)) return null;
	const a = headline(key, current);
	const b = headline(key, previous);
	if (a === null || b === null) return null;
	const delta = a - b;
	const direction: Direction = Math.abs(delta) < EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
	const better = tileSpec(key).better;
	const sentiment: Sentiment =
		direction === 'flat' || better === 'neutral'
			? 'neutral'
			: (direction === 'up') === (better === 'higher')
				? 'good'
				: 'bad';
	return { delta, direction, sentiment };
}

/** A series for the tile's sparkline, in bucket order; null when the KPI has none. */
export function sparkline<K extends KpiKey>(key: K, r: KpiResult): number[] | null {
	return tileOf(key).sparkline?.(r[key]) ?? null;
}

/** Counts drawn as a stacked bar under the figure (the open stages); null when the KPI has none. */
export function tileBar<K extends KpiKey>(key: K, r: KpiResult): number[] | null {
	return tileOf(key).bar?.(r[key]) ?? null;
}

/** The KPI page's controls beyond the period and the filters. */
export function pageFlags(key: KpiKey): Required<PageFlags> {
	const flags = TILES[key].page;
	return {
		pipelineMode: flags?.pipelineMode ?? false,
		granularity: flags?.granularity ?? false,
		repTable: flags?.repTable ?? true
	};
}

export { KPI_SLUGS, keyFromSlug } from '../kpis/registry';
