// Proves the browser harness works: time to open a page and load a project module.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_HARNESS_URL, launchChromium, report } from './bench-util';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-bench-'));
const ctx = await launchChromium(dir);
try {
	const page = await ctx.newPage();
	const t = performance.now();
	await page.goto(BENCH_HARNESS_URL);
	const v = await page.evaluate(async () => {
		const m = (await window.benchModule('smoke')) as { ping: () => number };
		return m.ping();
	});
	const ms = performance.now() - t;
	if (v !== Date.UTC(2026, 0, 1)) throw new Error('harness returned ' + v);
	report({ figure: 'bench harness: open page + load module', median: ms, unit: 'ms', runs: 1 });
} finally {
	await ctx.close();
	rmSync(dir, { recursive: true, force: true });
}
