import { passContext, runPasses } from '../../kpi/passes';
import type { RecordsContext } from '../../kpi/records-context';
import { actualIndexes, targetRep, targetWindow } from './actual';
import { listedTargets, openInWindow } from './compute';

/**
 * part = a target's id: the records behind its actual (activity ids for `activities`, else lead
 * ids), in record order; `<id>/open`: the open deals behind its projection (lead ids), largest
 * weighted value first.
 */
export function targetsRecords(ctx: RecordsContext, part: string | undefined): string[] {
	if (part === undefined) return [];
	const open = part.endsWith('/open');
	const id = open ? part.slice(0, -'/open'.length) : part;
	const pc = passContext(ctx.ds, ctx.options);
	const target = listedTargets(pc).find((t) => t.id === id);
	if (!target) return [];
	const { ds } = ctx;
	const [start, end] = targetWindow(target, pc.tz);
	const rep = targetRep(ds, target);
	if (!open) {
		const indexes = actualIndexes(pc, target.metric, rep, start, end);
		if (target.metric !== 'activities') return indexes.map((i) => ds.leadIds[i]);
		return indexes.map((k) => ds.idPools[ds.actPool[k]].at(ds.actPoolRow[k]) as string);
	}
	if (target.metric !== 'wonValue' && target.metric !== 'won') return [];
	const passes = runPasses(pc);
	const deals = openInWindow(passes, pc, rep, start, end);
	return deals
		.map((d) => ({ id: ds.leadIds[d.i], weighted: d.p * d.v, i: d.i }))
		.sort((a, b) => b.weighted - a.weighted || a.i - b.i)
		.map((d) => d.id);
}
