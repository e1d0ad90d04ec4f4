// Several tabs on one database: an edit in one shows in the other, and a tab with an older
// schema steps aside (closes its connection) when another tab upgrades, with a banner asking
// for a reload, instead of blocking the upgrade.
import { expect, startWorkspace, test } from './fixtures';
import { reportCspViolations } from './pwa-helpers';

test('a lead added in one tab appears in the other without a reload', async ({ page, context }) => {
	await reportCspViolations(page);
	await startWorkspace(page);
	const other = await context.newPage();
	await reportCspViolations(other);
	await other.goto('/leads');
	await expect(other.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
	await expect(other.getByRole('link', { name: 'Kongsberg Kaffe' })).toHaveCount(0);

	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('Kongsberg Kaffe');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kongsberg Kaffe' })).toBeVisible();

	await expect(other.getByRole('link', { name: 'Kongsberg Kaffe' })).toBeVisible();
	await other.close();
});

test('a newer schema opened in another tab is not blocked; this tab asks for a reload', async ({
	page,
	context
}) => {
	await reportCspViolations(page);
	await startWorkspace(page);
	await expect(page.getByRole('alert')).toHaveCount(0);

	// Another tab runs a newer build whose schema is one version up (Dexie version n is
	// IndexedDB version 10n): its upgrade must go through although this tab holds the database.
	const other = await context.newPage();
	// A plain file of the same origin: the probe below is the only connection it opens.
	await other.goto('/favicon.svg');
	const upgraded = await other.evaluate(async () => {
		const current = await new Promise<number>((resolve, reject) => {
			const req = indexedDB.open('tragt');
			req.onsuccess = () => {
				const v = req.result.version;
				req.result.close();
				resolve(v);
			};
			req.onerror = () => reject(req.error);
		});
		return new Promise<string>((resolve) => {
			const req = indexedDB.open('tragt', current + 10);
			req.onupgradeneeded = () => req.result.createObjectStore('addedByNextVersion');
			req.onsuccess = () => {
				req.result.close();
				resolve('upgraded');
			};
			req.onerror = () => resolve(`error: ${req.error?.message}`);
			req.onblocked = () => resolve('blocked');
		});
	});
	expect(upgraded).toBe('upgraded');
	await expect(page.getByRole('alert')).toHaveText(/Tragt was updated in another tab/);
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
	await other.close();
});
