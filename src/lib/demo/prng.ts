// A small seeded pseudo-random generator (sfc32), so the same seed gives the same demo data
// byte for byte in Node, the page and a Web Worker. Math.random cannot be seeded.

/** sfc32 with a splitmix32 seeding step; uniform floats in [0, 1). */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	// Box-Muller yields two normals per draw; keeping the spare halves the cost.
	private spare = NaN;

	constructor(seed: number) {
		let s = seed >>> 0;
		// splitmix32 spreads a small seed (1, 2, 3...) over all four words.
		const mix = (): number => {
			s = (s + 0x9e3779b9) | 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = mix();
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const a = this.a | 0;
		const b = this.b | 0;
		const c = this.c | 0;
		const t = (((a + b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = b ^ (b >>> 9);
		this.b = (c + (c << 3)) | 0;
		const c2 = (c << 21) | (c >>> 11);
		this.c = (c2 + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** A float in [lo, hi). */
	range(lo: number, hi: number): number {
		return lo + this.next() * (hi - lo);
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Index drawn from cumulative weights (last entry = total), by binary search. */
	weighted(cumulative: ArrayLike<number>): number {
		const n = cumulative.length;
		const x = this.next() * cumulative[n - 1];
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] > x) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** Standard normal. */
	normal(): number {
		if (!Number.isNaN(this.spare)) {
			const s = this.spare;
			this.spare = NaN;
			return s;
		}
		let u = this.next();
		while (u === 0) u = this.next();
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median; sigma is the spread of the underlying normal. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}
}

/** Cumulative sums of `weights`, for Random.weighted. */
export function cumulative(weights: readonly number[]): Float64Array {
	const out = new Float64Array(weights.length);
	let sum = 0;
	for (let i = 0; i < weights.length; i++) {
		sum += weights[i];
		out[i] = sum;
	}
	return out;
}
