// axe-core over every main route in both themes and both widths, with the demo data loaded:
// labels, landmarks, headings and WCAG AA colour contrast (the stylesheet's promise) are
// checked in a real browser. Zero violations of WCAG A/AA rules (so zero serious or critical).
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { KPI_SLUGS } from '../../src/lib/dashboard/tiles';
import { expect, loadDemo, test } from './fixtures';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly blocks.
test.use({ bypassCSP: true });

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = [
	'/',
	'/leads',
	'/activities',
	'/board',
	'/log',
	'/campaigns',
	'/customers',
	'/forecasts',
	'/stage-moves',
	'/import-export',
	'/more',
	'/reps',
	'/stages',
	'/bin',
	'/settings',
	'/kpi'
];
const KPI_PAGES = Object.values(KPI_SLUGS).map((slug) => `/kpi/${slug}`);

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
	const result = await page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
		).axe;
		return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
	});
	return result.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} at ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')}`
	);
}

/** Opens `path` and waits until its heading is shown and its data and lazy chunks are in. */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// Figures and charts arrive from the KPI worker after the first paint.
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

for (const scheme of ['light', 'dark'] as const) {
	for (const width of [1280, 360]) {
		test(`no WCAG A/AA violations on the main routes in the ${scheme} theme at ${width}px`, async ({
			page
		}) => {
			test.setTimeout(180_000);
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/');
			expect(await violations(page), 'welcome screen').toEqual([]);
			await loadDemo(page);
			for (const path of PAGES) {
				await open(page, path);
				expect(await violations(page), `${path} at ${width}px`).toEqual([]);
			}
			await open(page, '/leads');
			await page.locator('main a[href^="/leads/"]').first().click();
			await expect(page.getByRole('heading', { name: 'Stage history' })).toBeVisible();
			await page.waitForLoadState('networkidle');
			expect(await violations(page), `lead page at ${width}px`).toEqual([]);
		});
	}

	test(`no WCAG A/AA violations on every KPI page in the ${scheme} theme`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await loadDemo(page);
		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: 800 });
			for (const path of KPI_PAGES) {
				await open(page, path);
				expect(await violations(page), `${path} at ${width}px`).toEqual([]);
			}
		}
	});
}
