import { KIND_OPEN } from '../../kpi/dataset-types';
import { stageAt } from '../../kpi/filters';
import type { RecordsContext } from '../../kpi/records-context';

/** Open leads at asOf; part = a stage id or a rep id. */
export function weightedPipelineRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, asOf } = ctx;
	const st = part === undefined ? undefined : ds.stageIndex.get(part);
	const rep = ctx.repOf(part);
	return ctx.leads((i) => {
		if (!(ds.leadCreatedAt[i] < asOf)) return false;
		const s = stageAt(ds, i, asOf);
		if (s < 0 || ds.stageKind[s] !== KIND_OPEN) return false;
		if (part === undefined) return true;
		return s === st || ds.leadOwner[i] === rep;
	});
}
