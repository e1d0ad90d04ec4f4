import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

describe('weighted pipeline charts', () => {
	it('weighted pipeline per rep: the largest weighted pipeline first, in money', () => {
		const r = resultWith({
			weightedPipeline: {
				byRep: {
					a: { count: 2, total: 1000, weighted: 100 },
					b: { count: 1, total: 500, weighted: 400 }
				}
			}
		});
		const byRep = charts(r.weightedPipeline, ctx).find((c) => c.id === 'by-rep')!;
		expect(byRep.title).toBe('Weighted pipeline per rep');
		expect(byRep.rows.map((row) => row[0])).toEqual(['Rep b', 'Rep a']);
		expect(byRep.rows[0].join(' ')).toMatch(/500.*400/);
	});
});

describe('weighted pipeline ranges', () => {
	const r = resultWith({
		weightedPipeline: {
			weighted: 38000,
			range: {
				sd: 13416,
				low: 20806,
				high: 55194,
				projectionRange: {
					'2026-04': { expected: 8000, sd: 1000, low: 6718, high: 9282 },
					'2026-03': { expected: 30000, sd: 12000, low: 14621, high: 45379 }
				}
			}
		}
	}).weightedPipeline;

	it('the total: a floating bar from low to high with the weighted figure, and its table', () => {
		const c = charts(r, ctx).find((x) => x.id === 'range')!;
		expect(c.title).toBe('Weighted pipeline with its 10–90 % range');
		expect(c.columns).toEqual(['', 'Low (10 %)', 'Weighted', 'High (90 %)']);
		expect(c.rows[0].slice(1).join(' | ')).toMatch(/20,806 \| DKK\s38,000 \| DKK\s55,194/);
		const series = (c.options as { series: { data: unknown[] }[] }).series;
		// The invisible base up to low, the band's width on top of it, the marker at weighted.
		expect(series.map((s) => s.data)).toEqual([[20806], [34388], [38000]]);
		expect(c.summary).toMatch(/between DKK\s20,806 and DKK\s55,194/);
	});

	it('per month in month order, each with its range', () => {
		const c = charts(r, ctx).find((x) => x.id === 'projection-range')!;
		expect(c.rows.map((row) => row[0])).toEqual(['2026-03', '2026-04']);
		const series = (c.options as { series: { data: unknown[] }[] }).series;
		expect(series[0].data).toEqual([14621, 6718]);
		expect(series[2].data).toEqual([30000, 8000]);
	});

	it('the tooltip writes names as text', () => {
		const c = charts(r, ctx).find((x) => x.id === 'range')!;
		const tip = (c.options as { tooltip: { formatter: (p: unknown) => string } }).tooltip;
		expect(tip.formatter([{ dataIndex: 0 }])).toMatch(
			/^Weighted pipeline<br>Weighted: DKK\s38,000<br>/
		);
	});
});
