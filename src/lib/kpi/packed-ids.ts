// Activity ids as the engine keeps them (logs.ts): read by row, split from the stored blocks'
// packed strings only when read.

/**
 * A list of activity ids: a plain array, or PackedIds. Read with `.at(row)` (an array's own
 * method), so that a cold build need not split a million ids into strings that only a
 * drill-through or an edit of their block ever reads.
 */
export interface IdList {
	at(row: number): string | undefined;
}

/**
 * Ids kept as the blocks store them: per part, one string joined by '\n' (or a plain array when
 * some id holds a '\n'), split a part at a time on first use. Never mutated.
 */
export class PackedIds implements IdList {
	private readonly starts: Int32Array;
	private readonly split: (string[] | undefined)[];
	private last = 0;

	constructor(
		private readonly parts: readonly (string | string[])[],
		counts: readonly number[]
	) {
		this.starts = new Int32Array(parts.length + 1);
		for (let p = 0; p < parts.length; p++) this.starts[p + 1] = this.starts[p] + counts[p];
		this.split = parts.map((x) => (typeof x === 'string' ? undefined : x));
	}

	at(row: number): string | undefined {
		const st = this.starts;
		const np = this.parts.length;
		if (!(row >= 0 && row < st[np])) return undefined;
		// Reads come in runs from one part: try the last one first.
		let p = this.last;
		if (!(st[p] <= row && row < st[p + 1])) {
			let lo = 0;
			let hi = np - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >>> 1;
				if (st[mid] <= row) lo = mid;
				else hi = mid - 1;
			}
			p = lo;
			this.last = p;
		}
		let ids = this.split[p];
		if (!ids) {
			const packed = this.parts[p] as string;
			ids = this.split[p] = st[p + 1] === st[p] ? [] : packed.split('\n');
		}
		return ids[row - st[p]];
	}
}
