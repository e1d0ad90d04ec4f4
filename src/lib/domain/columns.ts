// Columnar form of the two large logs (activities, stage events).
//
// The database stores these logs in blocks of columns (see docs/adr-0001-storage-layout.md),
// and the KPI worker builds its dataset from the same columns, so 1M activities never become
// 1M objects on the hot path. Instants are epoch ms (date-only values already resolved in the
// workspace time zone); ids are dictionary-encoded (an Int32Array of indexes into a string
// list, -1 for "none").

import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	type Activity,
	type ActivityResponse,
	type ActivityType,
	type StageEvent
} from './types';
import { parseInstant, toIsoInstant } from './time';

/** Activities as columns. `response`: 0 = none, else 1 + index in ACTIVITY_RESPONSES. */
export interface ActivityColumns {
	count: number;
	id: string[];
	updatedAt: Float64Array;
	/** NaN for a live row. */
	deletedAt: Float64Array;
	at: Float64Array;
	/** Index into `leadDict`, -1 when the activity has no lead. */
	lead: Int32Array;
	leadDict: string[];
	rep: Int32Array;
	repDict: string[];
	/** Index into ACTIVITY_TYPES. */
	type: Uint8Array;
	response: Uint8Array;
	/** Sparse: most activities carry no note. */
	note: (string | undefined)[];
}

/** Stage events as columns. */
export interface StageEventColumns {
	count: number;
	id: string[];
	updatedAt: Float64Array;
	deletedAt: Float64Array;
	at: Float64Array;
	lead: Int32Array;
	leadDict: string[];
	stage: Int32Array;
	stageDict: string[];
	/** -1 when the event names no rep. */
	rep: Int32Array;
	repDict: string[];
}

/** Builds a string dictionary: `index(value)` returns a stable small integer per value. */
export class StringDictionary {
	readonly values: string[] = [];
	private readonly lookup = new Map<string, number>();

	constructor(initial?: readonly string[]) {
		if (!initial) return;
		// One map operation per value, not a lookup and then an insert (100k lead ids when the
		// KPI worker builds its dataset): a repeated value is put back to its first index.
		const { values, lookup } = this;
		for (const v of initial) {
			const size = lookup.size;
			lookup.set(v, values.length);
			if (lookup.size === size) lookup.set(v, values.indexOf(v));
			else values.push(v);
		}
	}

	index(value: string): number {
		let i = this.lookup.get(value);
		if (i === undefined) {
			i = this.values.length;
			this.values.push(value);
			this.lookup.set(value, i);
		}
		return i;
	}

	/** The index of `value`, or undefined when it was never added (adds nothing). */
	get(value: string): number | undefined {
		return this.lookup.get(value);
	}
}

const TYPE_INDEX = new Map<string, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
const RESPONSE_INDEX = new Map<string, number>(ACTIVITY_RESPONSES.map((r, i) => [r, i + 1]));

function instantOrNaN(value: string | undefined | null, timeZone: string): number {
	return value ? parseInstant(value, timeZone) : NaN;
}

export function activitiesToColumns(rows: readonly Activity[], timeZone: string): ActivityColumns {
	const n = rows.length;
	const leads = new StringDictionary();
	const reps = new StringDictionary();
	const cols: ActivityColumns = {
		count: n,
		id: new Array<string>(n),
		updatedAt: new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: leads.values,
		rep: new Int32Array(n),
		repDict: reps.values,
		type: new Uint8Array(n),
		response: new Uint8Array(n),
		note: new Array<string | undefined>(n)
	};
	for (let i = 0; i < n; i++) {
		const a = rows[i];
		cols.id[i] = a.id;
		cols.updatedAt[i] = instantOrNaN(a.updatedAt, timeZone);
		cols.deletedAt[i] = instantOrNaN(a.deletedAt, timeZone);
		cols.at[i] = instantOrNaN(a.at, timeZone);
		cols.lead[i] = a.leadId ? leads.index(a.leadId) : -1;
		cols.rep[i] = reps.index(a.repId);
		cols.type[i] = TYPE_INDEX.get(a.type) ?? 3;
		cols.response[i] = a.response ? (RESPONSE_INDEX.get(a.response) ?? 0) : 0;
		cols.note[i] = a.note;
	}
	return cols;
}

/** Row `i` of activity columns as a record (instants as UTC ISO strings). */
export function activityAt(cols: ActivityColumns, i: number): Activity {
	const a: Activity = {
		id: cols.id[i],
		updatedAt: toIsoInstant(cols.updatedAt[i]),
		repId: cols.repDict[cols.rep[i]],
		type: ACTIVITY_TYPES[cols.type[i]] as ActivityType,
		at: toIsoInstant(cols.at[i])
	};
	const lead = cols.lead[i];
	if (lead >= 0) a.leadId = cols.leadDict[lead];
	const r = cols.response[i];
	if (r > 0) a.response = ACTIVITY_RESPONSES[r - 1] as ActivityResponse;
	const note = cols.note[i];
	if (note !== undefined && note !== null) a.note = note;
	if (!Number.isNaN(cols.deletedAt[i])) a.deletedAt = toIsoInstant(cols.deletedAt[i]);
	return a;
}

export function columnsToActivities(cols: ActivityColumns): Activity[] {
	const out = new Array<Activity>(cols.count);
	for (let i = 0; i < cols.count; i++) out[i] = activityAt(cols, i);
	return out;
}

export function stageEventsToColumns(
	rows: readonly StageEvent[],
	timeZone: string
): StageEventColumns {
	const n = rows.length;
	const leads = new StringDictionary();
	const stages = new StringDictionary();
	const reps = new StringDictionary();
	const cols: StageEventColumns = {
		count: n,
		id: new Array<string>(n),
		updatedAt: new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: leads.values,
		stage: new Int32Array(n),
		stageDict: stages.values,
		rep: new Int32Array(n),
		repDict: reps.values
	};
	for (let i = 0; i < n; i++) {
		const e = rows[i];
		cols.id[i] = e.id;
		cols.updatedAt[i] = instantOrNaN(e.updatedAt, timeZone);
		cols.deletedAt[i] = instantOrNaN(e.deletedAt, timeZone);
		cols.at[i] = instantOrNaN(e.at, timeZone);
		cols.lead[i] = leads.index(e.leadId);
		cols.stage[i] = stages.index(e.stageId);
		cols.rep[i] = e.repId ? reps.index(e.repId) : -1;
	}
	return cols;
}

export function stageEventAt(cols: StageEventColumns, i: number): StageEvent {
	const e: StageEvent = {
		id: cols.id[i],
		updatedAt: toIsoInstant(cols.updatedAt[i]),
		leadId: cols.leadDict[cols.lead[i]],
		stageId: cols.stageDict[cols.stage[i]],
		at: toIsoInstant(cols.at[i])
	};
	const rep = cols.rep[i];
	if (rep >= 0) e.repId = cols.repDict[rep];
	if (!Number.isNaN(cols.deletedAt[i])) e.deletedAt = toIsoInstant(cols.deletedAt[i]);
	return e;
}

export function columnsToStageEvents(cols: StageEventColumns): StageEvent[] {
	const out = new Array<StageEvent>(cols.count);
	for (let i = 0; i < cols.count; i++) out[i] = stageEventAt(cols, i);
	return out;
}

/** Empty columns, for a workspace without activities. */
export function emptyActivityColumns(): ActivityColumns {
	return activitiesToColumns([], 'UTC');
}

export function emptyStageEventColumns(): StageEventColumns {
	return stageEventsToColumns([], 'UTC');
}
