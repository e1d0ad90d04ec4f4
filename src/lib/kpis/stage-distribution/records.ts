import { KIND_OPEN } from '../../kpi/dataset-types';
import { stageAt } from '../../kpi/filters';
import type { RecordsContext } from '../../kpi/records-context';

/**
 * Leads in the snapshot at asOf; part = a stage id for those in it, or `funnel:<stageId>` for
 * the cohort leads that reached it.
 */
export function stageDistributionRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, asOf } = ctx;
	if (part?.startsWith('funnel:')) {
		const st = ds.stageIndex.get(part.slice(7));
		if (st === undefined) return [];
		const won = ds.stageKind[st] !== KIND_OPEN;
		return ctx.leads(
			(i) =>
				ctx.cohort(i) &&
				(ds.reachedWon[i] === 1 || (!won && ds.reachedOrder[i] >= ds.stageOrder[st]))
		);
	}
	const st = part === undefined ? undefined : ds.stageIndex.get(part);
	return ctx.leads((i) => {
		if (!(ds.leadCreatedAt[i] < asOf)) return false;
		return part === undefined || stageAt(ds, i, asOf) === st;
	});
}
