// Words and formatted figures of the dashboard: every visible string through m.*, every number
// through Intl in the chosen locale (src/lib/i18n/format.ts).
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { EMPTY, formatDuration, formatMoney, formatNumber, formatPercent } from '$lib/i18n/format';
import type { PeriodPreset } from '$lib/dashboard/periods';
import type { Change, EmptyReason, FigureUnit, TileGroup } from '$lib/dashboard/tiles';
import type { Granularity, KpiKey, KpiResult, PipelineMode } from '$lib/kpi/result-types';

// Explicit maps, not m[`dash_kpi_${key}`]: a computed access to the messages module keeps
// every message of the app in this chunk (no tree-shaking), which broke the first-screen budget.
const KPI_TITLES: Record<KpiKey, () => string> = {
	salesCycle: m.dash_kpi_salesCycle,
	winLoss: m.dash_kpi_winLoss,
	costPerLead: m.dash_kpi_costPerLead,
	stageDistribution: m.dash_kpi_stageDistribution,
	activities: m.dash_kpi_activities,
	opportunities: m.dash_kpi_opportunities,
	responseTime: m.dash_kpi_responseTime,
	followUp: m.dash_kpi_followUp,
	responses: m.dash_kpi_responses,
	leadOrigin: m.dash_kpi_leadOrigin,
	forecastAccuracy: m.dash_kpi_forecastAccuracy,
	weightedPipeline: m.dash_kpi_weightedPipeline,
	churn: m.dash_kpi_churn
};

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

export const kpiTitle = (key: KpiKey): string => KPI_TITLES[key]();
export const groupTitle = (group: TileGroup): string => GROUP_TITLES[group]();
export const emptyText = (reason: EmptyReason): string => EMPTY_TEXTS[reason]();
export const presetLabel = (preset: PeriodPreset | 'custom'): string => PRESET_LABELS[preset]();
export const granularityLabel = (g: Granularity): string => GRANULARITY_LABELS[g]();
export const modeLabel = (mode: PipelineMode): string => MODE_LABELS[mode]();

const wholeMoney = new Map<string, Intl.NumberFormat>();

/**
 * Money in whole units; compact from 100,000 up (so it fits a tile at 360 px) unless `full`
 * (formulas, where a rounded operand would not add up).
 */
export function money(value: number | null, currency: string, full = false): string {
	if (value === null || !Number.isFinite(value)) return EMPTY;
	if (!full && Math.abs(value) >= 100_000) return formatMoney(value, currency, { compact: true });
	const locale = getLocale();
	const key = locale + currency;
	let f = wholeMoney.get(key);
	if (!f) {
		try {
			f = new Intl.NumberFormat(locale, {
				style: 'currency',
				currency,
				maximumFractionDigits: 0,
				minimumFractionDigits: 0
			});
		} catch {
			// An unknown currency code: the shared formatter knows how to fall back.
			return formatMoney(value, currency);
		}
		wholeMoney.set(key, f);
	}
	return f.format(value);
}

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

const n = (v: number | null | undefined) => formatNumber(v);

/** The tile's second line, or '' where the headline says it all. */
export function subline(key: KpiKey, r: KpiResult, currency: string): string {
	switch (key) {
		case 'salesCycle':
			return m.dash_sub_salesCycle({
				median: formatDuration(r.salesCycle.medianDays, 'day'),
				count: n(r.salesCycle.count)
			});
		case 'winLoss':
			return m.dash_sub_winLoss({ won: n(r.winLoss.won), lost: n(r.winLoss.lost) });
		case 'stageDistribution':
			return m.dash_sub_stageDistribution({ total: n(r.stageDistribution.total) });
		case 'opportunities':
			return m.dash_sub_opportunities({
				rate: formatPercent(r.opportunities.rate),
				cohort: n(r.opportunities.cohort)
			});
		case 'weightedPipeline':
			return m.dash_sub_weightedPipeline({
				count: n(r.weightedPipeline.count),
				total: money(r.weightedPipeline.total, currency)
			});
		case 'activities':
			return m.dash_sub_activities({
				calls: n(r.activities.byType.call),
				emails: n(r.activities.byType.email),
				meetings: n(r.activities.byType.meeting)
			});
		case 'responseTime':
			return m.dash_sub_responseTime({
				median: formatDuration(r.responseTime.medianHours, 'hour'),
				unanswered: n(r.responseTime.unanswered)
			});
		case 'followUp':
			return m.dash_sub_followUp({
				followed: n(r.followUp.followedUp),
				total: n(r.followUp.total)
			});
		case 'responses':
			return m.dash_sub_responses({
				positive: n(r.responses.positive),
				negative: n(r.responses.negative),
				neutral: n(r.responses.neutral)
			});
		case 'costPerLead':
			return m.dash_sub_costPerLead({
				budget: money(r.costPerLead.budget, currency),
				leads: n(r.costPerLead.leads)
			});
		case 'leadOrigin':
			return m.dash_sub_leadOrigin({
				marketing: n(r.leadOrigin.marketing),
				sales: n(r.leadOrigin.sales)
			});
		case 'forecastAccuracy': {
			const bias = r.forecastAccuracy.bias;
			return m.dash_sub_forecastAccuracy({
				bias: (bias !== null && bias > 0 ? '+' : '') + formatPercent(bias),
				count: n(r.forecastAccuracy.count)
			});
		}
		case 'churn':
			return m.dash_sub_churn({
				churned: n(r.churn.churned),
				atStart: n(r.churn.atStart),
				new: n(r.churn.new)
			});
	}
}

/**
 * The forecast accuracy tile's marker when a campaign or origin filter is in force: forecasts
 * name neither, so its figure ignores them (`forecastAccuracy.unfilteredBy`). Null otherwise.
 */
export function unfilteredText(r: KpiResult): string | null {
	const by = r.forecastAccuracy.unfilteredBy ?? [];
	const campaigns = by.includes('campaigns');
	const origins = by.includes('origins');
	if (campaigns && origins) return m.dash_tile_unfiltered_both();
	if (campaigns) return m.dash_tile_unfiltered_campaigns();
	if (origins) return m.dash_tile_unfiltered_origins();
	return null;
}
