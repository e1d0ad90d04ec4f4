import { passContext, runPasses } from '../../kpi/passes';
import type { RecordsContext } from '../../kpi/records-context';
import { keptAtStart } from './compute';

/**
 * The leads behind the pipeline's forecast (those open at `from` expected to close in P),
 * largest weighted value first; part `open`: every lead open at `from`, in lead order.
 */
export function pipelineForecastRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const pc = passContext(ctx.ds, ctx.options);
	if (!(pc.from < pc.asOf)) return [];
	const passes = runPasses(pc);
	const { ds } = ctx;
	if (part === 'open') return Array.from(passes.leads.startLead, (i) => ds.leadIds[i]);
	return keptAtStart(passes, pc)
		.sort((a, b) => b.pr * b.v - a.pr * a.v || a.i - b.i)
		.map((d) => ds.leadIds[d.i]);
}
