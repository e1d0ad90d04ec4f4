import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '$lib/entry/cells';
import { currentStages, pasteTarget, withLeadHints } from './grid-paste';
import { rowFactory } from './grid-rows';

const columns: ColumnDef[] = [{ field: 'stageId', type: 'text', label: 'Stage' }];
const make = rowFactory(columns, { locale: 'en', timeZone: 'UTC' }, { yes: 'yes', no: 'no' });

describe('pasteTarget', () => {
	it('starts at the focused cell when nothing larger is selected', () => {
		const t = pasteTarget({ rowType: 'rgRow', cell: { x: 2, y: 5 } }, null, 10);
		expect(t).toEqual({ start: { row: 5, col: 2 }, selection: undefined });
	});

	it('starts at the top-left of a selection and gives its size (one value fills it)', () => {
		const range = { x: 1, y: 3, x1: 2, y1: 6 };
		const t = pasteTarget({ rowType: 'rgRow', cell: { x: 2, y: 6 } }, range, 10);
		expect(t).toEqual({ start: { row: 3, col: 1 }, selection: { rows: 4, cols: 2 } });
	});

	it('on the new row, starts past the last row so that every pasted row is new', () => {
		const t = pasteTarget(
			{ rowType: 'rowPinEnd', cell: { x: 0, y: 0 } },
			{ x: 0, y: 0, x1: 0, y1: 0 },
			10
		);
		expect(t).toEqual({ start: { row: 10, col: 0 }, selection: undefined });
	});
});

describe('currentStages', () => {
	it('gives the stages of the leads the paste names only', () => {
		const visible = ['a', 'b', 'c'].map((id, i) => make({ id, stageId: `s${i}` }));
		const stages = currentStages([{ id: 'c', stageId: 'lost' }, { name: 'New' }], visible);
		expect([...stages]).toEqual([['c', 's2']]);
	});
});

describe('withLeadHints', () => {
	const visible = [make({ id: 'e1', leadId: 'L1' }), make({ id: 'e2', leadId: 'L2' })];

	it('gives updated log rows their lead, keeping a pasted lead and new rows as they are', () => {
		const planned = [{ id: 'e1', note: 'x' }, { id: 'e2', leadId: 'L9' }, { note: 'new' }];
		expect(withLeadHints('activities', planned, visible)).toEqual([
			{ id: 'e1', note: 'x', leadId: 'L1' },
			{ id: 'e2', leadId: 'L9' },
			{ note: 'new' }
		]);
	});

	it('leaves rows of lists without leads alone', () => {
		const planned = [{ id: 'e1', name: 'x' }];
		expect(withLeadHints('reps', planned, visible)).toBe(planned);
	});
});
