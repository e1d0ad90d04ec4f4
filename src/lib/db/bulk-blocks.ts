// Appending new rows to a stored log block without decoding it.
//
// A paste of 1,000 new leads appends 1,000 first stage events, spread by the hash of their lead
// over nearly every block. Decoding each block into row objects and encoding it again costs a
// second at L (100k leads, 300k events); appending to the columns costs a copy of typed arrays.
// The result is exactly the block that decoding, adding the rows at the end and encoding would
// give (tested against stageEventBlockFromRows / activityBlockFromRows).

import type { Activity, StageEvent } from '../domain/types';
import {
	activityBlockFromRows,
	appendActivityColumns,
	appendStageEventColumns,
	stageEventBlockFromRows,
	type ActivityBlock,
	type StageEventBlock
} from './blocks';

/** `block` with `rows` (ids not in it yet) appended; a new block when there is none. */
export function appendStageEvents(
	bucket: number,
	block: StageEventBlock | undefined,
	rows: readonly StageEvent[],
	timeZone: string
): StageEventBlock {
	// The rows are encoded as a small block of their own, whose columns are appended.
	return appendStageEventColumns(bucket, block, stageEventBlockFromRows(bucket, rows, timeZone));
}

/** `block` with `rows` (ids not in it yet) appended; a new block when there is none. */
export function appendActivities(
	bucket: number,
	block: ActivityBlock | undefined,
	rows: readonly Activity[],
	timeZone: string
): ActivityBlock {
	return appendActivityColumns(bucket, block, activityBlockFromRows(bucket, rows, timeZone));
}
