// The KPI worker in a real browser: it opens IndexedDB itself, builds its dataset, and answers
// exactly what the engine gives on the same records; after an edit it refreshes incrementally.
import { expect, test } from '@playwright/test';
import { HARNESS_URL } from '../../playwright.config';

const request = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1), now: Date.UTC(2026, 10, 27) };

test('the worker computes the same KPIs as the engine, and follows an edit', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(HARNESS_URL);
	const out = await page.evaluate(async (request) => {
		const m = await window.benchModule('kpi-worker');
		const load = m.loadDemo as (n: string, s: string) => Promise<{ leads: number }>;
		const compute = m.workerCompute as (n: string, r: unknown) => Promise<{ response: any }>;
		const engine = m.engineCompute as (r: unknown) => any;
		const edit = m.editThenCompute as (n: string, r: unknown) => Promise<{ response: any }>;
		const loaded = await load('e2e-worker', 'S');
		const first = await compute('e2e-worker', request);
		const expected = engine(request);
		const after = await edit('e2e-worker', request);
		return { loaded, first: first.response, expected, after: after.response };
	}, request);
	expect(out.loaded.leads).toBeGreaterThan(500);
	expect(out.first.timings.refresh).toBe('cold');
	expect(out.first.result).toEqual(out.expected);
	expect(out.first.result.activities.total).toBeGreaterThan(0);
	// One call logged inside P: the activity count rises by exactly one, read incrementally.
	expect(out.after.timings.refresh).toBe('incremental');
	expect(out.after.result.activities.total).toBe(out.first.result.activities.total + 1);
	expect(errors).toEqual([]);
});
