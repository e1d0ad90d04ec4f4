// axe-core over every section in both themes and both widths: labels, landmarks, headings and
// WCAG AA colour contrast (the stylesheet's promise) are checked in a real browser.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly blocks.
test.use({ bypassCSP: true });

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = ['/', '/leads', '/activities', '/more', '/reps', '/stages', '/bin', '/settings'];

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE_PATH });
	const result = await page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
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

for (const scheme of ['light', 'dark'] as const) {
	test(`no WCAG A/AA violations in the ${scheme} theme`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await page.goto('/');
		expect(await violations(page), 'welcome screen').toEqual([]);
		await loadDemo(page);
		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: 800 });
			for (const path of PAGES) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await page.waitForLoadState('networkidle');
				expect(await violations(page), `${path} at ${width}px`).toEqual([]);
			}
			await page.goto('/leads');
			await page.locator('tbody a').first().click();
			await expect(page.getByRole('heading', { name: 'Stage history' })).toBeVisible();
			expect(await violations(page), `lead page at ${width}px`).toEqual([]);
		}
	});
}
