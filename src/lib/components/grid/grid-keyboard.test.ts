import { describe, expect, it } from 'vitest';
import { edgeCell, keyAction } from './grid-keyboard';

const key = (key: string, init: KeyboardEventInit = {}, target?: EventTarget) => {
	const e = new KeyboardEvent('keydown', { key, ...init });
	return {
		key: e.key,
		ctrlKey: e.ctrlKey,
		metaKey: e.metaKey,
		altKey: e.altKey,
		shiftKey: e.shiftKey,
		target: target ?? document.body
	};
};

describe('keyAction', () => {
	it('takes Home and End to the edge, but not inside a cell editor or with Shift or Alt', () => {
		expect(keyAction(key('Home'))).toBe('edge');
		expect(keyAction(key('End', { ctrlKey: true }))).toBe('edge');
		expect(keyAction(key('End', {}, document.createElement('input')))).toBeUndefined();
		expect(keyAction(key('Home', { shiftKey: true }))).toBeUndefined();
		expect(keyAction(key('Home', { altKey: true }))).toBeUndefined();
	});

	it("deletes rows with Ctrl or Cmd + Delete; Delete alone is the grid's (it clears cells)", () => {
		expect(keyAction(key('Delete', { ctrlKey: true }))).toBe('deleteRows');
		expect(keyAction(key('Delete', { metaKey: true }))).toBe('deleteRows');
		expect(keyAction(key('Delete'))).toBeUndefined();
		expect(keyAction(key('a'))).toBeUndefined();
	});
});

describe('edgeCell', () => {
	const focused = { rowType: 'rgRow', cell: { y: 7 } };

	it('moves along the focused row to its first or last column', () => {
		expect(edgeCell({ key: 'Home', ctrlKey: false, metaKey: false }, focused, 5, 100)).toEqual({
			x: 0,
			y: 7,
			rowType: 'rgRow'
		});
		const onNew = { rowType: 'rowPinEnd', cell: { y: 0 } };
		expect(edgeCell({ key: 'End', ctrlKey: false, metaKey: false }, onNew, 5, 100)).toEqual({
			x: 4,
			y: 0,
			rowType: 'rowPinEnd'
		});
	});

	it('with Ctrl or Cmd goes to the first or last cell of the rows', () => {
		expect(edgeCell({ key: 'End', ctrlKey: true, metaKey: false }, focused, 5, 100)).toEqual({
			x: 4,
			y: 99,
			rowType: 'rgRow'
		});
		expect(
			edgeCell(
				{ key: 'Home', ctrlKey: false, metaKey: true },
				{ rowType: 'rowPinEnd', cell: { y: 0 } },
				5,
				100
			)
		).toEqual({ x: 0, y: 0, rowType: 'rgRow' });
		// No rows: the first row's place, not -1.
		expect(edgeCell({ key: 'End', ctrlKey: true, metaKey: false }, focused, 5, 0).y).toBe(0);
	});
});
