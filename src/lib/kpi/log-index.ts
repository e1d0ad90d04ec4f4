// The shape of the log index (logs.ts): the activity arrays and the stage event groups, and
// what an update passes in and reports back.

import type { ActivityColumns, StageEventColumns, StringDictionary } from '../domain/columns';
import type { IdList } from './packed-ids';

/** The activities of a lead key while its lead is deleted or unknown (never mutated). */
export interface AsideRows {
	at: Float64Array;
	rep: Int32Array;
	type: Uint8Array;
	response: Uint8Array;
	pool: Uint16Array;
	poolRow: Int32Array;
}

export interface LogIndex {
	/** Every lead id the logs name (and every lead id looked up since). */
	leadKeys: StringDictionary;
	/** Every rep id named anywhere; shared with the dataset so indexes stay stable. */
	repKeys: StringDictionary;
	/** Every stage id the stage events name. */
	stageKeys: StringDictionary;

	/**
	 * Activities of attached leads and without a lead, sorted by `at` (ties by arrival). The
	 * buffers may be longer than actCount (room to insert in place). lead: key in leadKeys, -1
	 * without a lead.
	 */
	actCount: number;
	actAt: Float64Array;
	actRep: Int32Array;
	actLead: Int32Array;
	actType: Uint8Array;
	actResponse: Uint8Array;
	/**
	 * Where each activity's id lives: idPools[actPool[k]].at(actPoolRow[k]) (the id columns of the
	 * inputs, never copied: a move shifts 6 bytes per row instead of a string pointer).
	 */
	idPools: IdList[];
	actPool: Uint16Array;
	actPoolRow: Int32Array;
	/** 1 for the lead keys whose activities are in the arrays above (0 beyond its length). */
	attached: Uint8Array;
	/** How many of the activities above each lead key has (0 beyond its length). */
	keyRows: Int32Array;
	/** The activities of the other lead keys, by key. */
	aside: Map<number, AsideRows>;

	/** Stage events grouped by lead key (CSR: evStart[key] .. evStart[key + 1] - 1). */
	evStart: Int32Array;
	evAt: Float64Array;
	evStage: Int32Array;
}

/** The activity columns in log order: at, rep, lead, type, response, pool, pool row. */
export type ActivityArrays = [
	Float64Array,
	Int32Array,
	Int32Array,
	Uint8Array,
	Uint8Array,
	Uint16Array,
	Int32Array
];

/** What replaceLogs did, for a dataset that patches its own copy of the activities. */

/** What updateLogs changed, for a dataset that patches its per-lead figures. */
export interface LogsChange {
	/** Lead keys whose rows were replaced (all activities without a lead too if replaceNone). */
	isReplaced: Uint8Array;
	/** The same keys as a list (with repeats). */
	replacedKeys: number[];
	replaceNone: boolean;
	/** The rows named reps the index did not know (the dataset's rep indexes must grow). */
	repsAdded: boolean;
	/** Positions of the rows that entered the activity arrays, in the new arrays (ascending). */
	addedPos: Int32Array;
	/** Instant and rep of each row that left them (rows unchanged by the edit stay). */
	removedAt: number[];
	removedRep: number[];
	/** The change's activity rows (all rows of the replaced leads). */
	activities: ActivityColumns;
}

/** New rows for some leads: every activity and stage event of those leads is replaced. */
export interface LogsUpdate {
	/** The leads ('' stands for the activities without a lead); leads named by rows count too. */
	leadIds: readonly string[];
	activities: ActivityColumns;
	stageEvents: StageEventColumns;
	/**
	 * Rows without a lead as a delta instead of a replacement: when given (even empty), the rows
	 * without a lead in `activities` are ADDED (new rows, or the new versions of changed ones),
	 * and these rows, as they were before the edit, are taken out. So logging or editing one
	 * prospecting call costs a few binary searches, not a pass over the whole log and every row
	 * without a lead. Without it, '' in `leadIds` or a row without a lead replaces them all.
	 */
	removedWithoutLead?: ActivityColumns;
}
