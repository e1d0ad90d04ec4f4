// What the dashboard specs share: the S demo file the app loads (same seed, clock and zone), the
// KPI engine's result for it computed in Node (what every tile must equal), and the steps that
// load the demo and read the tiles.
import type { Page } from '@playwright/test';
import { presetRange, type PeriodPreset } from '../../src/lib/dashboard/periods';
import { emptyReason, headline, TILE_SPECS } from '../../src/lib/dashboard/tiles';
import { generateDemo } from '../../src/lib/demo/generate-demo';
import { computeKpis, datasetFromRecords } from '../../src/lib/kpi/index';
import type { KpiOptions, KpiResult } from '../../src/lib/kpi/result-types';
import { expect } from './fixtures';

export const NOW = '2026-11-27T12:00:00.000Z';
export const TZ = 'Europe/Copenhagen';

/** The demo file the first-run screen's "Try with demo data" stores. */
export const demoFile = generateDemo({ size: 'S', now: NOW, timeZone: TZ });
const dataset = datasetFromRecords(demoFile, TZ);

/** The engine's result for a period preset, weekly, with `options` (filters, pipeline mode). */
export function engineKpis(
	preset: PeriodPreset,
	options: Pick<KpiOptions, 'reps' | 'campaigns' | 'origins' | 'pipelineMode'> = {}
): KpiResult {
	const now = Date.parse(NOW);
	return computeKpis(dataset, {
		...presetRange(preset, now, TZ),
		now,
		timeZone: TZ,
		granularity: 'week',
		pipelineMode: 'configured',
		...options
	});
}

export async function loadDemo(page: Page) {
	// The app's clock is the demo's end, so "now" and the demo file match the engine's.
	await page.clock.setFixedTime(new Date(NOW));
	await page.goto('/');
	await page.getByRole('button', { name: 'Try with demo data' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
	// Wait until the demo is stored (the app shows its workspace name).
	await expect(page.getByText('Demo: Nordic team (S)').first()).toBeVisible({ timeout: 30_000 });
}

/** Waits until the tiles show fresh figures (not the cache, not a computation under way). */
export async function settled(page: Page, tiles = 13) {
	await expect(page.locator('[role=status][data-updating]').first()).toHaveAttribute(
		'data-updating',
		'false',
		{ timeout: 30_000 }
	);
	await expect(page.locator('article[data-filled="true"]')).toHaveCount(tiles);
}

/** Each tile's raw figure (its data-value) by KPI key. */
export async function tileValues(page: Page): Promise<Record<string, string>> {
	return page.$$eval('article[data-kpi]', (tiles) =>
		Object.fromEntries(tiles.map((t) => [t.getAttribute('data-kpi'), t.getAttribute('data-value')]))
	);
}

/** Every tile shows the engine's headline figure, or nothing where the engine has none. */
export function expectTiles(shown: Record<string, string>, r: KpiResult) {
	for (const { key } of TILE_SPECS) {
		if (emptyReason(key, r)) {
			expect(shown[key], key).toBe('');
			continue;
		}
		const want = headline(key, r)!;
		// Sums of money may add the same values in another order in the worker (its leads come
		// from IndexedDB): equal up to floating-point rounding, not bit for bit.
		expect(Math.abs(Number(shown[key]) - want), key).toBeLessThanOrEqual(
			1e-9 * Math.max(1, Math.abs(want))
		);
		expect(shown[key], key).not.toBe('');
	}
}
