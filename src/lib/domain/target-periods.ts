// The windows of the targets grid's presets ("This month", "This quarter") and "Copy last
// period's targets". Pure: dates are `YYYY-MM-DD` in the workspace time zone, worked out from
// the calendar day of `now` there, so a target set late on the 31st in Copenhagen lands in the
// right month.
import { daysInMonth, pad2, toIsoDateInZone } from './time';
import type { Target } from './types';

export type TargetPeriodKind = 'month' | 'quarter';

/** A target's window: both days included. */
export interface TargetWindow {
	from: string;
	to: string;
}

/** What a copied target holds: a new record for createRecord (no id, no stamps). */
export type NewTarget = Pick<Target, 'metric' | 'from' | 'to' | 'amount'> & { repId?: string };

function windowOf(kind: TargetPeriodKind, year: number, month: number): TargetWindow {
	// `month` is 1..12; a quarter starts at month 1, 4, 7 or 10.
	const first = kind === 'month' ? month : month - ((month - 1) % 3);
	const last = kind === 'month' ? first : first + 2;
	return {
		from: `${year}-${pad2(first)}-01`,
		to: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}`
	};
}

/** The month or quarter that holds the calendar day of `now` in `timeZone`. */
export function currentWindow(kind: TargetPeriodKind, now: number, timeZone: string): TargetWindow {
	const [y, mo] = toIsoDateInZone(now, timeZone).split('-').map(Number);
	return windowOf(kind, y, mo);
}

/** The month or quarter just before the one `window` starts in. */
export function previousWindow(kind: TargetPeriodKind, window: TargetWindow): TargetWindow {
	const [y, mo] = window.from.split('-').map(Number);
	const step = kind === 'month' ? 1 : 3;
	const back = mo - step;
	return back >= 1 ? windowOf(kind, y, back) : windowOf(kind, y - 1, back + 12);
}

/** Same rep (absent, null and '' are all the team) and metric. */
function sameGoal(a: Pick<Target, 'metric' | 'repId'>, b: Pick<Target, 'metric' | 'repId'>) {
	return a.metric === b.metric && (a.repId || '') === (b.repId || '');
}

/**
 * The targets to create for "Copy last period's targets": every live target whose window is
 * exactly the previous month (or quarter), moved to the current one, amount kept. A goal (rep
 * and metric) that already has a live target with the current window is left alone, so that
 * pressing the button twice does not make doubles.
 */
export function copyLastPeriod(
	targets: readonly Target[],
	kind: TargetPeriodKind,
	now: number,
	timeZone: string
): NewTarget[] {
	const current = currentWindow(kind, now, timeZone);
	const previous = previousWindow(kind, current);
	const live = targets.filter((t) => !t.deletedAt);
	const isIn = (t: Target, w: TargetWindow) => t.from === w.from && t.to === w.to;
	const already = live.filter((t) => isIn(t, current));
	const out: NewTarget[] = [];
	const sorted = live
		.filter((t) => isIn(t, previous))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const t of sorted) {
		if (already.some((c) => sameGoal(c, t)) || out.some((c) => sameGoal(c, t))) continue;
		const copy: NewTarget = {
			metric: t.metric,
			from: current.from,
			to: current.to,
			amount: t.amount
		};
		if (t.repId) copy.repId = t.repId;
		out.push(copy);
	}
	return out;
}
