// Reading one bucket of a log with its delta records, and folding deltas back into blocks.

import type { Table } from 'dexie';
import { appendActivityColumns, appendStageEventColumns } from './block-concat';
import {
	bucketOfKey,
	DELTA_SPAN,
	deltaKeyRange,
	type ActivityBlock,
	type StageEventBlock
} from './block-codec';

type AnyBlock = ActivityBlock | StageEventBlock;
/** One log's table of blocks (database.ts's blockTable). */
export type LogBlockTable = Table<AnyBlock, number>;

function isStageEventBlock(b: AnyBlock): b is StageEventBlock {
	return 'stage' in b;
}

/** The delta keys of every bucket of a log, each list in the order written (keys only). */
export async function logDeltaKeys(table: LogBlockTable): Promise<Map<number, number[]>> {
	const keys = (await table.where('bucket').aboveOrEqual(DELTA_SPAN).primaryKeys()) as number[];
	const out = new Map<number, number[]>();
	for (const k of keys.sort((a, b) => a - b)) {
		const b = bucketOfKey(k);
		let l = out.get(b);
		if (!l) out.set(b, (l = []));
		l.push(k);
	}
	return out;
}

/**
 * One block holding `main`'s rows and then the deltas' rows (the block a bucket would hold had
 * every delta been appended to it), keyed `bucket`; undefined when there are no rows at all.
 */
export function mergeLogDeltas(
	bucket: number,
	main: AnyBlock | undefined,
	deltas: readonly AnyBlock[]
): AnyBlock | undefined {
	let out: AnyBlock | undefined = main && main.bucket !== bucket ? { ...main, bucket } : main;
	for (const d of deltas) {
		if (d.count === 0) continue;
		// The delta's rows carry UTC instants (columnsTo... write them so): no zone is needed.
		out = isStageEventBlock(d)
			? appendStageEventColumns(bucket, out as StageEventBlock | undefined, d)
			: appendActivityColumns(bucket, out as ActivityBlock | undefined, d);
	}
	return out;
}

/** A bucket's rows as one block: its stored block with its deltas folded in (not written). */
export async function readLogBucket(
	table: LogBlockTable,
	bucket: number
): Promise<AnyBlock | undefined> {
	const [lo, hi] = deltaKeyRange(bucket);
	const [main, deltas] = await Promise.all([
		table.get(bucket),
		table.where('bucket').between(lo, hi).toArray()
	]);
	if (deltas.length === 0) return main;
	deltas.sort((a, b) => a.bucket - b.bucket);
	return mergeLogDeltas(bucket, main, deltas);
}

/** Several buckets, each as readLogBucket gives it (absent buckets left out). */
export async function readLogBuckets(
	table: LogBlockTable,
	buckets: readonly number[]
): Promise<AnyBlock[]> {
	const out = await Promise.all(buckets.map((b) => readLogBucket(table, b)));
	return out.filter((b): b is AnyBlock => !!b);
}

/**
 * Folds every delta of a log into its bucket's block (inside the caller's transaction): for
 * writers that rewrite blocks as wholes (imports, merges) and expect one record per bucket.
 * Returns the keys written or deleted.
 */
export async function foldLogDeltas(table: LogBlockTable): Promise<number[]> {
	const deltas = await table.where('bucket').aboveOrEqual(DELTA_SPAN).toArray();
	if (deltas.length === 0) return [];
	const byBucket = new Map<number, AnyBlock[]>();
	for (const d of deltas.sort((a, b) => a.bucket - b.bucket)) {
		const b = bucketOfKey(d.bucket);
		let l = byBucket.get(b);
		if (!l) byBucket.set(b, (l = []));
		l.push(d);
	}
	const buckets = [...byBucket.keys()];
	const mains = await table.bulkGet(buckets);
	const merged: AnyBlock[] = [];
	buckets.forEach((b, i) => {
		const m = mergeLogDeltas(b, mains[i], byBucket.get(b)!);
		if (m) merged.push(m);
	});
	const gone = deltas.map((d) => d.bucket);
	await table.bulkDelete(gone);
	if (merged.length) await table.bulkPut(merged);
	return [...buckets, ...gone];
}
