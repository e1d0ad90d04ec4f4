import { activityRecords, type RecordsContext } from '../../kpi/records-context';

/** Activity ids in P; part = a type (`call` ...) or a rep id. */
export function activitiesRecords(ctx: RecordsContext, part: string | undefined): string[] {
	return activityRecords(ctx, part, false);
}
