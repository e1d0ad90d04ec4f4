import { describe, expect, it } from 'vitest';
import { cumulative, Random } from './prng';

function draws(seed: number, n: number): number[] {
	const r = new Random(seed);
	return Array.from({ length: n }, () => r.next());
}

describe('Random', () => {
	it('repeats the same sequence for the same seed and differs for another', () => {
		expect(draws(42, 50)).toEqual(draws(42, 50));
		expect(draws(42, 50)).not.toEqual(draws(43, 50));
	});

	it('gives floats in [0, 1) spread evenly', () => {
		const xs = draws(1, 20_000);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		const buckets = new Array(10).fill(0);
		for (const x of xs) buckets[Math.floor(x * 10)]++;
		// 2,000 expected per bucket; 5 standard deviations is about 210.
		for (const b of buckets) expect(Math.abs(b - 2_000)).toBeLessThan(250);
	});

	it('draws indexes in proportion to weights', () => {
		const r = new Random(3);
		const cum = cumulative([1, 0, 3]);
		const counts = [0, 0, 0];
		for (let i = 0; i < 8_000; i++) counts[r.weighted(cum)]++;
		expect(counts[1]).toBe(0);
		expect(counts[2] / counts[0]).toBeGreaterThan(2.6);
		expect(counts[2] / counts[0]).toBeLessThan(3.4);
	});

	it('draws log-normal values around the median', () => {
		const r = new Random(5);
		const xs = Array.from({ length: 10_001 }, () => r.logNormal(10, 0.8)).sort((a, b) => a - b);
		expect(xs[5_000]).toBeGreaterThan(9.4);
		expect(xs[5_000]).toBeLessThan(10.6);
		expect(xs[0]).toBeGreaterThan(0);
	});

	it('keeps int() within range', () => {
		const r = new Random(9);
		const seen = new Set<number>();
		for (let i = 0; i < 1_000; i++) seen.add(r.int(6));
		expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
