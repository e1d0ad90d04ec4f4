// What merging a file into the database will do, and which incoming records it writes, in one
// pass over the incoming records (the preview's counts and the write come from the same
// decisions, so they cannot disagree).
//
// The held side is the database as it is stored: entity rows as they are, and the two logs as
// columns (readLogColumns), so 1M held activities are never turned into 1M objects. Because the
// logs are stored with their instants as epoch ms (a date-only `at` resolved in the workspace
// zone), an incoming log row is compared in that stored form: the same activity spelled
// `2026-11-03T09:00:00Z` in the file and held as `2026-11-03T09:00:00.000Z` is the same record,
// so re-importing a file changes nothing. Otherwise the rule is merge.ts's: later `updatedAt`
// wins as a whole; on equal instants the greater canonical JSON (of the stored form) wins.

import {
	activitiesToColumns,
	activityAt,
	stageEventAt,
	stageEventsToColumns,
	type ActivityColumns,
	type StageEventColumns
} from '../domain/columns';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	RECORD_LIST_NAMES,
	emptyRecords,
	type Activity,
	type RecordBase,
	type RecordListName,
	type Records,
	type StageEvent
} from '../domain/types';
import { instantMs } from '../db/blocks';
import { utcInstantMs } from './fast-time';
import { idIndex } from './id-index';
import { compareVersions, type MergeCounts } from './merge';

/** The database side of a merge: entity rows, and the logs as stored columns. */
export interface HeldRecords extends Omit<Records, 'activities' | 'stageEvents'> {
	activities: ActivityColumns;
	stageEvents: StageEventColumns;
}

export interface MergePlan {
	/** The incoming records that win (new ones, newer versions, tombstones that travel). */
	writes: Records;
	/** Per list, over the distinct incoming ids (see diffMerge in merge.ts for the meaning). */
	counts: Record<RecordListName, MergeCounts>;
}

/**
 * Epoch ms of an instant as the database stores it (blocks.ts's instantMs), with the spelling
 * Tragt writes read from its characters: three of these per log row of a large file.
 */
function storedMs(value: string | undefined | null, timeZone: string): number {
	if (value) {
		const ms = utcInstantMs(value);
		if (ms === ms) return ms;
	}
	return instantMs(value, timeZone);
}

/** Passes the incoming rows through as they are (their ids are known to be distinct). */
type Once = <T>(rows: readonly T[]) => readonly T[];

type Outcome = 'added' | 'updated' | 'deleted' | 'unchanged';

/** Counts one decision; returns whether the incoming record is written. */
function tally(counts: MergeCounts, heldLive: boolean | undefined, live: boolean, wins: boolean) {
	let o: Outcome;
	if (heldLive === undefined) o = live ? 'added' : 'unchanged';
	else if (!wins) o = 'unchanged';
	else if (!heldLive && live) o = 'added';
	else if (heldLive && !live) o = 'deleted';
	else o = 'updated';
	counts[o]++;
}

/** One record per id: the greatest version among duplicates in the incoming list. */
function distinct<T extends RecordBase>(
	rows: readonly T[],
	compare: (a: T, b: T) => number = compareVersions
): readonly T[] {
	const seen = new Map<string, number>();
	let out: T[] | undefined;
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		const at = seen.get(r.id);
		if (at === undefined) {
			seen.set(r.id, out ? out.length : i);
			out?.push(r);
			continue;
		}
		out ??= rows.slice(0, i);
		if (compare(r, out[at]) > 0) out[at] = r;
	}
	return out ?? rows;
}

function planRows<T extends RecordBase>(
	held: readonly T[],
	incoming: readonly T[],
	counts: MergeCounts,
	once?: Once
): T[] {
	const byId = new Map<string, T>();
	for (const h of held) {
		const prev = byId.get(h.id);
		if (prev === undefined || compareVersions(h, prev) > 0) byId.set(h.id, h);
	}
	const writes: T[] = [];
	for (const r of once ? once(incoming) : distinct(incoming)) {
		const h = byId.get(r.id);
		const wins = h === undefined || compareVersions(r, h) > 0;
		tally(counts, h === undefined ? undefined : h.deletedAt === undefined, !r.deletedAt, wins);
		if (wins) writes.push(r);
	}
	return writes;
}

