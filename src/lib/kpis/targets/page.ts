// A target's page: its figures as label/value pairs (a definition list), and which records
// list behind the actual and the projection (the worker's `records('targets', ...)` parts).
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { DrillKind } from '../tile-kit';
import { STATUS_ICONS, statusLabel, targetFigure, windowLabel } from './strip';
import type { TargetRow } from './types';

/** The figures of the page, in reading order. */
export function targetFigures(row: TargetRow, currency: string): [string, string][] {
	const f = (v: number | null) => targetFigure(v, row.metric, currency);
	const range =
		row.projectedLow === null || row.projectedHigh === null
			? f(null)
			: `${f(row.projectedLow)} – ${f(row.projectedHigh)}`;
	return [
		[m.target_window(), windowLabel(row)],
		[m.target_amount(), f(row.amount)],
		[m.dash_actual(), f(row.actual)],
		[m.target_elapsed(), formatPercent(row.elapsed, { maximumFractionDigits: 0 })],
		[m.target_expected(), f(row.expectedByNow)],
		[m.target_attainment(), formatPercent(row.attainment)],
		// Pace is a ratio (1 = on the line): written as a percent of the expected.
		[m.target_pace_col(), formatPercent(row.pace, { maximumFractionDigits: 0 })],
		[m.target_projected(), f(row.projected)],
		[m.target_range(), range],
		[m.target_status(), `${STATUS_ICONS[row.status]} ${statusLabel(row.status)}`]
	];
}

/** What the ids behind the actual name: activities for an activity target, else leads. */
export const actualKind = (row: TargetRow): DrillKind =>
	row.metric === 'activities' ? 'activity' : 'lead';

/** Only won value and deals won are projected from open deals (the rest from the run rate). */
export const hasOpenDeals = (row: TargetRow): boolean =>
	row.metric === 'wonValue' || row.metric === 'won';

/** The `part` of the worker's records call for the open deals behind the projection. */
export const openPart = (row: TargetRow): string => `${row.id}/open`;
