import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '$lib/entry/cells';
import { compareValues, rowFactory } from './grid-rows';

const columns: ColumnDef[] = [
	{ field: 'name', type: 'text', label: 'Name' },
	{ field: 'value', type: 'money', label: 'Value' },
	{
		field: 'stageId',
		type: 'select',
		label: 'Stage',
		options: [{ value: 'won', label: 'Vundet' }]
	}
];

describe('rowFactory', () => {
	const make = rowFactory(columns, { locale: 'da', timeZone: 'UTC' }, { yes: 'ja', no: 'nej' });

	it('shows record values as the text the grid edits and copies', () => {
		const row = make({ id: 'a', name: 'Acme', value: 1234.5, stageId: 'won' });
		expect(row.__id).toBe('a');
		expect([row.name, row.value, row.stageId]).toEqual(['Acme', '1234,5', 'Vundet']);
		// An empty optional value is an empty cell, not "undefined".
		expect(make({ id: 'b', name: 'B' }).value).toBe('');
	});

	it('keeps what the grid writes until the record changes', () => {
		const row = make({ id: 'a', name: 'Acme', value: 1 });
		row.value = 'lots';
		expect(row.value).toBe('lots');
		expect(row.__rec.value).toBe(1);
		expect(make(row.__rec).value).toBe('1');
	});

	it('exposes the columns as enumerable fields (copy, filter and export read them)', () => {
		const row = make({ id: 'a', name: 'Acme', value: 2, stageId: 'won' });
		const seen: string[] = [];
		for (const k in row) if (!k.startsWith('__')) seen.push(k);
		expect(seen.sort()).toEqual(['name', 'stageId', 'value']);
	});
});

describe('compareValues', () => {
	it('sorts numbers as numbers and empty cells last', () => {
		// (Array#sort moves undefined to the end by itself, so null stands for an empty cell.)
		const values = [10, null, 9, 100, ''];
		expect([...values].sort(compareValues)).toEqual([9, 10, 100, null, '']);
		expect(['b', 'a', 'C'].sort(compareValues)).toEqual(['a', 'b', 'C']);
	});
});
