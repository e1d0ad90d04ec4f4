// The keys the grid adds to RevoGrid's own: Home and End (with Ctrl: the first or last cell) and
// Ctrl+Delete for whole rows (Delete alone clears cells, as in a spreadsheet).

export type GridKeyAction = 'edge' | 'deleteRows' | undefined;

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>;

/** A cell editor or any other field: there Home and End move the caret. */
export function isTextField(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLInputElement ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement
	);
}

/** What a key pressed in the grid does beyond RevoGrid; undefined leaves it to the grid. */
export function keyAction(e: Keys): GridKeyAction {
	if ((e.key === 'Home' || e.key === 'End') && !e.altKey && !e.shiftKey) {
		return isTextField(e.target) ? undefined : 'edge';
	}
	if ((e.ctrlKey || e.metaKey) && e.key === 'Delete') return 'deleteRows';
	return undefined;
}

/**
 * Where Home or End moves the focus: the first or last column of the focused row; with Ctrl (or
 * Cmd), the first or last cell of the rows (the new row at the bottom is not one of them).
 */
export function edgeCell(
	e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>,
	focused: { rowType: string; cell: { y: number } },
	columnCount: number,
	rowCount: number
): { x: number; y: number; rowType: string } {
	const x = e.key === 'Home' ? 0 : columnCount - 1;
	if (!(e.ctrlKey || e.metaKey)) return { x, y: focused.cell.y, rowType: focused.rowType };
	return { x, y: e.key === 'Home' ? 0 : Math.max(0, rowCount - 1), rowType: 'rgRow' };
}
