// The targets page's commands ("Copy last period's targets", a preset given to selected rows):
// apart from commands.ts so that their code loads with that page, not with the first screen.
import { nowIso } from '../domain/time';
import type { Target } from '../domain/types';
import { copyLastPeriod, type TargetPeriodKind } from '../domain/target-periods';
import { doCreateRecord, doUpdateEntity, type Command } from './commands';
import { ValidationError } from './validation';

/** A target to create (copyTargets): its goal and window, without id or stamps. */
export interface TargetInput {
	metric: Target['metric'];
	repId?: string;
	from: string;
	to: string;
	amount: number;
}

/**
 * Creates several targets as ONE undo step ("Copy last period's targets"): all are written or,
 * if one is refused, none.
 */
export function copyTargets(rows: readonly TargetInput[]): Command<string[]> {
	return {
		label: 'copyTargets',
		list: 'targets',
		run: async (ctx) => {
			const now = nowIso();
			const ids: string[] = [];
			for (const [index, input] of rows.entries()) {
				try {
					ids.push((await doCreateRecord(ctx, 'targets', { ...input }, now)).id);
				} catch (e) {
					if (e instanceof ValidationError)
						throw new ValidationError(e.field, `row ${index + 1}: ${e.message}`, 'targets', e.id);
					throw e;
				}
			}
			return ids;
		}
	};
}

/**
 * "Copy last period's targets": the previous month's (or quarter's) targets copied into the
 * current one (domain/target-periods.ts says which), read and written in ONE transaction and
 * one undo step. Returns the new ids (none when there is nothing to copy).
 */
export function copyLastPeriodTargets(
	kind: TargetPeriodKind,
	now: number,
	timeZone: string
): Command<string[]> {
	return {
		label: 'copyTargets',
		list: 'targets',
		run: async (ctx) => {
			const rows = copyLastPeriod(await ctx.all<Target>('targets'), kind, now, timeZone);
			return copyTargets(rows).run(ctx);
		}
	};
}

/** Gives targets the window [from, to] (a preset applied to the selected rows), as ONE step. */
export function setTargetWindow(
	ids: readonly string[],
	window: { from: string; to: string }
): Command<number> {
	return {
		label: 'setTargetWindow',
		list: 'targets',
		run: async (ctx) => {
			const now = nowIso();
			let n = 0;
			for (const id of ids) {
				await doUpdateEntity(ctx, 'targets', id, { from: window.from, to: window.to }, now);
				n++;
			}
			return n;
		}
	};
}
