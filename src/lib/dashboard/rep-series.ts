// Activities per rep over time: the busiest reps each get a series, the rest one "others"
// series, so a team of 40 still reads at 360 px. Each listed rep's series comes from the
// engine with that rep alone; "others" is the team's series minus theirs, so the stacked bars
// add up to the period's total in every bucket.

/** The `limit` reps with the most activities (ties by id), busiest first. */
export function topReps(byRep: Record<string, number>, limit: number): string[] {
	return Object.keys(byRep)
		.filter((id) => byRep[id] > 0)
		.sort((a, b) => byRep[b] - byRep[a] || (a < b ? -1 : a > b ? 1 : 0))
		.slice(0, limit);
}

export interface RepSeries {
	/** null: every other rep together. */
	repId: string | null;
	data: number[];
}

/**
 * One series per rep of `reps` over `buckets` (their own series, 0 where a bucket is missing),
 * then "others" when the listed reps do not account for the whole total.
 */
export function repSeries(
	buckets: readonly string[],
	total: Record<string, number>,
	reps: readonly string[],
	perRep: Record<string, Record<string, number>>
): RepSeries[] {
	const out: RepSeries[] = reps.map((repId) => ({
		repId,
		data: buckets.map((b) => perRep[repId]?.[b] ?? 0)
	}));
	const others = buckets.map((b, i) => (total[b] ?? 0) - out.reduce((s, r) => s + r.data[i], 0));
	if (others.some((v) => v !== 0)) out.push({ repId: null, data: others });
	return out;
}
