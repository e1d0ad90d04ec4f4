// The two logs' stored blocks, read in batches for the export.
//
// Why batches: one getAll of a log hands over nothing until every block is read; a few range
// reads issued at once let the export write the first blocks while IndexedDB still reads the
// rest (its reading runs outside this thread). All reads are issued inside one read transaction,
// so the export sees one state of the logs. Blocks come in key (bucket) order, as
// readLogColumns reads them; a last range up to Dexie.maxKey takes any block whose key is not a
// bucket number (should blocks ever get other keys, their rows are still exported).

import { Dexie } from 'dexie';
import { BUCKET_COUNT, type ActivityBlock, type StageEventBlock } from '../db/blocks';
import type { TragtDatabase } from '../db/database';

export interface LogBlockBatches {
	stageEvents: Promise<StageEventBlock[]>[];
	activities: Promise<ActivityBlock[]>[];
	/** Settles when every batch is read (rejects if the transaction fails). */
	done: Promise<unknown>;
}

/** Both logs' blocks in `batches` bucket ranges each, stage events first (the file's order). */
export function readLogBlockBatches(db: TragtDatabase, batches = 8): LogBlockBatches {
	const out: Omit<LogBlockBatches, 'done'> = { stageEvents: [], activities: [] };
	const bounds: [number, unknown][] = [];
	const step = Math.ceil(BUCKET_COUNT / batches);
	for (let lo = 0; lo < BUCKET_COUNT; lo += step)
		bounds.push([lo, lo + step >= BUCKET_COUNT ? Dexie.maxKey : lo + step]);
	const done = db.transaction('r', db.stageEventBlocks, db.activityBlocks, () => {
		for (const [lo, hi] of bounds)
			out.stageEvents.push(db.stageEventBlocks.where(':id').between(lo, hi, true, false).toArray());
		for (const [lo, hi] of bounds)
			out.activities.push(db.activityBlocks.where(':id').between(lo, hi, true, false).toArray());
		return Promise.all([...out.stageEvents, ...out.activities]);
	});
	// The caller awaits the batches; a failed read surfaces there, not as an unhandled rejection.
	done.catch(() => undefined);
	for (const p of [...out.stageEvents, ...out.activities]) p.catch(() => undefined);
	return { ...out, done };
}
