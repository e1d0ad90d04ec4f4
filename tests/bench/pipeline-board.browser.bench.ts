// The pipeline board in Chromium with M and L demo data stored (`npm run bench --
// pipeline-board`): time from navigation until the first card shows, how many cards are in the
// DOM (the columns are virtualised: only the cards in view), and wheel scrolling down the
// largest column (p95 frame, longest task). A p95 of 16.7-16.8 ms is one 60 Hz frame each.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_HARNESS_URL, BENCH_URL, launchChromium, median, report } from './bench-util';

// BOARD_SIZES=M runs only M (a quick check while working).
const sizes = (process.env.BOARD_SIZES ?? 'M,L').split(',') as ('M' | 'L')[];

function p95(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

for (const size of sizes) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-board-bench-'));
	let ctx: Awaited<ReturnType<typeof launchChromium>> | undefined;
	try {
		ctx = await launchChromium(dir);
		const page = await ctx.newPage();
		// tsx keeps function names with a `__name` helper that the page does not have.
		await page.addInitScript('globalThis.__name = (f) => f');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(BENCH_HARNESS_URL);
		const loaded = await page.evaluate(async (size) => {
			const m = await window.benchModule('kpi-worker');
			return (m.loadDemo as (n: string, s: string) => Promise<{ leads: number }>)('tragt', size);
		}, size);

		const t0 = Date.now();
		await page.goto(`${BENCH_URL}/board`);
		await page.locator('.lead-card').first().waitFor({ timeout: 120_000 });
		const firstMs = Date.now() - t0;
		await page.waitForTimeout(3000); // start-up work (lookups, live queries) settles

		// The largest column, and how many of its cards are actually rendered.
		const biggest = await page.evaluate(() => {
			let best = { stage: '', count: 0 };
			for (const col of document.querySelectorAll<HTMLElement>('[data-stage]')) {
				const n = Number(col.querySelector('ul')?.style.height.replace('px', '') ?? 0);
				if (n > best.count) best = { stage: col.dataset.stage ?? '', count: n };
			}
			return best;
		});
		const col = page.locator(`[data-stage="${biggest.stage}"]`);
		const header = (await col.locator('header .figures span').first().textContent()) ?? '';
		const cardsInDom = await page.locator('.lead-card').count();
		report({
			figure: `Board: first card shown (${loaded.leads.toLocaleString('en')} leads, ${size})`,
			median: firstMs,
			unit: 'ms',
			runs: 1,
			note: `${cardsInDom} cards in the DOM; largest column ${biggest.stage}: ${header}`
		});

		await page.evaluate(() => {
			const w = window as unknown as { __frames: number[]; __long: number[]; __on: boolean };
			w.__frames = [];
			w.__long = [];
			w.__on = false;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) if (w.__on) w.__long.push(e.duration);
			}).observe({ type: 'longtask', buffered: false });
			let last = performance.now();
			const tick = (t: number) => {
				if (w.__on) w.__frames.push(t - last);
				last = t;
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		const box = (await col.locator('.cards').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		for (const [name, step, count] of [
			['100 px wheel steps', 100, 120],
			['2000 px jumps', 2000, 40]
		] as const) {
			await page.evaluate(() => {
				const w = window as unknown as { __frames: number[]; __long: number[]; __on: boolean };
				w.__frames = [];
				w.__long = [];
				w.__on = true;
			});
			for (let i = 0; i < count; i++) {
				await page.mouse.wheel(0, step);
				await page.waitForTimeout(16);
			}
			await page.waitForTimeout(300);
			const r = await page.evaluate(() => {
				const w = window as unknown as { __frames: number[]; __long: number[]; __on: boolean };
				w.__on = false;
				return { frames: w.__frames, long: w.__long };
			});
			const after = await page.locator('.lead-card').count();
			report({
				figure: `Board (${size}): scrolling a column, ${name}, p95 frame`,
				median: p95(r.frames),
				unit: 'ms',
				target: 16.7,
				runs: r.frames.length,
				note: `median frame ${median(r.frames).toFixed(1)} ms; longest task ${Math.round(Math.max(0, ...r.long))} ms; ${after} cards in the DOM`
			});
		}
	} finally {
		await ctx?.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
