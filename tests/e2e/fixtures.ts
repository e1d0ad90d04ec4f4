// Shared Playwright fixture: every test fails if a page of its browser context logged a console
// error, threw, or broke the Content-Security-Policy. Also a few steps many tests take (starting a
// workspace, loading the demo data).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Collects, from every page of `context` (also pages opened later, such as a second tab):
 * console errors, uncaught exceptions and Content-Security-Policy violations (reported by the
 * page itself, whatever Chromium logs for them). Specs that launch a browser of their own call
 * this for its context and check the list at the end.
 */
export async function collectErrors(context: BrowserContext): Promise<string[]> {
	const errors: string[] = [];
	context.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	context.on('weberror', (err) => errors.push(`pageerror: ${err.error().message}`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
		});
	});
	return errors;
}

export const test = base.extend<{ consoleErrors: string[] }>({
	consoleErrors: [
		async ({ context }, use) => {
			const errors = await collectErrors(context);
			await use(errors);
			expect(errors, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** First run: enter a name and start; resolves on the dashboard. */
export async function startWorkspace(
	page: Page,
	name = 'Mette Holm',
	options: { currency?: string } = {}
): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tragt' })).toBeVisible();
	await page.getByLabel('Your name').fill(name);
	if (options.currency) await page.getByLabel('Currency').fill(options.currency);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** First run with the demo data; resolves when the dashboard shows the demo's counts. */
export async function loadDemo(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try with demo data' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({
		timeout: 30_000
	});
	await expect(statValue(page, 'Leads')).not.toHaveText('–', { timeout: 30_000 });
}

/** The figure of a dashboard tile, by its label. */
export function statValue(page: Page, label: string) {
	return page
		.locator('.stat')
		.filter({ has: page.getByText(label, { exact: true }) })
		.locator('.value');
}

/** A displayed integer such as "1,234" as a number. */
export function parseCount(text: string | null): number {
	return Number((text ?? '').replace(/[^\d]/g, ''));
}
