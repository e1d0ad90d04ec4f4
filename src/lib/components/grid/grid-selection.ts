// Which rows "Delete selected rows" means. A click on that button (or Tab to it) takes the focus,
// and with it the grid's own selection, so the rows are remembered as they were last seen inside
// the grid.
import type { CellRange, FocusedCell } from './grid-paste';

/** Rows from `from` to `to`, inclusive (indices of the visible rows). */
export interface RowSpan {
	from: number;
	to: number;
}

/**
 * The selected rows, from the grid's range or else its focused cell. A selection or focus on the
 * new row (or the header) selects no rows; with neither, the grid has let go of its selection
 * (the focus left it) and the rows last seen still count.
 */
export function selectedRows(
	range: CellRange | null | undefined,
	focused: FocusedCell | null | undefined,
	previous: RowSpan | null
): RowSpan | null {
	if (range && range.rowType === 'rgRow') return { from: range.y, to: range.y1 };
	if (focused && focused.rowType === 'rgRow') return { from: focused.cell.y, to: focused.cell.y };
	if (focused || range) return null;
	return previous;
}

/** The ids of the rows in `span` among the rows shown (sorted and filtered as they are). */
export function idsInRows(visible: readonly { __id: string }[], span: RowSpan | null): string[] {
	return span ? visible.slice(span.from, span.to + 1).map((r) => r.__id) : [];
}
