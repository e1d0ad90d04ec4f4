import { closedLeadRecords, type RecordsContext } from '../../kpi/records-context';

/** Leads closed in P; part `won` | `lost`. */
export function winLossRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return closedLeadRecords(ctx, part);
}
