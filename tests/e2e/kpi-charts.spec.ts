// The KPI pages' charts in Chromium at 360 px, with the demo data loaded through the first-run
// screen: every page draws its charts, churn over time equals the engine bucket by bucket, the
// response-time histogram counts the same leads as the figure, and a chart downloads as PNG.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { generateDemo } from '../../src/lib/demo/generate-demo';
import { parseInstant } from '../../src/lib/domain/time';
import { computeKpis, datasetFromRecords } from '../../src/lib/kpi/index';
import type { KpiKey } from '../../src/lib/kpi/result-types';
import { seriesBuckets } from '../../src/lib/dashboard/churn-series';
import { presetRange, type PeriodPreset } from '../../src/lib/dashboard/periods';
import { KPI_SLUGS } from '../../src/lib/dashboard/tiles';
import { expect, test } from './fixtures';

const NOW = '2026-11-27T12:00:00.000Z';
const TZ = 'Europe/Copenhagen';
const now = Date.parse(NOW);

const file = generateDemo({ size: 'S', now: NOW, timeZone: TZ });
const dataset = datasetFromRecords(file, TZ);

test.use({ timezoneId: TZ, locale: 'en-GB', viewport: { width: 360, height: 740 } });

async function loadDemo(page: Page) {
	await page.clock.setFixedTime(new Date(NOW));
	// Wide while the demo loads: the workspace name that says it is stored sits in the sidebar.
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await page.getByRole('button', { name: 'Try with demo data' }).click();
	await expect(page.getByText('Demo: Nordic team (S)').first()).toBeVisible({ timeout: 30_000 });
	await page.setViewportSize({ width: 360, height: 740 });
}

/** Waits until the page's tile shows fresh figures (not the cache, not a computation). */
async function settled(page: Page) {
	await expect(page.locator('[role=status][data-updating]').first()).toHaveAttribute(
		'data-updating',
		'false',
		{ timeout: 30_000 }
	);
	await expect(page.locator('article[data-filled="true"]')).toHaveCount(1);
}

/** The cells of a chart's table alternative, row by row. */
function tableRows(page: Page, chart: string): Promise<string[][]> {
	return page
		.locator(`figure[data-chart="${chart}"] table tbody tr`)
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
		);
}

const count = (text: string) => Number(text.replace(/[^\d-]/g, ''));

// The charts each page draws with the demo data over the last 90 days.
const CHARTS: Record<KpiKey, string[]> = {
	salesCycle: ['cycle'],
	winLoss: ['outcome'],
	costPerLead: ['campaigns', 'roi'],
	stageDistribution: ['funnel', 'stages', 'days-in-stage'],
	activities: ['series', 'by-type', 'by-rep', 'seasonality'],
	opportunities: ['origin'],
	responseTime: ['distribution', 'by-rep'],
	followUp: ['by-rep'],
	responses: ['by-rep'],
	leadOrigin: ['series'],
	// Then the panels of the forecast keys: the pipeline's own forecast, the calibration.
	forecastAccuracy: ['forecast', 'pipeline-forecast'],
	weightedPipeline: ['range', 'stages', 'projection', 'projection-range', 'by-rep', 'calibration'],
	churn: ['customers', 'churn-series']
};

test('every KPI page draws its charts on canvas at 360 px, without sideways scrolling', async ({
	page
}) => {
	test.setTimeout(120_000);
	await loadDemo(page);
	for (const [kpi, ids] of Object.entries(CHARTS) as [KpiKey, string[]][]) {
		await page.goto(`/kpi/${KPI_SLUGS[kpi]}?period=last-90-days`);
		await settled(page);
		const figures = page.locator('figure.chart');
		await expect(figures, kpi).toHaveCount(ids.length, { timeout: 15_000 });
		expect(await figures.evaluateAll((f) => f.map((x) => x.getAttribute('data-chart')))).toEqual(
			ids
		);
		await expect(page.locator('figure.chart canvas'), kpi).toHaveCount(ids.length);
		// Each one drawn and sized to its box, not a zero-width canvas.
		for (const canvas of await page.locator('figure.chart canvas').all()) {
			const box = (await canvas.boundingBox())!;
			expect(box.width, kpi).toBeGreaterThan(200);
			expect(box.width, kpi).toBeLessThanOrEqual(360);
		}
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, kpi).toBeLessThanOrEqual(0);
	}
});

