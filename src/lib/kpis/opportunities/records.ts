import type { RecordsContext } from '../../kpi/records-context';

/** The cohort; part `created` (opportunities created in P) | `converted` | `marketing` | `sales`. */
export function opportunitiesRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds } = ctx;
	if (part === 'created') return ctx.leads((i) => ctx.inP(ds.opportunityAt[i]));
	return ctx.leads((i) => {
		if (!ctx.cohort(i)) return false;
		if (part === 'converted') return !Number.isNaN(ds.opportunityAt[i]);
		if (part === 'marketing') return ds.leadOrigin[i] === 0;
		if (part === 'sales') return ds.leadOrigin[i] === 1;
		return true;
	});
}
