// Offline: after one visit, the app, its data, every route and a chart work with the server gone
// (the service worker serves the whole precached build and the SPA shell).
import { expect, loadDemo, startWorkspace, statValue, test } from './fixtures';
import {
	cacheNames,
	controlled,
	ownPort,
	reportCspViolations,
	serviceWorkerReady,
	startServer,
	type OwnServer
} from './pwa-helpers';

const PORT = ownPort(1);
let server: OwnServer | undefined;

test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}` });

test.beforeEach(async ({ page }) => {
	server = await startServer(PORT);
	await reportCspViolations(page);
});

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

/** Every section, the lead page's list and a chart page: all must come from the cache. */
const ROUTES = [
	'/leads',
	'/board',
	'/log',
	'/stage-moves',
	'/activities',
	'/campaigns',
	'/more',
	'/customers',
	'/forecasts',
	'/reps',
	'/stages',
	'/import-export',
	'/bin',
	'/settings'
];

test('with the server stopped after one visit, the app, its data, every route and a chart work', async ({
	page
}) => {
	test.setTimeout(120_000);
	await loadDemo(page);
	await serviceWorkerReady(page);
	expect((await cacheNames(page)).filter((n) => n.startsWith('tragt-'))).toHaveLength(1);
	const leads = await statValue(page, 'Leads').textContent();

	await server!.stop();
	// A reload with no server: the shell comes from the cache, the data from IndexedDB.
	await page.reload();
	await controlled(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	await expect(statValue(page, 'Leads')).toHaveText(leads ?? '', { timeout: 30_000 });

	// Deep links load the cached shell too (absolute /_app paths), including lazy chunks never
	// fetched before (the grid, the board, the import wizard, ECharts).
	for (const path of ROUTES) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
	}
	await page.goto('/kpi/activities?period=last-90-days');
	await expect(page.locator('figure.chart canvas').first()).toBeVisible({ timeout: 15_000 });

	// A lead's own page, reached by clicking through.
	await page.goto('/leads');
	await page.locator('main a[href^="/leads/"]').first().click();
	await expect(page.getByRole('heading', { name: 'Stage history' })).toBeVisible();
});

test('a first visit registers the worker and precaches every file of the build', async ({
	page
}) => {
	await page.goto('/');
	await serviceWorkerReady(page);
	// The first install takes over the open tab at once (later versions wait for "Reload"), and
	// that is not announced as an update.
	await controlled(page);
	await expect(page.getByText('Update available')).toHaveCount(0);
	const [name] = (await cacheNames(page)).filter((n) => n.startsWith('tragt-'));
	const cached = await page.evaluate(async (cacheName) => {
		const cache = await caches.open(cacheName);
		return (await cache.keys()).map((r) => new URL(r.url).pathname);
	}, name);
	expect(cached).toContain('/');
	expect(cached).toContain('/manifest.webmanifest');
	expect(cached.some((p) => p.startsWith('/_app/immutable/workers/'))).toBe(true);
	// Lazy route chunks (every page but the first) are in the cache before they are visited.
	expect(cached.filter((p) => p.startsWith('/_app/immutable/nodes/')).length).toBeGreaterThan(10);
	expect(cached).not.toContain('/_app/version.json');
});

test('with the server stopped, a CSV import and an export work', async ({ page }) => {
	test.setTimeout(120_000);
	await startWorkspace(page);
	await serviceWorkerReady(page);
	await server!.stop();
	await page.reload();
	await controlled(page);

	await page.goto('/import-export');
	await expect(page.getByRole('heading', { level: 1, name: 'Import/export' })).toBeVisible();
	const csv = [
		'deal name,owner,stage,created,closed,amount',
		'Offline One,Ann,Won,2024-02-01,2024-03-01,100',
		'Offline Two,Ann,Won,2024-02-02,2024-03-02,200',
		'Offline Three,Bo,Won,2024-02-03,2024-03-03,300'
	].join('\n');
	await page.getByTestId('import-file').setInputFiles({
		name: 'offline.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByText(/^Imported [\d,]+ records\.$/)).toBeVisible({ timeout: 30_000 });

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export Tragt file' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.json$/);
	const text = await (await file.createReadStream()).toArray();
	const shared = JSON.parse(Buffer.concat(text).toString('utf8')) as { leads: { name: string }[] };
	expect(shared.leads.map((l) => l.name).sort()).toEqual([
		'Offline One',
		'Offline Three',
		'Offline Two'
	]);

	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('3', { timeout: 30_000 });
});
