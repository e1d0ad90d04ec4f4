// A full disk during a CSV import: the import worker's write transaction fails with a quota
// error, in the two shapes Chromium uses (a real QuotaExceededError, forced through DevTools'
// quota override, and an AbortError whose message names the quota, forced by patching the
// worker's IndexedDB). Either way the page says "Storage full" and what to do, the database
// holds exactly what it held before, and the app goes on working.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, startWorkspace, statValue, test } from './fixtures';
import { reportCspViolations } from './pwa-helpers';

const FULL = /Storage full: nothing was saved\. Free up space on this device/;

/** A clean deals export: `rows` won deals of one new rep (no problems to stop the check). The
 * names are random so that the database's compression cannot shrink them to nothing. */
function dealsCsv(rows: number): Buffer {
	const lines = ['deal,owner,stage,created,closed,amount'];
	for (let i = 1; i <= rows; i++)
		lines.push(
			`Deal ${i} ${randomBytes(24).toString('hex')},Ann,Won,2024-02-01,2024-03-01,${100 + i}`
		);
	return Buffer.from(lines.join('\n'));
}

/** Records in every object store of the app's database, read straight from IndexedDB. */
function storeCounts(page: Page): Promise<Record<string, number>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const req = indexedDB.open('tragt');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const out: Record<string, number> = {};
					for (const name of names) {
						const c = tx.objectStore(name).count();
						c.onsuccess = () => (out[name] = c.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/** A workspace with one lead of its own. */
async function workspaceWithLead(page: Page): Promise<void> {
	await startWorkspace(page);
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('Before the import');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Before the import' })).toBeVisible();
}

/** The import page (a fresh load: new database connections) with a checked 3,000-row file. */
async function checkedImport(page: Page): Promise<void> {
	await page.goto('/import-export');
	await page.getByTestId('import-file').setInputFiles({
		name: 'deals.csv',
		mimeType: 'text/csv',
		buffer: dealsCsv(3000)
	});
	await expect(page.getByText('deals.csv: 3,000 rows, 6 columns')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 30_000 });
}

/** After the failed import: the app navigates, and a lead can be edited and saved. */
async function stillWorks(page: Page): Promise<void> {
	await page.goto('/leads');
	await page.getByRole('link', { name: 'Before the import' }).click();
	await page.getByLabel('Name', { exact: true }).fill('Renamed after the full disk');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed after the full disk');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed after the full disk');
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('1');
}

test('a real quota error during a CSV import leaves the database unchanged and the app usable', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(120_000);
	await reportCspViolations(page);
	// A device with 150 kB left for Tragt: a workspace and a lead fit, 3,000 leads (over 200 kB
	// of random names alone) do not. Chromium reads the quota when it first opens the origin's
	// storage, so it is set before anything is stored.
	const cdp = await context.newCDPSession(page);
	const origin = new URL(baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 150_000 });
	await workspaceWithLead(page);
	const before = await storeCounts(page);
	expect(before.leads).toBe(1);

	await checkedImport(page);
	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByRole('alert')).toHaveText(FULL, { timeout: 60_000 });
	await expect(page.getByText(/^Imported [\d,]+ records\.$/)).toHaveCount(0);
	expect(await storeCounts(page)).toEqual(before);

	// The disk is still full (Chromium has not yet given back the space of the aborted write):
	// an edit says so in the same words and changes nothing, and the app keeps going.
	await page.goto('/leads');
	await page.getByRole('link', { name: 'Before the import' }).click();
	await page.getByLabel('Name', { exact: true }).fill('Not saved');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByText(FULL)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before the import');
	expect(await storeCounts(page)).toEqual(before);

	// Space freed (the person followed the advice): the quota is read again once the app has
	// let go of its storage, and then the same app saves edits, with nothing lost.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await page.goto('about:blank');
	await page.waitForTimeout(3000);
	await stillWorks(page);
});

test('an AbortError naming the quota mid-import is the same "storage full", and nothing is half-written', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await reportCspViolations(page);
	// The import worker is its own script: prepend a patch to it that lets 50 writes through
	// (so the transaction has really begun) and then fails the next one the way Chrome reports
	// a full disk in some versions: an AbortError about the quota, not a QuotaExceededError.
	await context.route('**/_app/immutable/workers/csv-import.worker-*.js', async (route) => {
		const response = await route.fetch();
		const patch = `(() => {
			let writes = 0;
			for (const method of ['put', 'add']) {
				const original = IDBObjectStore.prototype[method];
				IDBObjectStore.prototype[method] = function (...args) {
					if (++writes > 50)
						throw new DOMException('The transaction was aborted: quota exceeded.', 'AbortError');
					return original.apply(this, args);
				};
			}
		})();\n`;
		await route.fulfill({ response, body: patch + (await response.text()) });
	});
	await workspaceWithLead(page);
	const before = await storeCounts(page);
	expect(before.leads).toBe(1);
	await checkedImport(page);

	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByRole('alert')).toHaveText(FULL, { timeout: 60_000 });
	expect(await storeCounts(page)).toEqual(before);

	await stillWorks(page);
});