function sameMs(a: number, b: number): boolean {
	return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Orders an unreadable stamp below every readable one, as merge.ts does. */
function orderMs(ms: number): number {
	return Number.isNaN(ms) ? -Infinity : ms;
}

/** The columns both logs share, for deciding a merge against the stored form. */
interface LogColumns {
	id: readonly string[];
	updatedAt: ArrayLike<number>;
	deletedAt: ArrayLike<number>;
}

/** How one log's rows compare with its stored columns. */
interface LogOps<R extends RecordBase> {
	/** The row as it would be stored (instants normalised), for the tie-break. */
	stored(r: R): R;
	/** The stored row at `i`. */
	heldAt(i: number): R;
	/** True when the stored row at `i` is the same record as `r`. */
	same(i: number, r: R): boolean;
}

/**
 * The rows of a log that win over the stored columns, counted as the preview shows them. Rows
 * are compared in their stored form, so the same instant written two ways is not a change.
 */
function planLog<R extends RecordBase>(
	held: LogColumns,
	incoming: readonly R[],
	timeZone: string,
	counts: MergeCounts,
	ops: LogOps<R>,
	once?: Once
): R[] {
	// The held log's ids by position (1M activities at L): a table sized once, not a Map.
	const at = idIndex(held.id);
	const writes: R[] = [];
	const rows = once
		? once(incoming)
		: distinct(incoming, (a, b) => compareVersions(ops.stored(a), ops.stored(b)));
	for (const r of rows) {
		const i = at.get(r.id);
		let wins = true;
		if (i !== undefined) {
			const ru = orderMs(storedMs(r.updatedAt, timeZone));
			const hu = orderMs(held.updatedAt[i]);
			if (ru !== hu) wins = ru > hu;
			else if (ops.same(i, r)) wins = false;
			else wins = compareVersions(ops.stored(r), ops.heldAt(i)) > 0;
		}
		const heldLive = i === undefined ? undefined : Number.isNaN(held.deletedAt[i]);
		tally(counts, heldLive, !r.deletedAt, wins);
		if (wins) writes.push(r);
	}
	return writes;
}

function planActivities(
	held: ActivityColumns,
	incoming: readonly Activity[],
	timeZone: string,
	counts: MergeCounts,
	once?: Once
): Activity[] {
	return planLog(
		held,
		incoming,
		timeZone,
		counts,
		{
			stored: (r) => activityAt(activitiesToColumns([r], timeZone), 0),
			heldAt: (i) => activityAt(held, i),
			same: (i, r) => sameActivity(held, i, r, timeZone)
		},
		once
	);
}

function sameActivity(c: ActivityColumns, i: number, r: Activity, timeZone: string): boolean {
	const lead = c.lead[i];
	const resp = c.response[i];
	return (
		sameMs(c.at[i], storedMs(r.at, timeZone)) &&
		sameMs(c.deletedAt[i], storedMs(r.deletedAt, timeZone)) &&
		(lead < 0 ? !r.leadId : c.leadDict[lead] === r.leadId) &&
		c.repDict[c.rep[i]] === r.repId &&
		ACTIVITY_TYPES[c.type[i]] === r.type &&
		(resp === 0 ? !r.response : ACTIVITY_RESPONSES[resp - 1] === r.response) &&
		(c.note[i] ?? undefined) === (r.note ?? undefined)
	);
}

function planStageEvents(
	held: StageEventColumns,
	incoming: readonly StageEvent[],
	timeZone: string,
	counts: MergeCounts,
	once?: Once
): StageEvent[] {
	return planLog(
		held,
		incoming,
		timeZone,
		counts,
		{
			stored: (r) => stageEventAt(stageEventsToColumns([r], timeZone), 0),
			heldAt: (i) => stageEventAt(held, i),
			same: (i, r) => sameStageEvent(held, i, r, timeZone)
		},
		once
	);
}

function sameStageEvent(c: StageEventColumns, i: number, r: StageEvent, timeZone: string): boolean {
	const rep = c.rep[i];
	return (
		sameMs(c.at[i], storedMs(r.at, timeZone)) &&
		sameMs(c.deletedAt[i], storedMs(r.deletedAt, timeZone)) &&
		c.leadDict[c.lead[i]] === r.leadId &&
		c.stageDict[c.stage[i]] === r.stageId &&
		(rep < 0 ? !r.repId : c.repDict[rep] === r.repId)
	);
}

/**
 * The merge of `incoming` into `held`: the records to write and the preview's counts.
 * `timeZone` is the workspace's (it resolves date-only log instants as the write will).
 */
export function planMerge(
	held: HeldRecords,
	incoming: Records,
	timeZone: string,
	options: { uniqueIds?: boolean } = {}
): MergePlan {
	// A checked shared file never repeats an id in a list (validation refuses it): skip the
	// search for duplicates, a Map of every incoming id.
	const once = options.uniqueIds ? <T>(rows: readonly T[]) => rows : undefined;
	const writes = emptyRecords();
	const counts = {} as Record<RecordListName, MergeCounts>;
	for (const list of RECORD_LIST_NAMES) {
		const c: MergeCounts = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
		counts[list] = c;
		const rows = (incoming[list] ?? []) as RecordBase[];
		let out: RecordBase[];
		if (list === 'activities')
			out = planActivities(held.activities, rows as Activity[], timeZone, c, once);
		else if (list === 'stageEvents')
			out = planStageEvents(held.stageEvents, rows as StageEvent[], timeZone, c, once);
		else out = planRows((held[list] ?? []) as RecordBase[], rows, c, once);
		(writes as unknown as Record<RecordListName, RecordBase[]>)[list] = out;
	}
	return { writes, counts };
}
