import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '$lib/entry/cells';
import { rowFactory } from './grid-rows';
import { RowViews, searchRecords } from './row-views';

const columns: ColumnDef[] = [
	{ field: 'name', type: 'text', label: 'Name' },
	{ field: 'value', type: 'money', label: 'Value' },
	{
		field: 'stageId',
		type: 'select',
		label: 'Stage',
		options: [
			{ value: 's1', label: 'Qualified' },
			{ value: 's2', label: 'Won' }
		]
	}
];
const make = rowFactory(columns, { locale: 'da', timeZone: 'UTC' }, { yes: 'ja', no: 'nej' });

describe('searchRecords', () => {
	const recs = [
		{ id: 'a', name: 'Acme', value: 1234.5, stageId: 's1' },
		{ id: 'b', name: 'Bolt', value: 99, stageId: 's2' }
	];

	it('finds records by the text their cells show, ignoring case', () => {
		expect(searchRecords(recs, 'QUALI', columns, make).map((r) => r.id)).toEqual(['a']);
		// The number as shown in Danish, not as stored.
		expect(searchRecords(recs, '1234,5', columns, make).map((r) => r.id)).toEqual(['a']);
		expect(searchRecords(recs, 'won', columns, make).map((r) => r.id)).toEqual(['b']);
	});

	it('shows every record for a blank search', () => {
		expect(searchRecords(recs, '  ', columns, make)).toBe(recs);
	});
});

describe('RowViews', () => {
	it('keeps the views of unchanged records across refreshes, in the new order', () => {
		const views = new RowViews();
		const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		const first = views.build([a, b, c], make);
		const n = { id: 'n' };
		const second = views.build([n, a, c], make);
		expect(second[1]).toBe(first[0]);
		expect(second[2]).toBe(first[2]);
		expect(second.map((r) => r.__id)).toEqual(['n', 'a', 'c']);
		expect(second.map((r) => r.__i)).toEqual([0, 1, 2]);
	});

	it('makes a new view for a changed record, and for a copy of one', () => {
		const views = new RowViews();
		const a = { id: 'a', name: 'Acme' };
		const [old] = views.build([a], make);
		const changed = { ...a, name: 'Acme A/S' };
		const [fresh] = views.build([changed], make);
		expect(fresh).not.toBe(old);
		expect(fresh.name).toBe('Acme A/S');
	});

	it('drops the text of an edit on its way when the data comes back', () => {
		const views = new RowViews();
		const a = { id: 'a', name: 'Acme' };
		const [row] = views.build([a], make);
		row.name = 'typed';
		expect(row.name).toBe('typed');
		views.build([a], make);
		expect(row.name).toBe('Acme');
	});

	it('makes all views anew when the columns or locale change', () => {
		const views = new RowViews();
		const a = { id: 'a', value: 1.5 };
		const [da] = views.build([a], make);
		const en = rowFactory(columns, { locale: 'en', timeZone: 'UTC' }, { yes: 'yes', no: 'no' });
		const [again] = views.build([a], en);
		expect(again).not.toBe(da);
		expect([da.value, again.value]).toEqual(['1,5', '1.5']);
	});
});
