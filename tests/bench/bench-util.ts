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
export const BENCH_HARNESS_URL =
	process.env.BENCH_HARNESS_URL ?? 'http://127.0.0.1:4399/__bench/index.html';

/** Launches Debian's Chromium with a fresh persistent profile in `userDataDir`. */
export async function launchChromium(userDataDir: string) {
	const { chromium } = await import('playwright-core');
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true
	});
}

/**
 * How a benchmark's browser looks to the app. `phone`: 390x844 with touch, the page's main
 * thread slowed 4x (DevTools' Emulation.setCPUThrottlingRate, as Lighthouse's mobile run slows
 * it). Workers cannot be slowed so: Chromium answers "Operation is only supported for pages, not
 * workers". So the KPI worker runs at full speed in the phone profile, and a dashboard figure
 * there understates a real phone by the worker's share (shown beside it in the notes).
 */
export type Profile = 'desktop' | 'phone';
export const PROFILES: readonly Profile[] = ['desktop', 'phone'];
const PHONE_CPU_SLOWDOWN = 4;

/** Launches Chromium as `launchChromium` does, shaped like the profile. */
export async function launchProfile(userDataDir: string, profile: Profile) {
	const { chromium } = await import('playwright-core');
	const phone = profile === 'phone';
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
		hasTouch: phone,
		isMobile: phone,
		deviceScaleFactor: phone ? 3 : 1
	});
}

type Context = Awaited<ReturnType<typeof launchProfile>>;

/** A new page in the profile's context; on the phone, its main thread slowed. */
export async function profilePage(ctx: Context, profile: Profile) {
	const page = await ctx.newPage();
	if (profile === 'phone') {
		const cdp = await ctx.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
	}
	return page;
}
