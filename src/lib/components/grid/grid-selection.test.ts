import { describe, expect, it } from 'vitest';
import { idsInRows, selectedRows } from './grid-selection';

describe('selectedRows', () => {
	const previous = { from: 1, to: 2 };

	it('takes the rows of a selected range, else of the focused cell', () => {
		const range = { x: 0, y: 3, x1: 2, y1: 5, rowType: 'rgRow' };
		expect(selectedRows(range, { rowType: 'rgRow', cell: { x: 0, y: 3 } }, previous)).toEqual({
			from: 3,
			to: 5
		});
		expect(selectedRows(null, { rowType: 'rgRow', cell: { x: 1, y: 8 } }, previous)).toEqual({
			from: 8,
			to: 8
		});
	});

	it('selects no rows when the selection or the focus is on the new row', () => {
		const onNew = { x: 0, y: 0, x1: 2, y1: 0, rowType: 'rowPinEnd' };
		const focus = { rowType: 'rowPinEnd', cell: { x: 0, y: 0 } };
		expect(selectedRows(onNew, focus, previous)).toBeNull();
		expect(selectedRows(null, { rowType: 'rowPinEnd', cell: { x: 0, y: 0 } }, previous)).toBeNull();
	});

	it('keeps the rows last seen once the focus has left the grid (the Delete button)', () => {
		expect(selectedRows(null, null, previous)).toBe(previous);
	});
});

describe('idsInRows', () => {
	it('gives the ids of the rows in the span, as the rows are shown', () => {
		const visible = ['c', 'a', 'b', 'd'].map((__id) => ({ __id }));
		expect(idsInRows(visible, { from: 1, to: 2 })).toEqual(['a', 'b']);
		expect(idsInRows(visible, null)).toEqual([]);
	});
});
