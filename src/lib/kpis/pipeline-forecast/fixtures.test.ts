// Hand-computed fixtures for `pipelineForecast` (spec/targets-and-forecast.md): every expected
// value is worked out in the comments from the records, and the reference implementation must
// agree.
import { describe, expect, it } from 'vitest';
import { t, workspace, lead, ev, kpis } from '../../../../tests/reference/kpi-fixture-kit';

// P = [03-01, 06-01), now 07-01: asOf = 06-01, from = 03-01 < asOf.
const P = { from: t('2025-03-01'), to: t('2025-06-01'), now: t('2025-07-01') };

const records = workspace({
	leads: [
		// Won before from: H1 (1000, cycle 31 d), H2 (no value, cycle 41 d). Mean won value at
		// from: 1000 (H2 has none); mean cycle (31 + 41) / 2 = 36 d. H3 and O5 lost before from.
		lead('H1', '2025-01-01', { value: 1000 }),
		lead('H2', '2025-01-10', { value: 0 }),
		lead('H3', '2025-01-15', { value: 50 }),
		// Open at from, in proposal (0.5), expected 04-30 (in P); won 04-10.
		lead('O1', '2025-02-01', { value: 2000, expectedCloseDate: '2025-04-30' }),
		// Open at from, qualified (0.25), no value (-> 1000), 02-05 + 36 d = 03-13 (in P).
		lead('O2', '2025-02-05', { value: 0 }),
		// Open at from, contacted (0.1), expected 08-15 (outside P), but won 03-20.
		lead('O3', '2025-02-10', { value: 500, expectedCloseDate: '2025-08-15' }),
		// Open at from, lead (0.05): 01-20 + 36 d = 02-25, before from: counts as from (in P).
		lead('O4', '2025-01-20', { value: 400 }),
		// Created after from, won 05-01: new business.
		lead('N1', '2025-03-05', { value: 700 }),
		lead('O5', '2025-02-20', { value: 300 })
	],
	stageEvents: [
		ev('H1', 'lead', '2025-01-01'),
		ev('H1', 'won', '2025-02-01'),
		ev('H2', 'lead', '2025-01-10'),
		ev('H2', 'won', '2025-02-20'),
		ev('H3', 'lead', '2025-01-15'),
		ev('H3', 'lost', '2025-02-10'),
		ev('O1', 'lead', '2025-02-01'),
		ev('O1', 'proposal', '2025-02-15'),
		ev('O1', 'won', '2025-04-10'),
		ev('O2', 'qualified', '2025-02-05'),
		ev('O3', 'contacted', '2025-02-10'),
		ev('O3', 'won', '2025-03-20'),
		ev('O4', 'lead', '2025-01-20'),
		ev('N1', 'lead', '2025-03-05'),
		ev('N1', 'won', '2025-05-01'),
		ev('O5', 'lead', '2025-02-20'),
		ev('O5', 'lost', '2025-02-25')
	]
});

describe('pipelineForecast', () => {
	it('rebuilds the pipeline at from and compares it with what was won in P', () => {
		const f = kpis(records, P).pipelineForecast;
		// Open at from: O1, O2, O3, O4. Kept (instant in P): O1 (0.5 * 2000 = 1000), O2
		// (0.25 * 1000 = 250), O4 (0.05 * 400 = 20): forecast 1270.
		// sd = sqrt(0.25 * 2000^2 + 0.1875 * 1000^2 + 0.0475 * 400^2)
		//    = sqrt(1,000,000 + 187,500 + 7,600) = sqrt(1,195,100) = 1093.206;
		// low = max(0, 1270 - 1401.053) = 0 (clipped), high = 2671.053.
		// Won in P: O1 2000, O3 500, N1 700 = 3200; from the pipeline at from: O1 and O3 (O3
		// though not kept) = 2500; new: 700. accuracy = 1 - 1930 / 3200 = 0.396875,
		// bias = -1930 / 3200 = -0.603125.
		expect(f).toMatchObject({
			reconstructed: true,
			count: 3,
			forecast: 1270,
			low: 0,
			actual: 3200,
			fromPipeline: 2500,
			fromNew: 700,
			accuracy: 0.396875,
			bias: -0.603125
		});
		expect(f.sd).toBeCloseTo(Math.sqrt(1_195_100), 9);
		expect(f.high).toBeCloseTo(2671.0531857, 6);
		expect(f.actual).toBe(kpis(records, P).winLoss.wonValue);
	});

	it('uses the historical probabilities of the leads closed before from', () => {
		const f = kpis(records, { ...P, pipelineMode: 'historical' }).pipelineForecast;
		// Closed before from: H1 won, H2 won, H3 lost, O5 lost. Reached lead: all four, 2 won
		// -> 0.5; contacted and beyond: H1 and H2 only -> 1. O1 (proposal) 1 * 2000, O2
		// (qualified) 1 * 1000, O4 (lead) 0.5 * 400: forecast 3200 = actual: accuracy 1,
		// bias 0. sd = sqrt(0 + 0 + 0.25 * 400^2) = 200; low 3200 - 256.32, high 3456.32.
		expect(f).toMatchObject({ count: 3, forecast: 3200, sd: 200, accuracy: 1, bias: 0 });
		expect(f.low).toBeCloseTo(2943.68, 9);
		expect(f.high).toBeCloseTo(3456.32, 9);
	});

	it('gives accuracy 0 and no bias when nothing was won but something forecast', () => {
		// P = June, asOf = 07-01 > from. Open at 06-01: O2 and O4. Won before 06-01 with a
		// value: H1 1000, O1 2000, O3 500, N1 700 -> mean 1050. Mean cycle of the five won:
		// (31 + 41 + 68 + 38 + 57) / 5 = 47 d: O2 03-24 and O4 03-08, before from: kept.
		// forecast = 0.25 * 1050 + 0.05 * 400 = 282.5. Nothing won in June.
		const f = kpis(records, {
			from: t('2025-06-01'),
			to: t('2025-07-01'),
			now: t('2025-08-01')
		}).pipelineForecast;
		expect(f).toMatchObject({
			count: 2,
			forecast: 282.5,
			actual: 0,
			fromPipeline: 0,
			fromNew: 0,
			accuracy: 0,
			bias: null
		});
	});

	it('is all null unless from < asOf', () => {
		const nothing = {
			reconstructed: true,
			count: null,
			forecast: null,
			sd: null,
			low: null,
			high: null,
			actual: null,
			fromPipeline: null,
			fromNew: null,
			accuracy: null,
			bias: null
		};
		// now before from, and now exactly at from.
		expect(
			kpis(records, { from: t('2025-07-01'), to: t('2025-08-01'), now: t('2025-06-01') })
				.pipelineForecast
		).toEqual(nothing);
		expect(kpis(records, { ...P, now: P.from }).pipelineForecast).toEqual(nothing);
	});

	it('counts only the filtered leads', () => {
		// Origins filter "marketing": no lead is marketing: nothing open, nothing won:
		// forecast 0 = actual 0 -> accuracy 1, bias null.
		expect(kpis(records, { ...P, origins: ['marketing'] }).pipelineForecast).toMatchObject({
			count: 0,
			forecast: 0,
			sd: 0,
			low: 0,
			high: 0,
			actual: 0,
			accuracy: 1,
			bias: null
		});
	});
});
