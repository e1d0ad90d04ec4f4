// axe-core over the import/export page in each of its states (empty, mapping, problems, valid
// with preview, team view), in both themes, at 360 and 1280 px.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, startWorkspace, test } from './fixtures';

// axe is injected as an inline script, which the app's Content Security Policy refuses.
test.use({ bypassCSP: true });

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function violations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE_PATH });
	const result = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (o: object) => Promise<{
						violations: { id: string; help: string; nodes: { target: string[] }[] }[];
					}>;
				};
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

const CSV = [
	'deal,owner,stage,created,closed,amount',
	'Acme,Ann,Won,2024-01-05,2024-02-01,100',
	'Beta,Bo,Prospecting,2024-01-06,,',
	'Gamma,Bo,Lost,2024-13-06,2024-02-03,0'
].join('\n');

for (const scheme of ['light', 'dark'] as const) {
	test(`the import page has no WCAG A/AA violations in the ${scheme} theme`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await startWorkspace(page);
		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/import-export');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await violations(page), `empty at ${width}px`).toEqual([]);
			await page.getByTestId('import-file').setInputFiles({
				name: 'deals.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(CSV)
			});
			await page.getByRole('button', { name: 'Check the whole file' }).click();
			await expect(page.getByTestId('import-problems')).toBeVisible();
			expect(await violations(page), `problems at ${width}px`).toEqual([]);
			// Fix the bad row by leaving the created date out: the file is then valid.
			await page.getByLabel('Created', { exact: true }).selectOption('');
			await page.getByRole('button', { name: 'Check the whole file' }).click();
			await expect(page.getByTestId('import-preview')).toBeVisible();
			expect(await violations(page), `valid at ${width}px`).toEqual([]);
			await page.getByRole('button', { name: 'Compare' }).click();
			await expect(page.getByTestId('team-view')).toBeVisible();
			expect(await violations(page), `team view at ${width}px`).toEqual([]);
		}
	});
}
