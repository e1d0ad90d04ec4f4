// Grid rows as thin views over records. RevoGrid reads `model[prop]` for display, copy, filter
// and the editor's first text; here each of those reads formats the record's value lazily
// (only the ~30 rows in view are ever formatted, so 100k rows cost one small object each).
// Writes by the grid (an accepted edit, shown before the database answers) land in `__o`.
import { formatCell, type CellContext, type ColumnDef } from '$lib/entry/cells';

export interface GridRow {
	readonly __id: string;
	__rec: Record<string, unknown>;
	/** Text shown instead of the record's value: an edit on its way, or an invalid entry. */
	__o?: Record<string, string>;
	/** Texts already formatted from `__rec` (clear it when `__rec` changes). */
	__t?: Record<string, string>;
	[prop: string]: unknown;
}

export const DRAFT_ID = '__draft';

export type RowFactory = (rec: Record<string, unknown>) => GridRow;

export function rowFactory(
	columns: readonly ColumnDef[],
	ctx: CellContext,
	words: { yes: string; no: string }
): RowFactory {
	const proto: Record<string, unknown> = {};
	for (const col of columns) {
		Object.defineProperty(proto, col.field, {
			enumerable: true,
			get(this: GridRow) {
				const o = this.__o;
				if (o && col.field in o) return o[col.field];
				// RevoGrid reads a cell several times per render (text, copy, sort, editor), and
				// every visible cell is rendered again on each scroll frame.
				const t = (this.__t ??= {});
				let text = t[col.field];
				if (text === undefined)
					t[col.field] = text = formatCell(col, this.__rec[col.field], ctx, words);
				return text;
			},
			set(this: GridRow, v: unknown) {
				(this.__o ??= {})[col.field] = v == null ? '' : String(v);
			}
		});
	}
	return (rec) => {
		const row = Object.create(proto) as GridRow;
		(row as { __id: string }).__id = String(rec.id ?? DRAFT_ID);
		row.__rec = rec;
		return row;
	};
}

/** Key of a cell in maps of invalid cells. */
export function cellKey(id: string, field: string): string {
	return id + '\u0000' + field;
}

/** Orders two records by a column's stored value (numbers as numbers, the rest as text). */
export function compareValues(a: unknown, b: unknown): number {
	const ea = a === undefined || a === null || a === '';
	const eb = b === undefined || b === null || b === '';
	if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	return String(a).localeCompare(String(b));
}
