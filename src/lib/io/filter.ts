// A filtered export: the records a teammate or a report needs for some reps and/or a period.
//
// Rules (both filters apply together when both are given; tombstones follow the same rules so
// that deletes still travel):
// - reps, stages and campaigns are always kept whole: they are small and the rest refers to them.
// - By rep (`repIds`): leads they own, with all those leads' stage events and activities
//   (whoever logged them); the reps' own activities on other leads or on no lead; customers they
//   own or that came from a kept lead; forecasts for one of the reps (team forecasts, with no
//   rep, are left out, as the KPI rep filter does).
// - By period [from, to) (epoch ms; either end may be absent): leads created in the period or
//   with a stage event in it, each with its whole history (all its stage events and
//   activities, so stage durations stay right); other activities whose `at` is in the period;
//   customers who were customers at some point of the period (since < to and not churned
//   before from) or that came from a kept lead; forecasts whose period overlaps it.
// - Targets follow forecasts: by rep, those of one of the reps (team targets left out); by
//   period, those whose window [from, the day after to) overlaps it.
// - Date-only values are read in `timeZone`; a value that cannot be read fails the period test.

import { parseInstant, startOfDayMs, zonedTimeToMs } from '../domain/time';
import type { Records } from '../domain/types';

export interface RecordFilter {
	repIds?: string[];
	from?: number;
	to?: number;
}

export function filterRecords(records: Records, filter: RecordFilter, timeZone: string): Records {
	const reps = filter.repIds ? new Set(filter.repIds) : undefined;
	const hasPeriod = filter.from !== undefined || filter.to !== undefined;
	const from = filter.from ?? -Infinity;
	const to = filter.to ?? Infinity;
	const inPeriod = (v: string | undefined): boolean => {
		if (v === undefined) return false;
		const ms = parseInstant(v, timeZone);
		return ms >= from && ms < to;
	};

	let leads = records.leads;
	if (reps) leads = leads.filter((l) => reps.has(l.ownerId));
	if (hasPeriod) {
		const moved = new Set<string>();
		for (const e of records.stageEvents) if (inPeriod(e.at)) moved.add(e.leadId);
		leads = leads.filter((l) => inPeriod(l.createdAt) || moved.has(l.id));
	}
	const leadIds = new Set(leads.map((l) => l.id));
	const ofKeptLead = (leadId: string | null | undefined): boolean =>
		!!leadId && leadIds.has(leadId);

	const stageEvents = records.stageEvents.filter((e) => leadIds.has(e.leadId));
	const activities = records.activities.filter(
		(a) => ofKeptLead(a.leadId) || ((!reps || reps.has(a.repId)) && (!hasPeriod || inPeriod(a.at)))
	);
	const customers = records.customers.filter((c) => {
		if (ofKeptLead(c.leadId)) return true;
		if (reps && !(c.ownerId !== undefined && reps.has(c.ownerId))) return false;
		if (!hasPeriod) return true;
		const since = parseInstant(c.since, timeZone);
		const churned = c.churnedAt === undefined ? Infinity : parseInstant(c.churnedAt, timeZone);
		return since < to && churned >= from;
	});
	const forecasts = records.forecasts.filter((f) => {
		if (reps && !(f.repId !== undefined && reps.has(f.repId))) return false;
		if (!hasPeriod) return true;
		const span = periodSpan(f.period, timeZone);
		return !!span && span[0] < to && span[1] > from;
	});
	const targets = records.targets.filter((t) => {
		if (reps && !(t.repId && reps.has(t.repId))) return false;
		if (!hasPeriod) return true;
		// `to` is included: the window ends at the start of the next day.
		return parseInstant(t.from, timeZone) < to && dayAfterStart(t.to, timeZone) > from;
	});
	return {
		reps: records.reps,
		stages: records.stages,
		campaigns: records.campaigns,
		leads,
		stageEvents,
		activities,
		customers,
		forecasts,
		targets
	};
}

/** [start, end) of a forecast period (`2026-11`, `2026-Q4`, `2026`) in `timeZone`. */
export function periodSpan(period: string, timeZone: string): [number, number] | undefined {
	const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(period);
	if (!m) return undefined;
	const y = Number(m[1]);
	let first = 1;
	let months = 12;
	if (m[2]) {
		first = Number(m[2]);
		if (first < 1 || first > 12) return undefined;
		months = 1;
	} else if (m[3]) {
		first = (Number(m[3]) - 1) * 3 + 1;
		months = 3;
	}
	const endMonth = first + months; // may be 13: zonedTimeToMs goes through Date.UTC, which rolls over
	return [zonedTimeToMs(y, first, 1, timeZone), zonedTimeToMs(y, endMonth, 1, timeZone)];
}

/** Start of the day after the date `YYYY-MM-DD` in `timeZone` (the end of an inclusive window). */
export function dayAfterStart(date: string, timeZone: string): number {
	const [y, m, d] = date.split('-').map(Number);
	// Day d + 1 may be past the month's end: zonedTimeToMs goes through Date.UTC, which rolls over.
	return startOfDayMs(y, m, d + 1, timeZone);
}
