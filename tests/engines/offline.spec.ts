// Offline in Firefox and WebKit: after one visit, with the server stopped, a reload brings the
// app from the service worker's cache and the data from IndexedDB; deep links and a lazy chart
// route work too. Both engines run service workers headless.
import { ownPort, startServer, type OwnServer } from '../e2e/pwa-helpers';
import type { EnginePage } from './engine-page';
import { expect, test } from './fixtures';
import { loadDemo } from './support';

let server: OwnServer | undefined;

test.beforeEach(async ({ engine }) => {
	server = await startServer(ownPort(engine === 'firefox' ? 20 : 21));
});

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

/** Waits until the service worker is active and has precached the build (install done). */
async function serviceWorkerReady(app: EnginePage) {
	await app.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

test('with the server stopped after one visit, the app, its data and a chart still work', async ({
	openBrowser
}) => {
	test.setTimeout(120_000);
	const app = await openBrowser(server!.url);
	await loadDemo(app);
	await serviceWorkerReady(app);
	const leads = await app.attribute('article[data-kpi="stageDistribution"]', 'data-value');
	expect(Number(leads)).toBeGreaterThan(0);

	await server!.stop();
	// A reload with no server: the shell from the cache, the figures from IndexedDB.
	await app.reload();
	await app.waitFor({ role: 'heading', level: 1, name: 'Dashboard' }, { timeout: 30_000 });
	await expect.poll(() => app.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await expect
		.poll(() => app.attribute('article[data-kpi="stageDistribution"]', 'data-value'), {
			timeout: 30_000
		})
		.toBe(leads);

	// Deep links load the cached shell, and lazy chunks never fetched before (board, grid,
	// ECharts) come from the cache too: each page is used, not just opened.
	for (const [path, heading, shown] of [
		['/board', 'Board', '.lead-card'],
		['/campaigns', 'Campaigns', 'revo-grid [role=gridcell]'],
		['/import-export', 'Import/export', '[data-testid=import-file]']
	]) {
		await app.goto(path);
		await app.waitFor({ role: 'heading', level: 1, name: heading }, { timeout: 30_000 });
		await app.waitFor({ css: shown, hidden: true }, { timeout: 30_000 });
	}
	await app.goto('/kpi/activities?period=last-90-days');
	await app.waitFor('figure.chart canvas', { timeout: 30_000 });
});