async function expectChurnRows(page: Page, preset: PeriodPreset, granularity: 'week' | 'month') {
	const range = presetRange(preset, now, TZ);
	const plan = seriesBuckets(range, granularity, TZ);
	const want = plan.buckets.map((b) => {
		const c = computeKpis(dataset, {
			from: b.from,
			to: b.to,
			now,
			timeZone: TZ,
			granularity,
			pipelineMode: 'configured'
		}).churn;
		return { key: b.key, atStart: c.atStart, churned: c.churned, rate: c.rate };
	});
	// The bucket figures arrive after the page's own figures: wait for this view's rows.
	await expect
		.poll(async () => (await tableRows(page, 'churn-series')).map((r) => r[0]), {
			timeout: 20_000
		})
		.toEqual(want.map((w) => w.key));
	const rows = await tableRows(page, 'churn-series');
	rows.forEach((row, i) => {
		const w = want[i];
		expect(count(row[1]), w.key).toBe(w.atStart);
		expect(count(row[2]), w.key).toBe(w.churned);
		if (w.rate === null) expect(row[3], w.key).toBe('–');
		else expect(Math.abs(parseFloat(row[3]) - w.rate * 100), w.key).toBeLessThanOrEqual(0.05);
	});
	return want;
}

test('churn over time: one row per bucket, each equal to the engine for that bucket’s period', async ({
	page
}) => {
	await loadDemo(page);
	// The last 90 days by week: 14 weeks, the first and last cut at the period's edges.
	await page.goto('/kpi/churn?period=last-90-days&granularity=week');
	await settled(page);
	const weeks = await expectChurnRows(page, 'last-90-days', 'week');
	expect(weeks.length).toBeGreaterThanOrEqual(13);
	// Some customers churn in the demo, so the rows are not all zero.
	expect(weeks.some((w) => w.churned > 0)).toBe(true);

	// This month by month is one bucket: the chart shows the 12 months up to it instead.
	await page.getByRole('combobox').first().selectOption('this-month');
	await page.getByLabel('Group by').selectOption('month');
	await settled(page);
	const months = await expectChurnRows(page, 'this-month', 'month');
	expect(months).toHaveLength(12);
	expect(months.at(-1)!.key).toBe('2026-11-01');
});

/** Hours to first contact of the cohort's contacted leads, from the demo file itself. */
function demoResponseHours(from: number, to: number): number[] {
	const live = new Set(file.leads.filter((l) => !l.deletedAt).map((l) => l.id));
	const first = new Map<string, number>();
	for (const a of file.activities) {
		if (a.deletedAt || !a.leadId || !live.has(a.leadId)) continue;
		const at = parseInstant(a.at, TZ);
		if (!(first.get(a.leadId)! <= at)) first.set(a.leadId, at);
	}
	const hours: number[] = [];
	for (const l of file.leads) {
		if (l.deletedAt) continue;
		const created = parseInstant(l.createdAt, TZ);
		if (created < from || created >= to || !first.has(l.id)) continue;
		hours.push(Math.max(0, first.get(l.id)! - created) / 3_600_000);
	}
	return hours;
}

