// At a phone's 360 px in Firefox and WebKit: the bottom tabs, a lead's page reached from the
// list, and a KPI page with its chart, none of them wider than the screen.
import type { EnginePage } from './engine-page';
import { expect, test } from './fixtures';
import { loadDemo } from './support';

test.use({ launch: { width: 360, height: 740 } });

async function noSidewaysScroll(app: EnginePage, where: string) {
	const overflow = await app.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
}

test('a lead page and a KPI page with its chart fit a 360 px screen', async ({ app }) => {
	expect(await app.evaluate(() => window.innerWidth)).toBe(360);
	await loadDemo(app);
	// Phones get the bottom tab bar.
	await app.waitFor({ role: 'navigation', name: 'Sections' });
	await noSidewaysScroll(app, '/');

	// A lead, reached as a person does: the list, then a tap on a name.
	await app.goto('/leads');
	await app.waitFor({ role: 'heading', level: 1, name: 'Leads' });
	await app.click({ css: 'main a[href^="/leads/"]' });
	await app.waitFor({ role: 'heading', name: 'Stage history' }, { timeout: 20_000 });
	expect(await app.path()).toMatch(/^\/leads\/[^/]+$/);
	await noSidewaysScroll(app, 'a lead page');

	// A KPI page: its chart is drawn (a canvas with pixels) and its formula is shown.
	await app.goto('/kpi/win-loss?period=last-year');
	await app.waitFor({ role: 'heading', level: 1, name: 'Win rate' }, { timeout: 20_000 });
	await app.waitFor('figure.chart canvas', { timeout: 30_000 });
	await expect
		.poll(() =>
			app.evaluate(() => {
				const c = document.querySelector('figure.chart canvas') as HTMLCanvasElement;
				const r = c.getBoundingClientRect();
				return r.width > 0 && r.width <= window.innerWidth && r.height > 0;
			})
		)
		.toBe(true);
	await expect.poll(() => app.text('[data-testid=formula]')).toContain('÷');
	await noSidewaysScroll(app, 'a KPI page');
});
