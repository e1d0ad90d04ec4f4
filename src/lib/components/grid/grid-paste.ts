// Where a paste lands and what it carries along, from the grid's focus and selection; the block
// itself is read by entry/paste.ts and planned (converted, checked) by entry/paste-plan.ts.
import type { GridList } from '$lib/entry/grid-columns';
import type { PasteTarget } from '$lib/entry/paste-plan';
import type { GridRow } from './grid-rows';

/** The focused cell as RevoGrid reports it; rowType 'rowPinEnd' is the new row at the bottom. */
export interface FocusedCell {
	rowType: string;
	cell: { x: number; y: number };
}

/** A selected range (inclusive corners). */
export interface CellRange {
	x: number;
	y: number;
	x1: number;
	y1: number;
	rowType?: string;
}

/**
 * The top-left cell of a paste and, for a selection, its size (a single value fills all of it).
 * On the new row the paste starts past the last row, so every pasted row is a new record.
 */
export function pasteTarget(
	focused: FocusedCell,
	range: CellRange | null | undefined,
	rowCount: number
): Pick<PasteTarget, 'start' | 'selection'> {
	const onDraft = focused.rowType === 'rowPinEnd';
	const start = {
		row: onDraft ? rowCount : (range?.y ?? focused.cell.y),
		col: range?.x ?? focused.cell.x
	};
	const selection =
		range && !onDraft ? { rows: range.y1 - range.y + 1, cols: range.x1 - range.x + 1 } : undefined;
	return { start, selection };
}

/** The current stage of each lead the planned rows name (not a map of all 100k rows): a paste
 * that leaves a lead in the lost stage it is in is not a move. */
export function currentStages(
	planned: readonly Record<string, unknown>[],
	visible: readonly GridRow[]
): Map<string, unknown> {
	const named = new Set(planned.map((r) => r.id).filter((id) => id !== undefined));
	return new Map(
		named.size ? visible.filter((r) => named.has(r.__id)).map((r) => [r.__id, r.__rec.stageId]) : []
	);
}

/** Rows of a log (stage moves, activities) that update a record carry its lead, which finds the
 * record's block at once; a lead pasted in the row itself is kept. */
export function withLeadHints(
	list: GridList,
	planned: Record<string, unknown>[],
	visible: readonly GridRow[]
): Record<string, unknown>[] {
	if (list !== 'stageEvents' && list !== 'activities') return planned;
	return planned.map((r) => {
		const rec = r.id ? visible.find((v) => v.__id === r.id)?.__rec : undefined;
		return rec && !('leadId' in r) ? { ...r, leadId: rec.leadId } : r;
	});
}
