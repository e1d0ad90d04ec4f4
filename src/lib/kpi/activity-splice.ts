// The activity arrays' splice (updateLogs in logs.ts): which runs of rows move where, and the
// moves themselves, in place or into new buffers.

import type { ActivityArrays } from './log-index';

/**
 * How a sorted column changes: `removed` old positions (ascending) go, and new row j goes
 * before old position insertAt[j] (non-decreasing). Applied to each column with typed-array
 * copies of the runs in between, so a splice of a few rows costs a few memcpy of the log.
 */
export interface SplicePlan {
	oldCount: number;
	removed: Int32Array;
	insertAt: Int32Array;
}

/** Output position of each inserted row, and the run copies, in one walk. */
export function planRuns(plan: SplicePlan): { runs: number[]; newPos: Int32Array; count: number } {
	const { oldCount, removed, insertAt } = plan;
	const runs: number[] = []; // triples: old start, old end, out start
	const newPos = new Int32Array(insertAt.length);
	let o = 0;
	let src = 0;
	let ri = 0;
	let ii = 0;
	while (src < oldCount || ii < insertAt.length) {
		// Next boundary: the next removed position or the next insertion point.
		const nextRemoved = ri < removed.length ? removed[ri] : oldCount;
		const nextInsert = ii < insertAt.length ? insertAt[ii] : oldCount;
		const stop = Math.min(nextRemoved, nextInsert);
		if (stop > src) {
			runs.push(src, stop, o);
			o += stop - src;
			src = stop;
		}
		if (ii < insertAt.length && insertAt[ii] === src) {
			newPos[ii++] = o++;
		} else if (ri < removed.length && removed[ri] === src) {
			src++;
			ri++;
		} else if (src >= oldCount && ii >= insertAt.length) {
			break;
		}
	}
	return { runs, newPos, count: o };
}

/**
 * Moves the runs of a splice plan (old start, old end, out start) from `src` to `dst`. When they
 * are the same buffers, the runs moving left go first, left to right, then the runs moving
 * right, right to left: then no run overwrites rows that another run has still to move (the
 * outputs are ordered like the inputs), and rows that stay where they are are not touched.
 */
export function moveRuns(src: ActivityArrays, dst: ActivityArrays, runs: number[]): void {
	const same = src[0] === dst[0];
	const move = (r: number) => {
		const s = runs[r];
		const e = runs[r + 1];
		const d = runs[r + 2];
		for (let c = 0; c < src.length; c++) {
			const to = dst[c];
			if (same) to.copyWithin(d, s, e);
			else if (e - s < 64) {
				// A subarray is an object: for short runs a plain loop is cheaper.
				const from = src[c];
				for (let k = s; k < e; k++) to[d + k - s] = from[k];
			} else to.set(src[c].subarray(s, e) as never, d);
		}
	};
	for (let r = 0; r < runs.length; r += 3) {
		if (runs[r + 2] < runs[r] || (!same && runs[r + 2] === runs[r])) move(r);
	}
	for (let r = runs.length - 3; r >= 0; r -= 3) if (runs[r + 2] > runs[r]) move(r);
}
