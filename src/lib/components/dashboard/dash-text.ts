// Words and formatted figures of the dashboard: every visible string through m.*, every number
// through Intl in the chosen locale (src/lib/i18n/format.ts).
import { m } from '$lib/paraglide/messages.js';
import { formatDuration, formatNumber, formatPercent } from '$lib/i18n/format';
import { money } from '$lib/kpis/money';
import { TEXTS, textOf } from '$lib/kpis/text-registry';
import type { PeriodPreset } from '$lib/dashboard/periods';
import type { Change, EmptyReason, FigureUnit, TileGroup } from '$lib/dashboard/tiles';
import type { Granularity, KpiKey, KpiResult, PipelineMode } from '$lib/kpi/result-types';

// Money's formatting is shared with the KPI modules' words (src/lib/kpis/money.ts).
export { money };

// Explicit maps, not m[`dash_group_${group}`]: a computed access to the messages module keeps
// every message of the app in this chunk (no tree-shaking), which broke the first-screen budget.
// The KPIs' own words (title, second line, marker) live in their modules, in the same way
// (src/lib/kpis/<slug>/text.ts).
const GROUP_TITLES: Record<TileGroup, () => string> = {
	pipeline: m.dash_group_pipeline,
	activity: m.dash_group_activity,
	marketing: m.dash_group_marketing,
	outcomes: m.dash_group_outcomes
};

const EMPTY_TEXTS: Record<EmptyReason, () => string> = {
	'no-closed-deals': m['dash_empty_no-closed-deals'],
	'no-decided-deals': m['dash_empty_no-decided-deals'],
	'no-leads': m['dash_empty_no-leads'],
	'no-open-deals': m['dash_empty_no-open-deals'],
	'no-activities': m['dash_empty_no-activities'],
	'no-contacts': m['dash_empty_no-contacts'],
	'no-new-leads': m['dash_empty_no-new-leads'],
	'no-responses': m['dash_empty_no-responses'],
	'no-campaigns': m['dash_empty_no-campaigns'],
	'no-campaign-leads': m['dash_empty_no-campaign-leads'],
	'no-forecasts': m['dash_empty_no-forecasts'],
	'no-actuals': m['dash_empty_no-actuals'],
	'no-customers': m['dash_empty_no-customers']
};

const PRESET_LABELS: Record<PeriodPreset | 'custom', () => string> = {
	'this-week': m['dash_period_this-week'],
	'last-week': m['dash_period_last-week'],
	'this-month': m['dash_period_this-month'],
	'last-month': m['dash_period_last-month'],
	'this-quarter': m['dash_period_this-quarter'],
	'last-quarter': m['dash_period_last-quarter'],
	'this-year': m['dash_period_this-year'],
	'last-year': m['dash_period_last-year'],
	'last-30-days': m['dash_period_last-30-days'],
	'last-90-days': m['dash_period_last-90-days'],
	custom: m.dash_period_custom
};

const GRANULARITY_LABELS: Record<Granularity, () => string> = {
	day: m.dash_granularity_day,
	week: m.dash_granularity_week,
	month: m.dash_granularity_month
};

const MODE_LABELS: Record<PipelineMode, () => string> = {
	configured: m.dash_mode_configured,
	historical: m.dash_mode_historical
};

export const kpiTitle = (key: KpiKey): string => TEXTS[key].title();
export const groupTitle = (group: TileGroup): string => GROUP_TITLES[group]();
export const emptyText = (reason: EmptyReason): string => EMPTY_TEXTS[reason]();
export const presetLabel = (preset: PeriodPreset | 'custom'): string => PRESET_LABELS[preset]();
export const granularityLabel = (g: Granularity): string => GRANULARITY_LABELS[g]();
export const modeLabel = (mode: PipelineMode): string => MODE_LABELS[mode]();

export function formatFigure(value: number | null, unit: FigureUnit, currency: string): string {
	switch (unit) {
		case 'days':
			return formatDuration(value, 'day');
		case 'hours':
			return formatDuration(value, 'hour');
		case 'percent':
			return formatPercent(value);
		case 'money':
			return money(value, currency);
		case 'count':
			return formatNumber(value);
	}
}

const FIGURE_UNITS: FigureUnit[] = ['days', 'hours', 'percent', 'money', 'count'];

/**
 * Formats one figure of each unit and throws the text away: the first Intl formatter of a kind
 * costs milliseconds (its locale data loads), better spent while the page waits for the KPI
 * worker than after the figures arrive, on the way to the painted tiles.
 */
export function warmFigureFormats(currency: string): void {
	for (const unit of FIGURE_UNITS) {
		formatFigure(1.5, unit, currency);
		formatFigure(12345, unit, currency);
	}
}

/** The size of a change with its sign: "+3.2 pp", "−1.5 days", "+12". */
export function formatDelta(change: Change, unit: FigureUnit, currency: string): string {
	const sign = change.direction === 'up' ? '+' : change.direction === 'down' ? '−' : '±';
	const size = Math.abs(change.delta);
	const body =
		unit === 'percent'
			? m.dash_pp({ value: formatNumber(size * 100, { maximumFractionDigits: 1 }) })
			: formatFigure(size, unit, currency);
	return sign + body;
}

/** The sentence for screen readers (and the tooltip): direction, size and whether it is good. */
export function changeSentence(change: Change | null, unit: FigureUnit, currency: string): string {
	if (!change) return m.dash_change_none();
	if (change.direction === 'flat') return m.dash_change_flat();
	const value = formatDelta(change, unit, currency).slice(1);
	const text =
		change.direction === 'up' ? m.dash_change_up({ value }) : m.dash_change_down({ value });
	if (change.sentiment === 'neutral') return text;
	return `${text} (${change.sentiment === 'good' ? m.dash_change_good() : m.dash_change_bad()})`;
}

/** The tile's second line, or '' where the headline says it all. */
export function subline<K extends KpiKey>(key: K, r: KpiResult, currency: string): string {
	return textOf(key).subline(r[key], currency);
}

/**
 * A marker under the tile's second line, or null: e.g. forecast accuracy's when a campaign or
 * origin filter is in force that its figure ignores.
 */
export function tileMarker<K extends KpiKey>(key: K, r: KpiResult): string | null {
	return textOf(key).marker?.(r[key]) ?? null;
}
