import { OUTCOME_WON } from '../../kpi/dataset-types';
import { stageAt } from '../../kpi/filters';
import { KIND_OPEN } from '../../kpi/dataset-types';
import type { RecordsContext } from '../../kpi/records-context';

/**
 * part = an open stage's id: its sample (leads closed before asOf that reached it);
 * `<stage id>/won`: those of them won; `brier`: the leads the Brier score averages.
 */
export function calibrationRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, asOf } = ctx;
	if (part === 'brier') {
		return ctx.leads((i) => {
			if (!ctx.inP(ds.closedAt[i])) return false;
			const st = stageAt(ds, i, ds.closedAt[i]);
			return st >= 0 && ds.stageKind[st] === KIND_OPEN;
		});
	}
	if (part === undefined) return [];
	const wonOnly = part.endsWith('/won');
	const st = ds.stageIndex.get(wonOnly ? part.slice(0, -'/won'.length) : part);
	if (st === undefined || ds.stageKind[st] !== KIND_OPEN) return [];
	const order = ds.stageOrder[st];
	return ctx.leads(
		(i) =>
			ds.closedAt[i] < asOf &&
			(ds.reachedWon[i] === 1 || ds.reachedOrder[i] >= order) &&
			(!wonOnly || ds.outcome[i] === OUTCOME_WON)
	);
}
