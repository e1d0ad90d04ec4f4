import { describe, expect, it } from 'vitest';
import { ENGLISH_MESSAGES, type ColumnDef } from '$lib/entry/cells';
import {
	cellCommand,
	convertEdit,
	isUnchanged,
	missingRequired,
	planRangeEdit
} from './grid-cells';
import { DRAFT_ID, rowFactory } from './grid-rows';

const ctx = { locale: 'da', timeZone: 'UTC' };
const name: ColumnDef = { field: 'name', type: 'text', label: 'Name', required: true };
const owner: ColumnDef = {
	field: 'ownerId',
	type: 'select',
	label: 'Owner',
	required: true,
	hasDefault: true,
	options: [{ value: 'r1', label: 'Mette' }]
};
const value: ColumnDef = { field: 'value', type: 'money', label: 'Value' };
const created: ColumnDef = {
	field: 'createdAt',
	type: 'instant',
	label: 'Created',
	readonly: true
};
const columns = [name, owner, value, created];
const byField = new Map(columns.map((c) => [c.field, c]));
const make = rowFactory(columns, ctx, { yes: 'ja', no: 'nej' });

describe('convertEdit', () => {
	it('leaves an emptied cell with a default to the data layer on the new row only', () => {
		expect(convertEdit(owner, ' ', true, ctx, ENGLISH_MESSAGES)).toEqual({
			ok: true,
			value: undefined
		});
		// On a stored lead the owner cannot be emptied.
		expect(convertEdit(owner, '', false, ctx, ENGLISH_MESSAGES)).toEqual({
			ok: false,
			message: 'is required'
		});
	});

	it('converts typed text in the locale like any cell', () => {
		expect(convertEdit(value, '1.234,5', false, ctx, ENGLISH_MESSAGES)).toEqual({
			ok: true,
			value: 1234.5
		});
		expect(convertEdit(owner, 'met', true, ctx, ENGLISH_MESSAGES)).toEqual({
			ok: true,
			value: 'r1'
		});
	});
});

describe('isUnchanged', () => {
	it('writes nothing when the value stays, or an empty cell stays empty', () => {
		expect(isUnchanged(5, 5)).toBe(true);
		expect(isUnchanged(undefined, undefined)).toBe(true);
		expect(isUnchanged('', undefined)).toBe(true);
		expect(isUnchanged(5, 6)).toBe(false);
		// Clearing a filled cell is a change.
		expect(isUnchanged(5, undefined)).toBe(false);
	});
});

describe('missingRequired', () => {
	it('holds the new row back until every required cell without a default is filled', () => {
		expect(missingRequired(columns, { value: 10 })).toBe(true);
		expect(missingRequired(columns, { name: '' })).toBe(true);
		// The owner has a default: the name is enough.
		expect(missingRequired(columns, { name: 'Acme' })).toBe(false);
	});
});

describe('cellCommand', () => {
	const rec = { id: 'x', leadId: 'L1' };

	it('makes a lead stage edit a move, other lead cells an update', () => {
		expect(cellCommand('leads', rec, 'stageId', 'won').label).toBe('moveLead');
		expect(cellCommand('leads', rec, 'name', 'Acme').label).toBe('updateLead');
	});

	it('edits log rows as themselves and entity lists as records of their list', () => {
		expect(cellCommand('stageEvents', rec, 'at', '2026-01-01').label).toBe('editStageEvent');
		expect(cellCommand('activities', rec, 'note', 'hi').label).toBe('updateActivity');
		const cmd = cellCommand('reps', rec, 'name', 'Mette');
		expect([cmd.label, cmd.list]).toEqual(['updateRecord', 'reps']);
	});
});

describe('planRangeEdit', () => {
	const a = make({ id: 'a', name: 'Acme', ownerId: 'r1', value: 1, leadId: 'L1' });
	const b = make({ id: 'b', name: 'Bolt', ownerId: 'r1', value: 2, leadId: 'L2' });
	const number = (row: { __id: string }) => (row.__id === 'a' ? 1 : 2);

	it('clears optional cells of every row in one set of patches; read-only cells stay', () => {
		const plan = planRangeEdit(
			'leads',
			{ 0: { value: '', createdAt: '' }, 1: { value: '7' } },
			{ 0: a, 1: b },
			byField,
			ctx,
			ENGLISH_MESSAGES,
			number
		);
		expect(plan.problems).toEqual([]);
		expect(plan.rows).toEqual([
			{ id: 'a', value: '' },
			{ id: 'b', value: 7 }
		]);
	});

	it('refuses the whole range when a cell is refused, naming each by row and column', () => {
		const plan = planRangeEdit(
			'leads',
			{ 0: { name: '', value: '' }, 1: { name: '', value: 'lots' } },
			{ 0: a, 1: b },
			byField,
			ctx,
			ENGLISH_MESSAGES,
			number
		);
		expect(plan.problems).toEqual([
			{ row: 1, column: 'Name', message: 'is required' },
			{ row: 2, column: 'Name', message: 'is required' },
			{ row: 2, column: 'Value', message: 'is not a number' }
		]);
	});

	it('leaves the new row out and gives log rows their lead', () => {
		const draft = make({ id: DRAFT_ID });
		const plan = planRangeEdit(
			'activities',
			{ 0: { value: '3' }, 1: { value: '4' } },
			{ 0: a, 1: draft },
			byField,
			ctx,
			ENGLISH_MESSAGES,
			number
		);
		expect(plan.rows).toEqual([{ id: 'a', leadId: 'L1', value: 3 }]);
	});
});
