// Storage: a full disk (a real quota error from Chromium, forced through DevTools) while the
// demo data is written shows "Storage full" with what to do, leaves the database as it was,
// and the app keeps working; Settings show the storage state, usage and quota.
import { expect, startWorkspace, statValue, test } from './fixtures';
import { reportCspViolations } from './pwa-helpers';

test('a quota error during a large write rolls it back, says so, and the app keeps working', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(90_000);
	await reportCspViolations(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tragt' })).toBeVisible();

	// Leave only a few kilobytes free: the demo workspace (thousands of rows) cannot fit.
	const cdp = await context.newCDPSession(page);
	const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
	const origin = new URL(baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 20_000 });

	await page.getByRole('button', { name: 'Try with demo data' }).click();
	await expect(page.getByText(/^Storage full: nothing was saved\./)).toBeVisible({
		timeout: 30_000
	});
	// Nothing of the demo stayed: after a reload the app still asks how to start.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tragt' })).toBeVisible();
	const stored = await page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('tragt');
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction('leads', 'readonly');
					const count = tx.objectStore('leads').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
				};
				req.onerror = () => reject(req.error);
			})
	);
	expect(stored).toBe(0);

	// Space freed: the same app starts a workspace and saves a lead.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await startWorkspace(page);
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('After the full disk');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'After the full disk' })).toBeVisible();
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('1');
});

test('Settings show whether storage is protected, the usage and the quota', async ({ page }) => {
	await reportCspViolations(page);
	await startWorkspace(page);
	await page.goto('/settings');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Storage on this device' })
	).toBeVisible();
	await expect(page.getByTestId('storage-usage')).toHaveText(
		/^Using [\d.,]+ (byte|kB|MB|GB) of [\d.,]+ (kB|MB|GB|TB) available\.$/
	);
	await expect(page.getByTestId('storage-persisted')).toHaveText(/^(Protected|Not protected):/);
	// The answer matches what the browser itself says.
	const persisted = await page.evaluate(() => navigator.storage.persisted());
	await expect(page.getByTestId('storage-persisted')).toHaveText(
		persisted ? /^Protected:/ : /^Not protected:/
	);
});
