// The dashboard in Chromium with the demo data loaded through the first-run screen. Every
// tile's figure must equal what the KPI engine computes in Node from the same deterministic demo
// file for the same period, zone, clock and filters.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import {
	demoFile as file,
	engineKpis,
	expectTiles,
	loadDemo,
	settled,
	tileValues,
	TZ
} from './dashboard-support';
import { expect, test } from './fixtures';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// The overview route of the KPI pages; the lead mounts the same view on `/`.
const DASH = '/';

const repId = file.reps[0].id;

test.use({ timezoneId: TZ, locale: 'en-GB' });

test('every tile equals the engine; the period and the rep filter change the figures', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto(`${DASH}?period=last-90-days`);
	await settled(page);
	const first = await tileValues(page);
	const want = engineKpis('last-90-days');
	expectTiles(first, want);
	// The formatted figure and the change are there for people too.
	const winLoss = page.locator('article[data-kpi="winLoss"]');
	await expect(winLoss).toContainText(`${want.winLoss.won} won · ${want.winLoss.lost} lost`);
	await expect(winLoss.locator('.visually-hidden')).toHaveText(/previous period/);

	// Another period: new figures, again the engine's.
	await page.getByRole('combobox').first().selectOption('last-year');
	await expect(page).toHaveURL(/period=last-year/);
	await settled(page);
	const lastYear = await tileValues(page);
	expectTiles(lastYear, engineKpis('last-year'));
	expect(lastYear.activities).not.toBe(first.activities);

	// The rep filter: team-wide forecasts drop out, so forecast accuracy moves.
	await page.getByText('Reps:').click();
	await page.getByRole('checkbox', { name: file.reps[0].name }).check();
	await expect(page).toHaveURL(new RegExp(`reps=${repId}`));
	await settled(page);
	const filtered = await tileValues(page);
	expectTiles(filtered, engineKpis('last-year', { reps: [repId] }));
	expect(filtered.forecastAccuracy).not.toBe(lastYear.forecastAccuracy);

	// The view lives in the URL and in storage: a reload keeps it.
	await page.reload();
	await settled(page);
	expect(await tileValues(page)).toEqual(filtered);
	await expect(page.getByRole('combobox').first()).toHaveValue('last-year');
});

test('a drill-through list holds exactly as many records as the figure counts', async ({
	page
}) => {
	await loadDemo(page);
	const want = engineKpis('last-90-days');
	await page.goto(`${DASH}?period=last-90-days`);
	await settled(page);
	await page.getByRole('link', { name: 'Win rate' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Win rate' })).toBeVisible();
	await expect(page).toHaveURL(/\/kpi\/win-loss\?period=last-90-days/);
	await expect(page.getByTestId('formula')).toContainText(
		`= ${want.winLoss.won} ÷ (${want.winLoss.won} + ${want.winLoss.lost}) =`
	);

	const count = page.getByTestId('drill-count');
	const rows = page.getByTestId('drill-list').locator('li');
	await expect(count).toHaveAttribute('data-count', String(want.winLoss.won));
	await expect(rows).toHaveCount(Math.min(50, want.winLoss.won));

	await page.locator('label.part', { hasText: /^\s*Lost/ }).click();
	await expect(page.getByRole('radio', { name: /^Lost/ })).toBeChecked();
	await expect(count).toHaveAttribute('data-count', String(want.winLoss.lost));
	// Pages of 50: show the rest, then every lost deal is listed once.
	const more = page.getByRole('button', { name: /^Show \d+ more/ });
	for (let shown = 50; shown < want.winLoss.lost; shown += 50) {
		await expect(rows).toHaveCount(shown);
		await more.click();
	}
	await expect(more).toHaveCount(0);
	await expect(rows).toHaveCount(want.winLoss.lost);

	// A lead opens its page.
	const name = (await rows.first().getByRole('link').textContent())!.trim();
	await rows.first().getByRole('link').click();
	await expect(page).toHaveURL(/\/leads\//);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});

test('charts render on canvas with a table alternative, also at 360 px without sideways scroll', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/kpi/activities?period=last-90-days');
	await expect(page.locator('figure.chart canvas')).toHaveCount(4, { timeout: 15_000 });
	await expect(page.getByRole('button', { name: 'Download PNG' }).first()).toBeEnabled();
	await page.getByText('Data as a table').first().click();
	await expect(page.locator('figure.chart table').first()).toBeVisible();

	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of [
		`${DASH}?period=last-90-days`,
		'/kpi/weighted-pipeline',
		'/kpi/stage-distribution'
	]) {
		await page.goto(path);
		await settled(page, path.startsWith(DASH + '?') ? 13 : 1);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	await expect(page.locator('figure.chart canvas').first()).toBeVisible();
});

test('the pipeline page switches to historical probabilities', async ({ page }) => {
	await loadDemo(page);
	await page.goto('/kpi/weighted-pipeline?period=last-90-days');
	await settled(page, 1);
	const tile = page.locator('article[data-kpi="weightedPipeline"]');
	const configured = await tile.getAttribute('data-value');
	await page.getByRole('radio', { name: 'Historical' }).check();
	await expect(page).toHaveURL(/pipeline=historical/);
	await settled(page, 1);
	const want = engineKpis('last-90-days', { pipelineMode: 'historical' });
	await expect(tile).not.toHaveAttribute('data-value', configured ?? '');
	const shown = Number(await tile.getAttribute('data-value'));
	const w = want.weightedPipeline.weighted;
	expect(Math.abs(shown - w)).toBeLessThanOrEqual(1e-9 * w);
	expect(Math.abs(Number(configured) - w)).toBeGreaterThan(1);
});

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE_PATH });
	const result = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> };
			}
		).axe;
		return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
	});
	return result.violations.map(
		(v) =>
			`${v.id}: ${v.help} at ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')}`
	);
}

test.describe('accessibility', () => {
	// axe is injected as an inline script: the app's Content Security Policy would block it.
	test.use({ bypassCSP: true });

	test('no WCAG A/AA violations on the dashboard and KPI pages, light and dark, 1280 and 360 px', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await loadDemo(page);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			for (const width of [1280, 360]) {
				await page.setViewportSize({ width, height: 800 });
				for (const path of [DASH, '/kpi/win-loss', '/kpi/activities', '/kpi/weighted-pipeline']) {
					await page.goto(`${path}?period=last-90-days`);
					await settled(page, path === DASH ? 13 : 1);
					// Open the first table alternative and the reps list: they must pass too.
					await page.locator('details summary').first().click();
					expect(await axeViolations(page), `${path} ${scheme} ${width}px`).toEqual([]);
				}
			}
		}
	});
});
