// Words and formatted figures of the dashboard: every visible string through m.*, every number
// through Intl in the chosen locale (src/lib/i18n/format.ts).
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import {
	EMPTY,
	formatDuration,
	formatMoney,
	formatNumber,
	formatPercent
} from '$lib/i18n/format';
import type { PeriodPreset } from '$lib/dashboard/periods';
import { resolve } from '$app/paths';
import { KPI_SLUGS, type Change, type EmptyReason, type FigureUnit, type TileGroup } from '$lib/dashboard/tiles';
import { viewToParams, type DashboardView } from '$lib/dashboard/view';
import type { Granularity, KpiKey, KpiResult, PipelineMode } from '$lib/kpi/result-types';

export function kpiTitle(key: KpiKey): string {
	return m[`dash_kpi_${key}`]();
}

export function groupTitle(group: TileGroup): string {
	return m[`dash_group_${group}`]();
}

export function emptyText(reason: EmptyReason): string {
	return m[`dash_empty_${reason}`]();
}

export function presetLabel(preset: PeriodPreset | 'custom'): string {
	return m[`dash_period_${preset}`]();
}

export function granularityLabel(g: Granularity): string {
	return m[`dash_granularity_${g}`]();
}

export function modeLabel(mode: PipelineMode): string {
	return m[`dash_mode_${mode}`]();
}

const wholeMoney = new Map<string, Intl.NumberFormat>();

/** Money on a tile: whole units, compact from 100,000 up so it fits at 360 px. */
export function money(value: number | null, currency: string): string {
	if (value === null || !Number.isFinite(value)) return EMPTY;
	if (Math.abs(value) >= 100_000) return formatMoney(value, currency, { compact: true });
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
			return m.dash_sub_followUp({ followed: n(r.followUp.followedUp), total: n(r.followUp.total) });
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

/** The KPI page of `key` for the same view (the query carries period, reps and the rest). */
export function kpiHref(key: KpiKey, view: DashboardView): string {
	return `${resolve('/kpi/[key]', { key: KPI_SLUGS[key] })}?${viewToParams(view)}`;
}
