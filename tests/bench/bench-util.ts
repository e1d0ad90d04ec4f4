// Helpers for benchmark modules run by scripts/bench.mjs.

export interface BenchRow {
	figure: string;
	median: number;
	unit: string;
	target?: number;
	better?: 'lower' | 'higher';
	runs?: number;
	note?: string;
}

/** Prints one result line for scripts/bench.mjs to collect. */
export function report(row: BenchRow): void {
	console.log('BENCH ' + JSON.stringify({ better: 'lower', ...row }));
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and returns the median in ms. */
export async function timeMedian(fn: () => unknown, runs = 7, warmup = 1): Promise<number> {
	for (let i = 0; i < warmup; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		times.push(performance.now() - t);
	}
	return median(times);
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
export const BENCH_URL = process.env.BENCH_URL ?? 'http://127.0.0.1:4399';
/** The bare harness page (tests/bench/harness): `await window.benchModule('name')` in the page. */
export const BENCH_HARNESS_URL = process.env.BENCH_HARNESS_URL ?? 'http://127.0.0.1:4399/__bench/index.html';

/** Launches Debian's Chromium with a fresh persistent profile in `userDataDir`. */
export async function launchChromium(userDataDir: string) {
	const { chromium } = await import('playwright-core');
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true
	});
}
