// A newcomer's first visit in Chromium, on a desktop and on a phone (390x844, touch, main thread
// slowed 4x), run by turns in one process so the ratio holds on a noisy machine: when the
// welcome screen is shown (its largest text painted: the static shell paints it from the HTML,
// issue #17), and when the app's own form has taken over from the shell.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_URL, launchProfile, median, PROFILES, profilePage, report } from './bench-util';
import type { Profile } from './bench-util';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const targets: Record<Profile, number | undefined> = { desktop: undefined, phone: 800 };

const shown: Record<Profile, number[]> = { desktop: [], phone: [] };
const ready: Record<Profile, number[]> = { desktop: [], phone: [] };

for (let run = 0; run < RUNS; run++) {
	for (const profile of PROFILES) {
		// A fresh profile each time: nothing stored, nothing cached, no service worker yet.
		const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-first-run-bench-'));
		try {
			const ctx = await launchProfile(dir, profile);
			const page = await profilePage(ctx, profile);
			await page.goto(`${BENCH_URL}/`, { waitUntil: 'commit' });
			// The app's own form is in place (the shell's fields have other ids).
			const t = await page.waitForFunction(
				() => document.getElementById('first-run-name') !== null && performance.now(),
				undefined,
				{ timeout: 60_000, polling: 'raf' }
			);
			ready[profile].push((await t.jsonValue()) as number);
			const lcp = await page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						new PerformanceObserver((list) => {
							const entries = list.getEntries();
							resolve(entries[entries.length - 1].startTime);
						}).observe({ type: 'largest-contentful-paint', buffered: true });
					})
			);
			shown[profile].push(lcp);
			await ctx.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
}

const label: Record<Profile, string> = { desktop: 'desktop', phone: 'phone, 4x CPU' };
for (const profile of PROFILES) {
	report({
		figure: `First-run screen shown, largest text painted (${label[profile]})`,
		median: median(shown[profile]),
		unit: 'ms',
		target: targets[profile],
		runs: RUNS,
		note: `runs ${shown[profile].map(Math.round).join(', ')} ms`
	});
	report({
		figure: `First-run form taken over by the app (${label[profile]})`,
		median: median(ready[profile]),
		unit: 'ms',
		runs: RUNS,
		note: `runs ${ready[profile].map(Math.round).join(', ')} ms; until then what is typed or pressed in the shell is kept`
	});
}
const ratio = median(shown.phone) / median(shown.desktop);
console.error(`phone / desktop: shown ${ratio.toFixed(2)}x`);
