// The KPI worker in a real browser: it opens IndexedDB itself, builds its dataset, and answers
// what the engine gives on the same records; after an edit it refreshes incrementally.
import { expect, test } from '@playwright/test';
import { HARNESS_URL } from '../../playwright.config';

const request = {
	from: Date.UTC(2025, 0, 1),
	to: Date.UTC(2026, 0, 1),
	now: Date.UTC(2026, 10, 27)
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface WorkerAnswer {
	result: { [key: string]: Json } & { activities: { total: number } };
	timings: { refresh: string };
}

/**
 * Equal, except that numbers may differ in the last bits: the worker sums money over its leads in
 * the order it holds them after incremental patches, which can round differently.
 */
function expectClose(actual: Json, expected: Json, path = 'result'): void {
	if (typeof expected === 'number' && typeof actual === 'number') {
		const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
		if (Math.abs(actual - expected) > tolerance) expect(actual, path).toBe(expected);
		return;
	}
	if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
		expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
		for (const k of Object.keys(expected)) {
			expectClose(
				(actual as Record<string, Json>)[k],
				(expected as Record<string, Json>)[k],
				`${path}.${k}`
			);
		}
		return;
	}
	expect(actual, path).toEqual(expected);
}

test('the worker computes the same KPIs as the engine, and follows an edit', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(HARNESS_URL);
	const out = await page.evaluate(async (request) => {
		const m = await window.benchModule('kpi-worker');
		const load = m.loadDemo as (n: string, s: string) => Promise<{ leads: number }>;
		const compute = m.workerCompute as (n: string, r: unknown) => Promise<{ response: unknown }>;
		const engine = m.engineCompute as (r: unknown) => unknown;
		const edit = m.editThenCompute as (n: string, r: unknown) => Promise<{ response: unknown }>;
		const loaded = await load('e2e-worker', 'S');
		const first = await compute('e2e-worker', request);
		const expected = engine(request);
		const after = await edit('e2e-worker', request);
		return { loaded, first: first.response, expected, after: after.response };
	}, request);
	const first = out.first as WorkerAnswer;
	const after = out.after as WorkerAnswer;
	expect(out.loaded.leads).toBeGreaterThan(500);
	expect(first.timings.refresh).toBe('cold');
	expectClose(first.result, out.expected as Json);
	expect(first.result.activities.total).toBeGreaterThan(0);
	// One call logged inside P: the activity count rises by exactly one, read incrementally.
	expect(after.timings.refresh).toBe('incremental');
	expect(after.result.activities.total).toBe(first.result.activities.total + 1);
	expect(errors).toEqual([]);
});
