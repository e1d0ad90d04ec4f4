// Hand-computed fixtures (moved from tests/unit/kpi-fixtures.test.ts): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../domain/types';
import { U, t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

describe('forecastAccuracy', () => {
	const f = (id: string, period: string, amount: number, o: Partial<Forecast> = {}): Forecast => ({
		id,
		updatedAt: U,
		period,
		amount,
		...o
	});
	const won = (id: string, owner: string, at: string, value: number) => ({
		lead: lead(id, '2024-06-01', { ownerId: owner, value }),
		events: [ev(id, 'lead', '2024-06-01'), ev(id, 'won', at)]
	});
	const deals = [
		won('W1', 'r1', '2025-01-10', 100),
		won('W2', 'r1', '2025-02-05', 200),
		won('W3', 'r2', '2025-01-20', 50),
		won('W4', 'r2', '2025-04-30T23:59:00Z', 400),
		won('W5', 'r1', '2024-12-31', 70)
	];
	const records = workspace({
		leads: [...deals.map((d) => d.lead), lead('X', '2024-06-01', { value: 999 })],
		stageEvents: [...deals.flatMap((d) => d.events), ev('X', 'lost', '2025-01-15')],
		forecasts: [
			f('f3', '2025-01', 120, { repId: 'r1' }),
			f('f1', '2025-01', 150),
			f('f2', '2025-Q1', 25, { repId: 'r2' }),
			f('f4', '2025-Q2', 0, { repId: 'r1' }),
			f('f5', '2025-03', 10, { repId: 'r2' }),
			f('f6', '2025', 900),
			f('f7', '2024-12', 70),
			f('f8', '2025-01', 1, { deletedAt: U }),
			f('f9', '2025-08', 5),
			f('f10', '2025-Q2', 300)
		]
	});
	const P = { from: t('2025-01-01'), to: t('2026-01-01'), now: t('2025-08-15') };

	it('compares forecasts whose whole period lies in P and ended by asOf with won value', () => {
		const r = kpis(records, P);
		// Rows in id order (f10 sorts before f2). f6 (2025) and f9 (August) end after asOf,
		// f7 starts before P, f8 is deleted.
		expect(r.forecastAccuracy.rows).toEqual([
			{ id: 'f1', period: '2025-01', repId: null, amount: 150, actual: 150, error: 0, accuracy: 1 },
			{
				id: 'f10',
				period: '2025-Q2',
				repId: null,
				amount: 300,
				actual: 400,
				error: -100,
				accuracy: 0.75
			},
			{
				id: 'f2',
				period: '2025-Q1',
				repId: 'r2',
				amount: 25,
				actual: 50,
				error: -25,
				accuracy: 0.5
			},
			{
				id: 'f3',
				period: '2025-01',
				repId: 'r1',
				amount: 120,
				actual: 100,
				error: 20,
				accuracy: 1 - 20 / 100
			},
			{ id: 'f4', period: '2025-Q2', repId: 'r1', amount: 0, actual: 0, error: 0, accuracy: 1 },
			{ id: 'f5', period: '2025-03', repId: 'r2', amount: 10, actual: 0, error: 10, accuracy: 0 }
		]);
		expect(r.forecastAccuracy).toMatchObject({
			count: 6,
			accuracy: 1 - 155 / 700,
			bias: (0 - 100 - 25 + 20 + 0 + 10) / 700
		});
	});

	it('keeps only the listed reps\u2019 forecasts', () => {
		const r = kpis(records, { ...P, reps: ['r1'] });
		expect(r.forecastAccuracy.rows.map((x) => x.id)).toEqual(['f3', 'f4']);
		expect(r.forecastAccuracy.accuracy).toBe(1 - 20 / 100);
	});

	it('gives null overall accuracy when nothing was won', () => {
		const r = kpis(records, { from: t('2025-03-01'), to: t('2025-04-01'), now: P.now });
		expect(r.forecastAccuracy).toMatchObject({ count: 1, accuracy: null, bias: null });
	});

	it('cuts months, quarters and years in the zone', () => {
		const z = workspace({
			leads: [lead('A', '2024-06-01', { value: 10 }), lead('B', '2024-06-01', { value: 5 })],
			stageEvents: [
				ev('A', 'won', '2025-03-31T22:30:00Z'), // 1 April 00:30 in Copenhagen
				ev('B', 'won', '2024-12-31T23:30:00Z') // 1 January 00:30 in Copenhagen
			],
			forecasts: [f('q', '2025-Q1', 10), f('y', '2025', 15), f('m', '2025-04', 10)]
		});
		const o = { from: t('2024-12-01'), to: t('2026-02-01'), now: t('2026-06-01') };
		const utc = kpis(z, o).forecastAccuracy.rows;
		expect(utc.map((x) => [x.id, x.actual])).toEqual([
			['m', 0],
			['q', 10],
			['y', 10]
		]);
		const cph = kpis(z, { ...o, timeZone: 'Europe/Copenhagen' }).forecastAccuracy.rows;
		expect(cph.map((x) => [x.id, x.actual])).toEqual([
			['m', 10],
			['q', 5],
			['y', 15]
		]);
	});
});