test('the response-time histogram counts the leads behind the figure, bin by bin', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/kpi/response-time?period=last-90-days');
	await settled(page);
	const range = presetRange('last-90-days', now, TZ);
	const hours = demoResponseHours(range.from, range.to);
	const figure = computeKpis(dataset, { ...range, now, timeZone: TZ }).responseTime;
	expect(hours.length).toBe(figure.count);
	// Bins < 1 h, 1-4 h, 4-24 h, 1-3 days, 3-7 days, > 7 days, counted here from the file.
	const edges = [1, 4, 24, 72, 168, Infinity];
	const bins = edges.map((e, i) => hours.filter((h) => h >= (edges[i - 1] ?? 0) && h < e).length);

	await expect(page.locator('figure[data-chart="distribution"] canvas')).toHaveCount(1, {
		timeout: 15_000
	});
	const rows = await tableRows(page, 'distribution');
	expect(rows.map((r) => r[0])).toEqual([
		'< 1 h',
		'1–4 h',
		'4–24 h',
		'1–3 days',
		'3–7 days',
		'> 7 days',
		'Total'
	]);
	expect(rows.slice(0, 6).map((r) => count(r[1]))).toEqual(bins);
	expect(count(rows[6][1])).toBe(figure.count);
	await expect(page.locator('figure[data-chart="distribution"] .summary')).toContainText(
		`${figure.count.toLocaleString('en-GB')} leads`
	);
});

test('a chart downloads as a PNG image', async ({ page }) => {
	await loadDemo(page);
	await page.goto('/kpi/churn?period=last-90-days');
	await settled(page);
	const chart = page.locator('figure[data-chart="churn-series"]');
	await expect(chart.locator('canvas')).toHaveCount(1, { timeout: 20_000 });
	const button = chart.getByRole('button', { name: 'Download PNG' });
	await expect(button).toBeEnabled();
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(download.suggestedFilename()).toBe('churn-churn-series.png');
	const bytes = await readFile((await download.path())!);
	// The PNG signature, then an image of some substance (not an empty canvas).
	expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	expect(bytes.length).toBeGreaterThan(5_000);
});

test('a chart follows its container when the window narrows, and in the dark theme', async ({
	page
}) => {
	await loadDemo(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/kpi/response-time?period=last-90-days');
	await settled(page);
	const canvas = page.locator('figure[data-chart="distribution"] canvas');
	await expect(canvas).toHaveCount(1, { timeout: 15_000 });
	const wide = (await canvas.boundingBox())!.width;
	expect(wide).toBeGreaterThan(500);
	await page.setViewportSize({ width: 360, height: 740 });
	await expect.poll(async () => (await canvas.boundingBox())!.width).toBeLessThan(340);

	// The dark theme redraws the chart in its colours: the pixels change, the chart stays.
	const light = await canvas.screenshot();
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(async () => (await canvas.screenshot()).equals(light)).toBe(false);
	await expect(canvas).toHaveCount(1);
});

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test.describe('accessibility', () => {
	// axe is injected as an inline script: the app's Content Security Policy would block it.
	test.use({ bypassCSP: true });

	test('the new charts pass WCAG A/AA with their tables open, light and dark, at 360 px', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await loadDemo(page);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			for (const [slug, chart] of [
				['churn', 'churn-series'],
				['response-time', 'distribution'],
				['forecast-accuracy', 'forecast'],
				['stage-distribution', 'funnel']
			]) {
				await page.goto(`/kpi/${slug}?period=last-90-days`);
				await settled(page);
				const figure = page.locator(`figure[data-chart="${chart}"]`);
				await expect(figure.locator('canvas')).toHaveCount(1, { timeout: 20_000 });
				await figure.locator('details summary').click();
				await page.addScriptTag({ path: AXE_PATH });
				const violations = await page.evaluate(async () => {
					const axe = (
						window as unknown as {
							axe: {
								run: (o: object) => Promise<{
									violations: { id: string; nodes: { target: string[] }[] }[];
								}>;
							};
						}
					).axe;
					const r = await axe.run({
						runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }
					});
					return r.violations.map((v) => `${v.id} at ${v.nodes[0]?.target.join(' ')}`);
				});
				expect(violations, `${slug} ${scheme}`).toEqual([]);
			}
		}
	});
});
