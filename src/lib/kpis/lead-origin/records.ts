import { cohortLeadRecords, type RecordsContext } from '../../kpi/records-context';

/** The cohort; part `marketing` | `sales`. */
export function leadOriginRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return cohortLeadRecords(ctx, part, false);
}
