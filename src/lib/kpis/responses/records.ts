import { activityRecords, type RecordsContext } from '../../kpi/records-context';

/** Activity ids in P with a response; part `positive` | `negative` | `neutral` | a rep id. */
export function responsesRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return activityRecords(ctx, part, true);
}
