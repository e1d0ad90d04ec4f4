// The dashboard's campaign and origin filters in Chromium with the demo data: every tile equals
// the KPI engine's result in Node for the same period and filters, the URL carries the filters
// and a reload keeps them, the KPI pages and their drill lists follow them, and one click
// clears them.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { emptyReason } from '../../src/lib/dashboard/tiles';
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

// The first campaign in the demo file (a marketing campaign running all year).
const campaign = file.campaigns.find((c) => !c.deletedAt)!;

test.use({ timezoneId: TZ, locale: 'en-GB' });

/** The forecast accuracy tile's words for the filters it ignores ('' when there are none). */
async function unfilteredMark(page: Page): Promise<string> {
	const mark = page.locator('article[data-kpi="forecastAccuracy"] .unfiltered');
	return (await mark.count()) === 0 ? '' : ((await mark.textContent()) ?? '').trim();
}

test('campaign and origin filters: tiles equal the engine, the URL and a reload keep them', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/?period=last-year');
	await settled(page);
	const all = await tileValues(page);
	expectTiles(all, engineKpis('last-year'));
	// Forecast accuracy has a figure here, and no filter it could ignore: no marker.
	expect(emptyReason('forecastAccuracy', engineKpis('last-year'))).toBeNull();
	expect(await unfilteredMark(page)).toBe('');

	// One campaign.
	await page.getByText('Campaigns:', { exact: true }).click();
	await page.getByRole('checkbox', { name: campaign.name }).check();
	await expect(page).toHaveURL(new RegExp(`campaigns=${campaign.id}`));
	await settled(page);
	const oneCampaign = await tileValues(page);
	const wantCampaign = engineKpis('last-year', { campaigns: [campaign.id] });
	expectTiles(oneCampaign, wantCampaign);
	// A marketing campaign: every lead left is a marketing lead.
	expect(wantCampaign.leadOrigin.marketingShare).toBe(1);
	expect(oneCampaign.leadOrigin).not.toBe(all.leadOrigin);
	expect(oneCampaign.activities).not.toBe(all.activities);
	// Forecasts name no campaign: the tile says that its figure ignores the filter.
	expect(oneCampaign.forecastAccuracy).toBe(all.forecastAccuracy);
	expect(await unfilteredMark(page)).toBe('Not filtered by campaign');

	// Plus the leads without a campaign, then only sales leads: the campaign's (marketing) leads
	// drop out and the figures move again.
	await page.getByRole('checkbox', { name: 'No campaign' }).check();
	await page.getByText('Origin:', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'Sales' }).check();
	await expect(page).toHaveURL(/origins=sales/);
	await expect(page).toHaveURL(new RegExp(`campaigns=-(%2C|,)${campaign.id}`));
	await settled(page);
	const filters = { campaigns: ['', campaign.id], origins: ['sales' as const] };
	const want = engineKpis('last-year', filters);
	const both = await tileValues(page);
	expectTiles(both, want);
	expect(both.winLoss).not.toBe(oneCampaign.winLoss);
	// The filters in force are shown, with the note on forecasts.
	const active = page.getByTestId('active-filters');
	await expect(
		active.getByRole('button', { name: `Remove filter: ${campaign.name}` })
	).toBeVisible();
	await expect(active.getByRole('button', { name: 'Remove filter: Sales' })).toBeVisible();
	await expect(active).toContainText('Forecast accuracy is not split by campaign or origin');
	expect(await unfilteredMark(page)).toBe('Not filtered by campaign or origin');

	// A reload keeps the view.
	await page.reload();
	await settled(page);
	expect(await tileValues(page)).toEqual(both);
	await expect(page.getByTestId('active-filters')).toContainText('No campaign');

	// The KPI page and its drill list follow the filters: as many rows as the figure counts.
	await page.getByRole('link', { name: 'Win rate' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Win rate' })).toBeVisible();
	await expect(page).toHaveURL(/\/kpi\/win-loss\?.*origins=sales/);
	await settled(page, 1);
	await expect(page.getByTestId('formula')).toContainText(
		`= ${want.winLoss.won} ÷ (${want.winLoss.won} + ${want.winLoss.lost}) =`
	);
	const count = page.getByTestId('drill-count');
	await expect(count).toHaveAttribute('data-count', String(want.winLoss.won));
	await expect(page.getByTestId('drill-list').locator('li')).toHaveCount(
		Math.min(50, want.winLoss.won)
	);

	// Activities: the drill list holds exactly the filtered activities.
	await page.goto(`/kpi/activities?${new URL(page.url()).searchParams}`);
	await settled(page, 1);
	await expect(page.getByTestId('drill-count')).toHaveAttribute(
		'data-count',
		String(want.activities.total)
	);

	// One click clears every filter: back to the unfiltered figures.
	await page.goto('/?period=last-year&campaigns=-&origins=sales');
	await settled(page);
	await page.getByTestId('active-filters').getByRole('button', { name: 'Clear filters' }).click();
	await expect(page).not.toHaveURL(/campaigns=|origins=/);
	await expect(page.getByTestId('active-filters')).toHaveCount(0);
	await settled(page);
	expect(await tileValues(page)).toEqual(all);
	expect(await unfilteredMark(page)).toBe('');
});

test('the filters fit a 360 px screen and are reachable by keyboard', async ({ page }) => {
	await loadDemo(page);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(
		`/?period=last-year&campaigns=${campaign.id}&origins=marketing&reps=${file.reps[0].id}`
	);
	await settled(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	// Tab to the campaign disclosure, open it with the keyboard and untick the campaign.
	const summary = page.locator('summary', { hasText: 'Campaigns:' });
	await summary.focus();
	await page.keyboard.press('Enter');
	const box = page.getByRole('checkbox', { name: campaign.name });
	await box.focus();
	await page.keyboard.press('Space');
	await expect(page).not.toHaveURL(/campaigns=/);
	await settled(page);
	expectTiles(
		await tileValues(page),
		engineKpis('last-year', { reps: [file.reps[0].id], origins: ['marketing'] })
	);
});

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

test.describe('accessibility with filters in force', () => {
	// axe is injected as an inline script: the app's Content Security Policy would block it.
	test.use({ bypassCSP: true });

	test('no WCAG A/AA violations with the campaign list open and the chips shown', async ({
		page
	}) => {
		test.setTimeout(90_000);
		await loadDemo(page);
		const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			for (const width of [1280, 360]) {
				await page.setViewportSize({ width, height: 800 });
				await page.goto(`/?period=last-year&campaigns=-,${campaign.id}&origins=sales`);
				await settled(page);
				await page.getByText('Campaigns:', { exact: true }).click();
				await page.addScriptTag({ path: axePath });
				const violations = await page.evaluate(async () => {
					const axe = (
						window as unknown as {
							axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> };
						}
					).axe;
					const r = await axe.run({
						runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }
					});
					return r.violations.map(
						(v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
					);
				});
				expect(violations, `${scheme} ${width}px`).toEqual([]);
			}
		}
	});
});
