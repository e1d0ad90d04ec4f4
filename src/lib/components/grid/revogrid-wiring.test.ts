import type { ColumnRegular } from '@revolist/revogrid';
import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '$lib/entry/cells';
import { cellKey, DRAFT_ID, rowFactory, type GridRow } from './grid-rows';
import {
	editorName,
	gridEditors,
	gridTheme,
	revoColumns,
	type InvalidCells
} from './revogrid-wiring';

const columns: ColumnDef[] = [
	{ field: 'name', type: 'text', label: 'Name', required: true },
	{ field: 'ownerId', type: 'select', label: 'Owner', required: true, hasDefault: true },
	{ field: 'value', type: 'money', label: 'Value' },
	{ field: 'expectedCloseDate', type: 'date', label: 'Close' },
	{ field: 'createdAt', type: 'instant', label: 'Created', readonly: true }
];
const make = rowFactory(columns, { locale: 'en', timeZone: 'UTC' }, { yes: 'yes', no: 'no' });

function props(col: ColumnRegular, row: GridRow) {
	return (col.cellProperties as (p: unknown) => { class?: string; title?: string } | undefined)({
		model: row,
		prop: col.prop
	});
}

describe('revoColumns', () => {
	it('stars the headers of cells a new row must fill, and keeps read-only columns read-only', () => {
		const cols = revoColumns(columns, () => new Map());
		expect(cols.map((c) => c.name)).toEqual(['Name *', 'Owner', 'Value', 'Close', 'Created']);
		expect(cols.map((c) => c.readonly ?? false)).toEqual([false, false, false, false, true]);
	});

	it('opens a drop-down for a choice, a picker for a date, a text field otherwise', () => {
		const names = columns.map(editorName);
		expect(names).toEqual([
			'text',
			'combo-ownerId',
			'text',
			'date-expectedCloseDate',
			'date-createdAt'
		]);
		const editors = gridEditors(columns, {
			options: () => [],
			timeZone: () => 'UTC',
			pickDate: 'Pick',
			pickDateTime: 'Pick time'
		});
		// Every editor a column names is there.
		for (const n of names) expect(editors[n], n).toBeTypeOf('function');
	});

	it('sorts by the stored value: 9 before 10 although "10" < "9" as text', () => {
		const [, , value] = revoColumns(columns, () => new Map());
		const nine = make({ id: 'a', value: 9 });
		const ten = make({ id: 'b', value: 10 });
		const compare = value.cellCompare!;
		expect(compare('value', nine, ten)).toBeLessThan(0);
		expect(compare('value', ten, nine)).toBeGreaterThan(0);
	});

	it('right-aligns numbers, marks a refused cell with its reason and the new row', () => {
		const invalid = new Map([[cellKey('a', 'name'), { text: 'x', message: 'is required' }]]);
		const [name, , value] = revoColumns(columns, () => invalid as InvalidCells);
		const row = make({ id: 'a', name: 'Acme', value: 3 });
		expect(props(value, row)?.class).toBe('cell-num');
		expect(props(name, row)).toEqual({ class: 'cell-invalid', title: 'is required' });
		expect(props(name, make({ id: 'b' }))).toBeUndefined();
		expect(props(value, make({ id: DRAFT_ID }))).toEqual({
			class: 'cell-num cell-draft',
			title: undefined
		});
	});

	it('reads the refused cells when a cell renders, not when the columns are built', () => {
		let invalid: InvalidCells = new Map();
		const [name] = revoColumns(columns, () => invalid);
		const row = make({ id: 'a', name: 'Acme' });
		expect(props(name, row)).toBeUndefined();
		invalid = new Map([[cellKey('a', 'name'), { text: '', message: 'is required' }]]);
		expect(props(name, row)?.class).toBe('cell-invalid');
	});
});

describe('gridTheme', () => {
	it('follows the app into dark mode', () => {
		expect(gridTheme('dark')).toBe('darkCompact');
		expect(gridTheme('light')).toBe('compact');
		expect(gridTheme(undefined)).toBe('compact');
	});
});
