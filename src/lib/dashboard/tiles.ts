// What each of the 13 tiles shows, as numbers: the headline figure and its unit, whether the
// tile has data at all, and the change against the previous period. No formatting and no
// messages here, so the rules are testable on their own and the e2e test can reuse them.
import type { KpiKey, KpiResult } from '../kpi/result-types';

export type FigureUnit = 'days' | 'hours' | 'percent' | 'money' | 'count';
/** Which way is good news: a shorter sales cycle is better, more won deals too. */
export type Better = 'higher' | 'lower' | 'neutral';
export type TileGroup = 'pipeline' | 'activity' | 'marketing' | 'outcomes';

export interface TileSpec {
	key: KpiKey;
	unit: FigureUnit;
	better: Better;
	group: TileGroup;
}

export const TILE_SPECS: readonly TileSpec[] = [
	{ key: 'salesCycle', unit: 'days', better: 'lower', group: 'pipeline' },
	{ key: 'winLoss', unit: 'percent', better: 'higher', group: 'pipeline' },
	{ key: 'stageDistribution', unit: 'count', better: 'neutral', group: 'pipeline' },
	{ key: 'opportunities', unit: 'count', better: 'higher', group: 'pipeline' },
	{ key: 'weightedPipeline', unit: 'money', better: 'higher', group: 'pipeline' },
	{ key: 'activities', unit: 'count', better: 'higher', group: 'activity' },
	{ key: 'responseTime', unit: 'hours', better: 'lower', group: 'activity' },
	{ key: 'followUp', unit: 'percent', better: 'higher', group: 'activity' },
	{ key: 'responses', unit: 'percent', better: 'higher', group: 'activity' },
	{ key: 'costPerLead', unit: 'money', better: 'lower', group: 'marketing' },
	{ key: 'leadOrigin', unit: 'percent', better: 'neutral', group: 'marketing' },
	{ key: 'forecastAccuracy', unit: 'percent', better: 'higher', group: 'outcomes' },
	{ key: 'churn', unit: 'percent', better: 'lower', group: 'outcomes' }
];

export const TILE_GROUPS: readonly TileGroup[] = ['pipeline', 'activity', 'marketing', 'outcomes'];

export function tileSpec(key: KpiKey): TileSpec {
	const spec = TILE_SPECS.find((s) => s.key === key);
	if (!spec) throw new Error(`Unknown KPI ${key}`);
	return spec;
}

/** The headline figure of a tile; null when the period gives no figure. */
export function headline(key: KpiKey, r: KpiResult): number | null {
	switch (key) {
		case 'salesCycle':
			return r.salesCycle.meanDays;
		case 'winLoss':
			return r.winLoss.winRate;
		case 'stageDistribution':
			return r.stageDistribution.openTotal;
		case 'opportunities':
			return r.opportunities.created;
		case 'weightedPipeline':
			return r.weightedPipeline.weighted;
		case 'activities':
			return r.activities.total;
		case 'responseTime':
			return r.responseTime.meanHours;
		case 'followUp':
			return r.followUp.rate;
		case 'responses':
			return r.responses.positiveShare;
		case 'costPerLead':
			return r.costPerLead.cpl;
		case 'leadOrigin':
			return r.leadOrigin.marketingShare;
		case 'forecastAccuracy':
			return r.forecastAccuracy.accuracy;
		case 'churn':
			return r.churn.rate;
	}
}

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

export function emptyReason(key: KpiKey, r: KpiResult): EmptyReason | null {
	switch (key) {
		case 'salesCycle':
			return r.salesCycle.count === 0 ? 'no-closed-deals' : null;
		case 'winLoss':
			return r.winLoss.won + r.winLoss.lost === 0 ? 'no-decided-deals' : null;
		case 'stageDistribution':
			return r.stageDistribution.total === 0 ? 'no-leads' : null;
		case 'opportunities':
			return r.opportunities.created === 0 && r.opportunities.cohort === 0 ? 'no-new-leads' : null;
		case 'weightedPipeline':
			return r.weightedPipeline.count === 0 ? 'no-open-deals' : null;
		case 'activities':
			return r.activities.total === 0 ? 'no-activities' : null;
		case 'responseTime':
			return r.responseTime.count === 0 ? 'no-contacts' : null;
		case 'followUp':
			return r.followUp.total === 0 ? 'no-new-leads' : null;
		case 'responses': {
			const x = r.responses;
			if (x.positive + x.negative + x.neutral === 0) return 'no-responses';
			// Only neutral answers: the share of positive among positive + negative is undefined.
			return x.positiveShare === null ? 'no-decided-deals' : null;
		}
		case 'costPerLead':
			if (r.costPerLead.campaigns.length === 0) return 'no-campaigns';
			return r.costPerLead.cpl === null ? 'no-campaign-leads' : null;
		case 'leadOrigin':
			return r.leadOrigin.cohort === 0 ? 'no-new-leads' : null;
		case 'forecastAccuracy':
			if (r.forecastAccuracy.count === 0) return 'no-forecasts';
			return r.forecastAccuracy.accuracy === null ? 'no-actuals' : null;
		case 'churn':
			return r.churn.atStart === 0 ? 'no-customers' : null;
	}
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
	previous: KpiResult | null
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
export function sparkline(key: KpiKey, r: KpiResult): number[] | null {
	if (key === 'activities') return seriesValues(r.activities.series, (v) => v);
	if (key === 'leadOrigin') return seriesValues(r.leadOrigin.series, (v) => v.marketing + v.sales);
	return null;
}

function seriesValues<T>(series: Record<string, T>, pick: (v: T) => number): number[] {
	return Object.keys(series)
		.sort()
		.map((k) => pick(series[k]));
}

export { KPI_SLUGS, keyFromSlug } from '../kpis/registry';
