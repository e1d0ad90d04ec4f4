// What a KPI module gives the engine (src/lib/kpis/<slug>/compute.ts and records.ts): its
// figure, finished from the shared passes (or from a small walk of its own over campaigns,
// forecasts or customers), and the ids of the records behind it.

import type { PassContext, Passes } from './passes';
import type { RecordsContext } from './records-context';

export interface KpiEngineModule<Result> {
	compute(passes: Passes, ctx: PassContext): Result;
	/** Ids behind the figure (lead ids unless the module says otherwise), in record order. */
	records(ctx: RecordsContext, part: string | undefined): string[];
}
