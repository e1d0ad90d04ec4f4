// Hand-computed fixtures for `targets` (spec/targets-and-forecast.md): every expected value is
// worked out in the comments from the records, and the reference implementation must agree.
import { describe, expect, it } from 'vitest';
import {
	U,
	t,
	workspace,
	lead,
	ev,
	act,
	target,
	kpis
} from '../../../../tests/reference/kpi-fixture-kit';

// P = Q1 2025, now = 02-15: asOf = 2025-02-15 (UTC).
const P = { from: t('2025-01-01'), to: t('2025-04-01'), now: t('2025-02-15') };

const records = workspace({
	leads: [
		// A (r1): won 01-20, cycle 15 d. B (r2): won 02-04, cycle 25 d. Won before asOf: A and
		// B, so the mean won value is (1000 + 500) / 2 = 750 and the mean cycle 20 d.
		lead('A', '2025-01-05', { value: 1000 }),
		lead('B', '2025-01-10', { ownerId: 'r2', value: 500, origin: 'marketing' }),
		// C (r1): proposal (p 0.5) since 02-01, expected to close 03-10.
		lead('C', '2025-01-15', { value: 2000, expectedCloseDate: '2025-03-10' }),
		// D (r1): qualified (p 0.25), expected 05-15: outside a Q1 window.
		lead('D', '2025-02-01', { value: 800, expectedCloseDate: '2025-05-15' }),
		// E (r2): contacted (p 0.1) with no value (-> 750) and no expected close date: first
		// contact 02-12 + 20 d = 03-04.
		lead('E', '2025-02-10', { ownerId: 'r2', value: 0, stageId: 'contacted' }),
		// F (r1): in stage lead (p 0.05) at asOf, won only on 02-20 (after asOf). Cycle start
		// 01-02 + 20 d = 01-22, before asOf: counts as asOf.
		lead('F', '2025-01-02', { value: 300 }),
		// G (r3): negotiation (p 0.75), expected 03-20.
		lead('G', '2025-02-01', {
			ownerId: 'r3',
			value: 1000,
			stageId: 'negotiation',
			expectedCloseDate: '2025-03-20'
		})
	],
	stageEvents: [
		ev('A', 'lead', '2025-01-05'),
		ev('A', 'won', '2025-01-20'),
		ev('B', 'lead', '2025-01-10'),
		ev('B', 'won', '2025-02-04'),
		ev('C', 'lead', '2025-01-15'),
		ev('C', 'proposal', '2025-02-01'),
		ev('D', 'qualified', '2025-02-05'),
		ev('F', 'lead', '2025-01-02'),
		ev('F', 'won', '2025-02-20')
	],
	activities: [
		act('2024-12-31'),
		act('2025-01-03'),
		act('2025-01-25', { repId: 'r2' }),
		act('2025-02-12', { repId: 'r2', leadId: 'E' }),
		act('2025-02-20', { repId: 'r2' })
	],
	// In no id order on purpose: rows come in id order.
	targets: [
		target('tH', 'activities', '2025-01-01', '2025-01-31', 0, { repId: null }),
		target('tA', 'wonValue', '2025-01-01', '2025-03-31', 6000),
		target('tC', 'wonValue', '2025-01-01', '2025-03-31', 800, { repId: 'r2' }),
		target('tB', 'won', '2025-01-01', '2025-03-31', 1, { repId: 'r1' }),
		target('tD', 'wonValue', '2025-03-01', '2025-03-31', 1000, { repId: 'r3' }),
		target('tE', 'newLeads', '2024-12-01', '2025-01-31', 5, { repId: '' }),
		target('tF', 'opportunities', '2025-01-01', '2025-03-31', 4, { repId: 'r1' }),
		target('tG', 'activities', '2025-01-01', '2025-03-31', 10, { repId: 'r2' }),
		// Left out: W starts at P's end; deleted; to before from; not a date.
		target('tI', 'won', '2025-04-01', '2025-04-30', 3),
		target('tJ', 'won', '2025-01-01', '2025-03-31', 3, { deletedAt: U }),
		target('tK', 'won', '2025-03-31', '2025-01-01', 3),
		target('tL', 'won', '2025-02-30', '2025-03-31', 3)
	]
});

const Z = 1.2816;

