import { cohortLeadRecords, type RecordsContext } from '../../kpi/records-context';

/** The cohort; part `followedUp` | `notFollowedUp` | a rep id. */
export function followUpRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return cohortLeadRecords(ctx, part, false);
}
