// The pipeline board in Chromium with M and L demo data stored (`npm run bench --
// pipeline-board`): time from navigation until the first card shows, and the main thread's CPU
// time until then (from a Chromium trace: on a shared machine the wall time mostly measures
// the other jobs), how many cards are in the DOM (the columns are virtualised: only the cards in
// view), and wheel scrolling down the largest column (p95 frame, longest task, CPU per step).
// A p95 of 16.7-16.8 ms is one 60 Hz frame each.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { BENCH_HARNESS_URL, BENCH_URL, launchChromium, median, report } from './bench-util';
import { p95, SCROLL_PATTERNS, traceMainThread, watchFrames, wheelScroll } from './scroll-measure';

// BOARD_SIZES=M runs only M (a quick check while working).
const sizes = (process.env.BOARD_SIZES ?? 'M,L').split(',') as ('M' | 'L')[];
/** Opens of the board per size (the first one also fills the browser's caches). */
const OPENS = Number(process.env.BOARD_OPENS ?? 3);

/**
 * Navigates to the board and waits for its first card, with a trace running: the wall time,
 * the renderer main thread's CPU time from navigation to that card, and its longest task there
 * (wall and CPU).
 */
async function openBoard(ctx: BrowserContext, page: Page) {
	await page.goto('about:blank');
	let wall = 0;
	const { tasks, navigationStart } = await traceMainThread(ctx, page, async () => {
		const t0 = Date.now();
		await page.goto(`${BENCH_URL}/board`);
		await page.locator('.lead-card').first().waitFor({ timeout: 120_000 });
		wall = Date.now() - t0;
	});
	const from = navigationStart ?? tasks[0]?.at ?? 0;
	const until = tasks.filter((t) => t.at >= from && t.at <= from + wall);
	const longest = until.reduce((a, t) => (t.wall > a.wall ? t : a), { at: 0, wall: 0, cpu: 0 });
	return { wall, cpu: until.reduce((s, t) => s + t.cpu, 0), longest };
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

		const opens = [];
		for (let i = 0; i < OPENS; i++) opens.push(await openBoard(ctx, page));
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
		const leads = loaded.leads.toLocaleString('en');
		report({
			figure: `Board: first card shown (${leads} leads, ${size})`,
			median: median(opens.map((o) => o.wall)),
			unit: 'ms',
			runs: opens.length,
			note: `runs ${opens.map((o) => o.wall).join(' / ')} ms; ${cardsInDom} cards in the DOM; largest column ${biggest.stage}: ${header}`
		});
		report({
			figure: `Board: main-thread CPU until the first card (${size})`,
			median: median(opens.map((o) => o.cpu)),
			unit: 'ms',
			runs: opens.length,
			note: `longest task there ${Math.round(median(opens.map((o) => o.longest.wall)))} ms wall / ${Math.round(median(opens.map((o) => o.longest.cpu)))} ms CPU (Chromium trace)`
		});

		await watchFrames(page);
		const box = (await col.locator('.cards').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		for (const { name, step, count } of SCROLL_PATTERNS) {
			const r = await wheelScroll(page, step, count, dir, ctx);
			const after = await page.locator('.lead-card').count();
			report({
				figure: `Board (${size}): scrolling a column, ${name}, p95 frame`,
				median: p95(r.frames),
				unit: 'ms',
				target: 16.7,
				runs: r.frames.length,
				note: `median frame ${median(r.frames).toFixed(1)} ms; ${after} cards in the DOM`
			});
			report({
				figure: `Board (${size}): scrolling a column, ${name}, longest task`,
				median: Math.max(0, ...r.long),
				unit: 'ms',
				target: 50,
				runs: r.long.length,
				note: `${r.long.length} long tasks; longest main-thread task by CPU ${Math.round(r.longestTaskCpu)} ms (trace); Chromium CPU ${r.cpuPerStep.toFixed(1)} ms per step`
			});
		}
	} finally {
		await ctx?.close();
		rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	}
}
