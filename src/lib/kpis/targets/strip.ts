// The "On track?" strip's words and numbers for one target row (spec/targets-and-forecast.md,
// `targets`): what the target is, its figures formatted by metric, the status in words with a
// symbol (colour is never the only signal) and the progress bar's positions. Loaded by the
// dashboard's first screen: messages are referenced one by one, no charts.
import { m } from '$lib/paraglide/messages.js';
import { formatDate, formatNumber } from '$lib/i18n/format';
import type { TargetMetric } from '$lib/domain/types';
import { money } from '../money';
import type { TargetRow, TargetStatus } from './types';

const METRIC_WORDS: Record<TargetMetric, () => string> = {
	wonValue: m.target_metric_wonValue,
	won: m.target_metric_won,
	newLeads: m.target_metric_newLeads,
	opportunities: m.target_metric_opportunities,
	activities: m.target_metric_activities
};

const STATUS_WORDS: Record<TargetStatus, () => string> = {
	met: m.target_status_met,
	ahead: m.target_status_ahead,
	behind: m.target_status_behind,
	upcoming: m.target_status_upcoming
};

/** A symbol beside the status word, so the status reads without its colour. */
export const STATUS_ICONS: Record<TargetStatus, string> = {
	met: '✓',
	ahead: '▲',
	behind: '▼',
	upcoming: '◷'
};

export const metricLabel = (metric: TargetMetric): string => METRIC_WORDS[metric]();
export const statusLabel = (status: TargetStatus): string => STATUS_WORDS[status]();

/** Whose target: the rep's name, or the team's. */
export function ownerLabel(row: TargetRow, repName: (id: string) => string): string {
	return row.repId ? repName(row.repId) : m.target_team();
}

/** The window, both days included: "1 Jan 2026 – 31 Mar 2026". */
export function windowLabel(row: TargetRow): string {
	return `${formatDate(row.from)} – ${formatDate(row.to)}`;
}

/** A figure of the target in its unit: money for won value, a whole count otherwise. */
export function targetFigure(value: number | null, metric: TargetMetric, currency: string): string {
	if (metric === 'wonValue') return money(value, currency);
	// Run rates and projections of counts may have decimals: one is enough.
	return formatNumber(value, { maximumFractionDigits: value !== null && value % 1 ? 1 : 0 });
}

/** "45 of 100" (money or counts). */
export function actualOfAmount(row: TargetRow, currency: string): string {
	return m.target_actual_of({
		actual: targetFigure(row.actual, row.metric, currency),
		amount: targetFigure(row.amount, row.metric, currency)
	});
}

/** The projected finish with its 10-90 % range; the range is left out when it is one point. */
export function projectionText(row: TargetRow, currency: string): string {
	const f = (v: number | null) => targetFigure(v, row.metric, currency);
	if (row.projected === null) return m.target_projection_none();
	if (
		row.projectedLow === null ||
		row.projectedHigh === null ||
		row.projectedLow === row.projectedHigh
	)
		return m.target_projection({ projected: f(row.projected) });
	return m.target_projection_range({
		projected: f(row.projected),
		low: f(row.projectedLow),
		high: f(row.projectedHigh)
	});
}

/** "Expected by now: 50" (the pace line in words). */
export function paceText(row: TargetRow, currency: string): string {
	return m.target_pace({ expected: targetFigure(row.expectedByNow, row.metric, currency) });
}

const clampPct = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 10;

/**
 * The bar's positions in percent of the amount, cut at 100: the filled part (actual) and the
 * pace marker (expected by now). A zero amount is met at once: a full bar, the marker at the end.
 */
export function barPositions(row: TargetRow): { actual: number; pace: number } {
	if (row.amount <= 0) return { actual: 100, pace: 100 };
	return { actual: clampPct(row.actual / row.amount), pace: clampPct(row.elapsed) };
}

/** The strip's card name for a screen reader and the link: what, whose, status. */
export function cardLabel(row: TargetRow, repName: (id: string) => string): string {
	return m.target_card_label({
		metric: metricLabel(row.metric),
		owner: ownerLabel(row, repName),
		status: statusLabel(row.status)
	});
}
