import { closedLeadRecords, type RecordsContext } from '../../kpi/records-context';

/** Leads closed in P; part `won` | `lost` | `clamped`. */
export function salesCycleRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return closedLeadRecords(ctx, part);
}
