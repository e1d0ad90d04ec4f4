import { describe, expect, it } from 'vitest';
import { convertCell, formatCell, matchOption, type ColumnDef } from './cells';

const da = { locale: 'da', timeZone: 'Europe/Copenhagen' };
const stages = [
	{ value: 'lead', label: 'Lead' },
	{ value: 'qualified', label: 'Qualified' },
	{ value: 'proposal', label: 'Proposal' },
	{ value: 'won', label: 'Won' },
	{ value: 'lost', label: 'Lost' }
];
const stageCol: ColumnDef = {
	field: 'stageId',
	type: 'select',
	label: 'Stage',
	options: stages,
	required: true
};

describe('convertCell', () => {
	it('converts money with the locale decimal separator and rejects negatives', () => {
		const col: ColumnDef = { field: 'value', type: 'money', label: 'Value' };
		expect(convertCell(col, '12.500,75', da)).toEqual({ ok: true, value: 12500.75 });
		expect(convertCell(col, '-5', da)).toMatchObject({ ok: false });
		expect(convertCell(col, 'ten', da)).toMatchObject({ ok: false });
		expect(convertCell(col, '', da)).toEqual({ ok: true, value: undefined });
	});

	it('enforces required cells', () => {
		const col: ColumnDef = { field: 'name', type: 'text', label: 'Name', required: true };
		expect(convertCell(col, '   ', da)).toEqual({ ok: false, message: 'is required' });
		expect(convertCell(col, ' Acme ', da)).toEqual({ ok: true, value: 'Acme' });
	});

	it('maps drop-down labels to ids, by exact label, id or unique prefix', () => {
		expect(convertCell(stageCol, 'qualified', da)).toEqual({ ok: true, value: 'qualified' });
		expect(convertCell(stageCol, 'Prop', da)).toEqual({ ok: true, value: 'proposal' });
		expect(convertCell(stageCol, 'WON', da)).toEqual({ ok: true, value: 'won' });
		// 'Lo' starts Lost only; 'L' starts Lead and Lost.
		expect(convertCell(stageCol, 'Lo', da)).toEqual({ ok: true, value: 'lost' });
		const amb = convertCell(stageCol, 'L', da);
		expect(amb.ok).toBe(false);
		if (!amb.ok) expect(amb.message).toContain('Lead, Qualified');
	});

	it('reads booleans in English and Danish', () => {
		const col: ColumnDef = { field: 'active', type: 'boolean', label: 'Active' };
		expect(convertCell(col, 'Ja', da)).toEqual({ ok: true, value: true });
		expect(convertCell(col, 'no', da)).toEqual({ ok: true, value: false });
		expect(convertCell(col, 'maybe', da).ok).toBe(false);
	});

	it('reads percentages as fractions within 0..1', () => {
		const col: ColumnDef = { field: 'probability', type: 'percent', label: 'P' };
		expect(convertCell(col, '25', da)).toEqual({ ok: true, value: 0.25 });
		expect(convertCell(col, '12,5 %', da)).toEqual({ ok: true, value: 0.125 });
		expect(convertCell(col, '150', da).ok).toBe(false);
	});

	it('checks periods, e-mails, whole numbers and dates', () => {
		const period: ColumnDef = { field: 'period', type: 'period', label: 'Period' };
		expect(convertCell(period, '2026-q4', da)).toEqual({ ok: true, value: '2026-Q4' });
		expect(convertCell(period, '2026-13', da).ok).toBe(false);
		const email: ColumnDef = { field: 'email', type: 'email', label: 'E-mail' };
		expect(convertCell(email, 'a@b.dk', da).ok).toBe(true);
		expect(convertCell(email, 'a@b', da).ok).toBe(false);
		const order: ColumnDef = { field: 'order', type: 'integer', label: 'Order' };
		expect(convertCell(order, '2,5', da).ok).toBe(false);
		const date: ColumnDef = { field: 'startDate', type: 'date', label: 'Start' };
		expect(convertCell(date, '1/2/2026', da)).toEqual({ ok: true, value: '2026-02-01' });
	});
});

describe('formatCell', () => {
	it('shows what convertCell reads back', () => {
		const cols: [ColumnDef, unknown][] = [
			[{ field: 'value', type: 'money', label: 'V' }, 1234.5],
			[{ field: 'p', type: 'percent', label: 'P' }, 0.125],
			[{ field: 'd', type: 'date', label: 'D' }, '2026-11-03'],
			[{ field: 'at', type: 'instant', label: 'At' }, '2026-11-03T13:30:00.000Z'],
			[stageCol, 'proposal']
		];
		for (const [col, value] of cols) {
			const text = formatCell(col, value, da);
			expect(convertCell(col, text, da), `${col.field}: ${text}`).toEqual({ ok: true, value });
		}
		expect(formatCell(cols[0][0], 1234.5, da)).toBe('1234,5');
		expect(formatCell(stageCol, 'proposal', da)).toBe('Proposal');
	});

	it('shows an instant in a date column as its day in the zone', () => {
		const col: ColumnDef = { field: 'since', type: 'date', label: 'Since' };
		// 23:30 UTC on 2 Nov is 00:30 on 3 Nov in Copenhagen.
		expect(formatCell(col, '2026-11-02T23:30:00Z', da)).toBe('03.11.2026');
	});
});

describe('matchOption', () => {
	it('ignores case and accents', () => {
		const reps = [
			{ value: 'r1', label: 'Søren Ærø' },
			{ value: 'r2', label: 'Anna' }
		];
		expect(matchOption('søren ærø', reps)?.value).toBe('r1');
		expect(matchOption('ANNA', reps)?.value).toBe('r2');
		expect(matchOption('Bo', reps)).toBeUndefined();
	});
});

describe('matchOption with lead names', () => {
	const leads = [
		{ value: 'l1', label: 'Anna Berg (Acme)' },
		{ value: 'l2', label: 'Bo Dahl (Acme)' },
		{ value: 'l3', label: 'Bo Dahl (Beta)' },
		{ value: 'l4', label: 'Bo' }
	];

	it('takes a name without its company when only one lead has it', () => {
		expect(matchOption('anna berg', leads)?.value).toBe('l1');
		expect(matchOption('Bo Dahl (B', leads)?.value).toBe('l3');
	});

	it('refuses a name that two leads share, and prefers an exact label', () => {
		expect(matchOption('Bo Dahl', leads)).toBeUndefined();
		expect(matchOption('bo', leads)?.value).toBe('l4');
	});
});