describe('targets', () => {
	const rows = kpis(records, P).targets.rows;
	const row = (id: string) => rows.find((r) => r.id === id)!;

	it('lists the live, valid targets overlapping P, in id order', () => {
		expect(rows.map((r) => r.id)).toEqual(['tA', 'tB', 'tC', 'tD', 'tE', 'tF', 'tG', 'tH']);
	});

	it('projects a team wonValue target with the pipeline expected to close in W', () => {
		// W = [01-01, 04-01): 90 days, 45 gone by asOf: elapsed 0.5. Actual: A 1000 + B 500
		// (F's win is after asOf). Kept open leads (instant in [asOf, 04-01)): C (03-10,
		// 0.5 * 2000 = 1000), E (03-04, 0.1 * 750 = 75), F (asOf, 0.05 * 300 = 15), G (03-20,
		// 0.75 * 1000 = 750); D (05-15) is outside W. projected = 1500 + 1840 = 3340.
		// sd = sqrt(0.25 * 2000^2 + 0.09 * 750^2 + 0.0475 * 300^2 + 0.1875 * 1000^2)
		//    = sqrt(1,000,000 + 50,625 + 4,275 + 187,500) = sqrt(1,242,400) = 1114.63.
		// low = 3340 - 1.2816 * 1114.63 = 1911.49 (above actual), high = 4768.51.
		const r = row('tA');
		expect(r).toMatchObject({
			metric: 'wonValue',
			repId: null,
			from: '2025-01-01',
			to: '2025-03-31',
			amount: 6000,
			actual: 1500,
			elapsed: 0.5,
			expectedByNow: 3000,
			attainment: 0.25,
			pace: 0.5,
			status: 'behind'
		});
		expect(r.projected).toBeCloseTo(3340, 9);
		expect(r.projectedSd).toBeCloseTo(Math.sqrt(1_242_400), 9);
		expect(r.projectedLow).toBeCloseTo(1911.490213, 5);
		expect(r.projectedHigh).toBeCloseTo(4768.509787, 5);
	});

	it("counts a rep's won leads and keeps only that rep's open leads (low clipped at actual)", () => {
		// r1: A won 01-20 -> actual 1 >= amount 1: met. Kept r1 leads: C (p 0.5), F (0.05);
		// D is outside W. projected = 1 + 0.55 = 1.55, sd = sqrt(0.25 + 0.0475) = 0.54544;
		// 1.55 - 1.2816 * 0.54544 = 0.851 < actual -> low 1; high = 2.24903.
		const r = row('tB');
		expect(r).toMatchObject({
			repId: 'r1',
			actual: 1,
			elapsed: 0.5,
			expectedByNow: 0.5,
			attainment: 1,
			pace: 2,
			projected: 1.55,
			projectedLow: 1,
			status: 'met'
		});
		expect(r.projectedSd).toBeCloseTo(Math.sqrt(0.2975), 12);
		expect(r.projectedHigh).toBeCloseTo(2.249030272, 8);
	});

	it('is ahead when actual reaches the pace line', () => {
		// r2: B 500; expectedByNow 400: pace 1.25 -> ahead. Kept: E (75): projected 575,
		// sd = sqrt(0.09 * 750^2) = 225, low = max(500, 575 - 288.36) = 500, high = 863.36.
		const r = row('tC');
		expect(r).toMatchObject({
			actual: 500,
			expectedByNow: 400,
			attainment: 0.625,
			pace: 1.25,
			projected: 575,
			projectedLow: 500,
			status: 'ahead'
		});
		expect(r.projectedSd).toBeCloseTo(225, 9);
		expect(r.projectedHigh).toBeCloseTo(575 + Z * 225, 9);
	});

	it('is upcoming with elapsed 0, and projects the pipeline closing in a future window', () => {
		// W = [03-01, 04-01) starts after asOf: elapsed 0, expectedByNow 0 -> pace null. Kept:
		// G (03-20 in [03-01, 04-01)): projected 750, sd = sqrt(0.1875) * 1000 = 433.013,
		// low = 750 - 554.949 = 195.051 (not clipped), high = 1304.949.
		const r = row('tD');
		expect(r).toMatchObject({
			repId: 'r3',
			actual: 0,
			elapsed: 0,
			expectedByNow: 0,
			attainment: 0,
			pace: null,
			projected: 750,
			status: 'upcoming'
		});
		expect(r.projectedSd).toBeCloseTo(433.0127019, 6);
		expect(r.projectedLow).toBeCloseTo(195.0509213, 6);
		expect(r.projectedHigh).toBeCloseTo(1304.9490787, 6);
	});

	it('counts new leads over a window straddling P, with elapsed 1 and a run rate', () => {
		// repId '' is the team. W = [2024-12-01, 2025-02-01) ended before asOf: elapsed 1.
		// Created in W: A, B, C, F (D on 02-01 is W's end, excluded) -> 4 < 5: behind.
		// Run rate 4 / 1 = 4, no spread.
		expect(row('tE')).toEqual({
			id: 'tE',
			metric: 'newLeads',
			repId: null,
			from: '2024-12-01',
			to: '2025-01-31',
			amount: 5,
			actual: 4,
			elapsed: 1,
			expectedByNow: 5,
			attainment: 0.8,
			pace: 0.8,
			projected: 4,
			projectedSd: null,
			projectedLow: 4,
			projectedHigh: 4,
			status: 'behind'
		});
	});

	it("counts a rep's opportunities before asOf", () => {
		// r1: A (won 01-20), C (proposal 02-01), D (qualified 02-05); F's opportunity (won
		// 02-20) is after asOf. 3 of 4, expectedByNow 2: pace 1.5, run rate 3 / 0.5 = 6.
		expect(row('tF')).toMatchObject({
			actual: 3,
			expectedByNow: 2,
			attainment: 0.75,
			pace: 1.5,
			projected: 6,
			projectedSd: null,
			projectedLow: 6,
			projectedHigh: 6,
			status: 'ahead'
		});
	});

	it("counts a rep's activities with or without a lead", () => {
		// r2: 01-25 (no lead), 02-12 (lead E); 02-20 is after asOf. 2 of 10, pace 2 / 5.
		expect(row('tG')).toMatchObject({
			actual: 2,
			expectedByNow: 5,
			attainment: 0.2,
			pace: 0.4,
			projected: 4,
			status: 'behind'
		});
	});

	it('has no attainment for amount 0, and is met', () => {
		// W = January: 01-03 (r1) and 01-25 (r2); 2024-12-31 is before W. elapsed 1.
		expect(row('tH')).toMatchObject({
			repId: null,
			amount: 0,
			actual: 2,
			elapsed: 1,
			expectedByNow: 0,
			attainment: null,
			pace: null,
			projected: 2,
			status: 'met'
		});
	});

	it("keeps only the listed reps' targets under a rep filter, the team targets left out", () => {
		const r = kpis(records, { ...P, reps: ['r2'] }).targets.rows;
		expect(r.map((x) => x.id)).toEqual(['tC', 'tG']);
		// The pipeline's reference figures come from r2's leads only: mean won value 500 (B),
		// mean cycle 25 d. E: value 500, close 02-12 + 25 d = 03-09 in W: 0.1 * 500 = 50.
		// projected 550, sd = sqrt(0.09 * 500^2) = 150, low = max(500, 357.76) = 500,
		// high = 550 + 192.24 = 742.24.
		expect(r[0]).toMatchObject({ actual: 500, projected: 550, projectedLow: 500 });
		expect(r[0].projectedSd).toBeCloseTo(150, 9);
		expect(r[0].projectedHigh).toBeCloseTo(742.24, 9);
		expect(r[1].actual).toBe(2);
		expect(kpis(records, { ...P, reps: ['r1', 'r3'] }).targets.rows.map((x) => x.id)).toEqual([
			'tB',
			'tD',
			'tF'
		]);
	});

	it('counts only the leads and activities that pass an origin filter', () => {
		const r = kpis(records, { ...P, origins: ['marketing'] }).targets.rows;
		const get = (id: string) => r.find((x) => x.id === id)!;
		// Only B is a marketing lead: won 500, no open marketing lead -> sd 0, low = high.
		expect(get('tA')).toMatchObject({
			actual: 500,
			projected: 500,
			projectedSd: 0,
			projectedLow: 500,
			projectedHigh: 500
		});
		// New leads in W: B only. Activities: E's is a sales lead's, the others have no lead.
		expect(get('tE').actual).toBe(1);
		expect(get('tG').actual).toBe(0);
		expect(get('tH')).toMatchObject({ actual: 0, status: 'met' });
	});

	it('reads W in the time zone', () => {
		// In New York W = [01-01 05:00Z, 04-01 04:00Z): asOf 02-15 00:00Z is 44 d 19 h in,
		// of 89 d 23 h (DST starts 03-09): elapsed = 1075 / 2159.
		const r = kpis(records, { ...P, timeZone: 'America/New_York' }).targets.rows;
		expect(r.find((x) => x.id === 'tA')!.elapsed).toBeCloseTo(1075 / 2159, 12);
	});
});
