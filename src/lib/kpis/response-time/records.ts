import { cohortLeadRecords, type RecordsContext } from '../../kpi/records-context';

/** Cohort leads with a first contact; part `unanswered` | a rep id (its answered leads). */
export function responseTimeRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return cohortLeadRecords(ctx, part, true);
}
