// Never lose data: the browser killed (SIGKILL, no shutdown) in the middle of a 50,000-row
// import, then relaunched on the same profile: either every row is there or none, and the app
// opens. The browser is started by hand (not by Playwright) so that it can be killed outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { collectErrors, expect, test } from './fixtures';
import { ownPort, SHARED_PORT } from './pwa-helpers';

const ROWS = 50_000;
const APP = `http://127.0.0.1:${SHARED_PORT}`;
const DEBUG_PORT = ownPort(5);

interface Running {
	child: ChildProcess;
	browser: Browser;
	page: Page;
	/** Console errors, uncaught exceptions and CSP violations of this launch's pages. */
	errors: string[];
}

async function launch(profile: string): Promise<Running> {
	// Its own process group, so that the kill takes every Chromium process with it.
	const child = spawn(
		process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		[...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${DEBUG_PORT}`],
		{ detached: true, stdio: 'ignore' }
	);
	let browser: Browser | undefined;
	for (let i = 0; i < 100 && !browser; i++) {
		try {
			browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUG_PORT}`);
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	if (!browser) throw new Error('Chromium did not start');
	const context = browser.contexts()[0];
	const errors = await collectErrors(context);
	const page = context.pages()[0] ?? (await context.newPage());
	return { child, browser, page, errors };
}

function kill(run: Running): Promise<void> {
	return new Promise((resolve) => {
		run.child.once('exit', () => resolve());
		process.kill(-run.child.pid!, 'SIGKILL');
	});
}

function leadCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('tragt');
				req.onsuccess = () => {
					const db = req.result;
					const count = db.transaction('leads', 'readonly').objectStore('leads').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
				};
				req.onerror = () => reject(req.error);
			})
	);
}

function bigCsv(): Buffer {
	const lines = ['deal name,owner,stage,created,closed,amount'];
	for (let i = 1; i <= ROWS; i++)
		lines.push(`Crash deal ${i},Rep ${i % 7},Won,2024-02-01,2024-03-01,${i}`);
	return Buffer.from(lines.join('\n'));
}

test('the browser killed during a 50,000-row import: all rows or none, and the app opens', async () => {
	test.setTimeout(240_000);
	const profile = mkdtempSync(path.join(tmpdir(), 'tragt-crash-'));
	let run: Running | undefined;
	try {
		run = await launch(profile);
		const page = run.page;
		await page.goto(APP);
		await page.getByLabel('Your name').fill('Mette Holm');
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
		await page.goto(`${APP}/import-export`);
		await page.getByTestId('import-file').setInputFiles({
			name: 'big.csv',
			mimeType: 'text/csv',
			buffer: bigCsv()
		});
		await page.getByRole('button', { name: 'Check the whole file' }).click();
		await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 120_000 });
		await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
		// Mid-write: the progress shows, the transaction is open.
		await expect(page.getByRole('progressbar', { name: 'Writing' })).toBeVisible();
		await page.waitForTimeout(500);
		const finishedBeforeKill = await page
			.getByText(/^Imported [\d,]+ records\.$/)
			.isVisible()
			.catch(() => false);
		expect(run.errors, 'errors before the kill').toEqual([]);
		await kill(run);
		run = undefined;

		run = await launch(profile);
		await run.page.goto(APP);
		await expect(run.page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({
			timeout: 30_000
		});
		const leads = await leadCount(run.page);
		test.info().annotations.push({
			type: 'after the kill',
			description: `${leads} leads (import had ${finishedBeforeKill ? '' : 'not '}finished)`
		});
		expect([0, ROWS]).toContain(leads);
		if (!finishedBeforeKill) expect(leads).toBe(0);
		expect(run.errors, 'errors after the relaunch').toEqual([]);
		await run.browser.close();
		await kill(run).catch(() => undefined);
		run = undefined;
	} finally {
		if (run) await kill(run).catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
});
