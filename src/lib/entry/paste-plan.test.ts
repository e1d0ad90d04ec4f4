import { describe, expect, it } from 'vitest';
import type { ColumnDef } from './cells';
import { parsePasteBlock } from './paste';
import { planPaste } from './paste-plan';

const ctx = { locale: 'da', timeZone: 'UTC' };
const columns: ColumnDef[] = [
	{ field: 'name', type: 'text', label: 'Name', required: true },
	{
		field: 'stageId',
		type: 'select',
		label: 'Stage',
		required: true,
		hasDefault: true,
		options: [
			{ value: 'lead', label: 'Lead' },
			{ value: 'won', label: 'Won' }
		]
	},
	{ field: 'value', type: 'money', label: 'Value' },
	{ field: 'expectedCloseDate', type: 'date', label: 'Close' }
];

describe('planPaste', () => {
	it('patches rows in the grid and creates rows past the end', () => {
		const block = parsePasteBlock('Won\t1.500,50\r\nLead\t\r\nWon\t7\r\n');
		const plan = planPaste(block, { columns, rowIds: ['a', 'b'], start: { row: 0, col: 1 } }, ctx);
		expect(plan.ok).toBe(false); // The third row is new and has no name.
		if (!plan.ok)
			expect(plan.problems).toEqual([{ row: 3, column: 'Name', text: '', message: 'is required' }]);

		const ok = planPaste(
			parsePasteBlock('Acme\tWon\t1.500,50\t3.11.2026\nBeta\t\t\t\n'),
			{ columns, rowIds: ['a'], start: { row: 0, col: 0 } },
			ctx
		);
		expect(ok).toEqual({
			ok: true,
			updated: 1,
			created: 1,
			rows: [
				{ id: 'a', name: 'Acme', stageId: 'won', value: 1500.5, expectedCloseDate: '2026-11-03' },
				// Empty optional cells clear; the stage of a new row is left to its default.
				{ name: 'Beta', value: '', expectedCloseDate: '' }
			]
		});
	});

	it('reports every bad cell by grid row and column, and plans nothing', () => {
		const block = parsePasteBlock('A\tLead\t10\nB\tMaybe\t1,0,0\nC\tWon\t5\n');
		const plan = planPaste(
			block,
			{ columns, rowIds: ['x', 'y', 'z', 'w'], start: { row: 1, col: 0 } },
			ctx
		);
		expect(plan.ok).toBe(false);
		if (plan.ok) return;
		expect(plan.problems.map((p) => [p.row, p.column, p.text])).toEqual([
			[3, 'Stage', 'Maybe'],
			[3, 'Value', '1,0,0']
		]);
	});

	it('rejects a block wider than the columns to its right', () => {
		const plan = planPaste(
			[['a', 'b', 'c']],
			{ columns, rowIds: ['x'], start: { row: 0, col: 2 } },
			ctx
		);
		expect(plan.ok).toBe(false);
	});

	it('fills a selected range with a single copied cell', () => {
		const plan = planPaste(
			[['Won']],
			{
				columns,
				rowIds: ['x', 'y', 'z'],
				start: { row: 0, col: 1 },
				selection: { rows: 3, cols: 1 }
			},
			ctx
		);
		expect(plan.ok && plan.rows).toEqual([
			{ id: 'x', stageId: 'won' },
			{ id: 'y', stageId: 'won' },
			{ id: 'z', stageId: 'won' }
		]);
	});

	it('skips empty rows past the end and keeps read-only columns', () => {
		const ro = columns.map((c) => (c.field === 'value' ? { ...c, readonly: true } : c));
		const plan = planPaste(
			parsePasteBlock('A\tLead\t99\t\n\t\t\t\n'),
			{ columns: ro, rowIds: [], start: { row: 0, col: 0 } },
			ctx
		);
		expect(plan.ok && plan.rows).toEqual([{ name: 'A', stageId: 'lead', expectedCloseDate: '' }]);
	});
});
