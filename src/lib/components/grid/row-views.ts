// Which records the grid shows (the search box) and their row views, rebuilt on every refresh of
// the data without redoing the work for rows that did not change: after a paste of 1,000 leads
// into 100k, the other 100k views (and RevoGrid's work on them) are reused.
import type { ColumnDef } from '$lib/entry/cells';
import type { GridRow, RowFactory } from './grid-rows';

/** The records with a cell whose text holds `query` (ignoring case); all when it is blank. The
 * text is what the cell shows (formatted number, stage name), as the person reads it. */
export function searchRecords<R extends Record<string, unknown>>(
	records: readonly R[],
	query: string,
	columns: readonly ColumnDef[],
	make: RowFactory
): readonly R[] {
	const q = query.trim().toLocaleLowerCase();
	if (!q) return records;
	// One view, pointed at each record in turn: no object per record searched.
	const probe = make({ id: '' });
	return records.filter((rec) => {
		probe.__rec = rec;
		probe.__t = undefined;
		return columns.some((c) => String(probe[c.field]).toLocaleLowerCase().includes(q));
	});
}

// The view hangs on the record under a symbol (IndexedDB and JSON skip symbols): a look-up per
// row costs several times less than a WeakMap's, whose 100k entries also slow every GC.
const VIEW = Symbol('grid row view');
type Views = Record<symbol, { make: RowFactory; row: GridRow } | undefined>;

/** Row views kept while their record object (and the factory: columns, locale) is the same. */
export class RowViews {
	// The previous build: a refresh keeps most records in the same order (a paste inserts 1,000
	// among 100k), so a walk along it finds most views with one comparison, no look-up.
	#recs: readonly Record<string, unknown>[] = [];
	#rows: GridRow[] = [];
	#make: RowFactory | undefined;

	/** The views of `recs`, in order; each view's `__i` is its index. */
	build(recs: readonly Record<string, unknown>[], make: RowFactory): GridRow[] {
		const same = make === this.#make;
		const built: GridRow[] = new Array(recs.length);
		let j = 0;
		for (let i = 0; i < recs.length; i++) {
			const rec = recs[i];
			let row: GridRow | undefined;
			if (same && this.#recs[j] === rec) row = this.#rows[j++];
			else {
				const held = (rec as unknown as Views)[VIEW];
				// A copy of a record ({ ...rec }) carries the symbol too: the view must be of this one.
				row = held && held.make === make && held.row.__rec === rec ? held.row : undefined;
				if (!row) (rec as unknown as Views)[VIEW] = { make, row: (row = make(rec)) };
				// Back in step with the previous build after rows it no longer has.
				else if (same && this.#rows[row.__i as number] === row) j = (row.__i as number) + 1;
			}
			// Texts of edits on their way belong to the previous data.
			if (row.__o) row.__o = undefined;
			row.__i = i;
			built[i] = row;
		}
		this.#recs = recs;
		this.#rows = built;
		this.#make = make;
		return built;
	}
}
