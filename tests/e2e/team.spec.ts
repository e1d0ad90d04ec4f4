// Team sharing without the chores, in Chromium: a rep sends their file in two taps on a phone
// (here the browser cannot share files, so it downloads, named for who and when); a file shared
// to the installed app (its share target, answered by the service worker, also offline) or opened
// with it (its file handler, through launchQueue) reaches the merge preview; and a team folder of
// five teammates' files (Chromium's origin-private file system stands in for the folder picker):
// one confirmation merges the four readable ones, the corrupt one is named and skipped, and the
// stale teammate is flagged.
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import { emptyRecords, type Records } from '../../src/lib/domain/types';
import { serializeSharedFile, toSharedFile } from '../../src/lib/io/shared-file';
import { expect, loadDemo, startWorkspace, test } from './fixtures';
import {
	controlled,
	ownPort,
	serviceWorkerReady,
	startServer,
	type OwnServer
} from './pwa-helpers';

const DAY = 86_400_000;

/** A teammate's file: their rep, a lead and a call, exported `daysAgo` days ago. */
function teammateFile(id: string, name: string, daysAgo: number): string {
	const at = new Date(Date.now() - daysAgo * DAY).toISOString();
	const r: Records = emptyRecords();
	r.reps.push({ id, updatedAt: at, name, active: true });
	r.stages.push(...defaultStages('2026-01-01T00:00:00.000Z'));
	r.leads.push({
		id: `lead-${id}`,
		updatedAt: at,
		name: `${name}'s lead`,
		ownerId: id,
		origin: 'sales',
		createdAt: at.slice(0, 10),
		stageId: 'contacted'
	});
	r.activities.push({
		id: `call-${id}`,
		updatedAt: at,
		repId: id,
		leadId: `lead-${id}`,
		type: 'call',
		at
	});
	return serializeSharedFile(
		toSharedFile(r, { name: `${name}'s workspace`, currency: 'DKK', timeZone: 'UTC' }, at)
	);
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('a rep sends their file in two taps: More, then Send to my team', async ({ page }) => {
		await loadDemo(page);
		const tabs = page.getByRole('navigation', { name: 'Sections' }).filter({ visible: true });
		await tabs.getByRole('link', { name: 'More' }).tap();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Send to my team' }).tap();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^tragt-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.tragt\.json$/);
		const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
		const shared = JSON.parse(text);
		expect(shared.format).toBe('tragt');
		// My records: every lead of mine, none of anyone else's.
		expect(shared.leads.length).toBeGreaterThan(100);
		const me = shared.reps.map((r: { id: string }) => r.id);
		for (const l of shared.leads) expect(me).toContain(l.ownerId);
		await expect(page.getByText(/^Saved tragt-.*\.tragt\.json to your downloads$/)).toBeVisible();
	});
});

test.describe('the installed app receives files', () => {
	const PORT = ownPort(30);
	let server: OwnServer | undefined;
	test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}` });
	test.beforeEach(async () => {
		server = await startServer(PORT);
	});
	test.afterEach(async () => {
		await server?.stop();
		server = undefined;
	});

	test('a file shared to Tragt lands in the merge preview, also offline', async ({ page }) => {
		await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
		await serviceWorkerReady(page);
		await page.reload();
		await controlled(page);
		await server!.stop();
		// What the system's share sheet does: a multipart POST of the files to the share target.
		await page.evaluate(
			(json) => {
				const form = document.createElement('form');
				form.method = 'POST';
				form.enctype = 'multipart/form-data';
				form.action = '/share-target';
				const input = document.createElement('input');
				input.type = 'file';
				input.name = 'files';
				const dt = new DataTransfer();
				dt.items.add(
					new File([json], 'tragt-bo-2026-12-07.tragt.json', { type: 'application/json' })
				);
				input.files = dt.files;
				form.append(input);
				document.body.append(form);
				form.submit();
			},
			teammateFile('bo', 'Bo', 1)
		);
		await expect(page).toHaveURL(/\/import-export\?shared=1$/);
		await expect(page.getByText('Received tragt-bo-2026-12-07.tragt.json')).toBeVisible();
		await expect(page.getByTestId('shared-reps')).toHaveText('Reps in the file: Bo');
		await expect(page.getByTestId('merge-preview')).toBeVisible();
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(page.getByText('Merged tragt-bo-2026-12-07.tragt.json.')).toBeVisible();
		// Who is in: Bo, fresh.
		const bo = page.getByTestId('team-freshness').locator('li[data-rep="bo"]');
		await expect(bo).toContainText('Data up to');
		await expect(bo).toHaveAttribute('data-stale', 'false');
	});
});

test('a Tragt file opened with the app (its file handler) lands in the merge preview', async ({
	page
}) => {
	// launchQueue as the installed app gets it: a consumer called with the opened files.
	await page.addInitScript(() => {
		const w = window as unknown as { __launch?: (p: unknown) => void };
		// Chromium has its own launchQueue (a getter): this one stands in front of it.
		Object.defineProperty(window, 'launchQueue', {
			configurable: true,
			value: {
				setConsumer(fn: (p: unknown) => void) {
					w.__launch = fn;
				}
			}
		});
	});
	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	await page.goto('/import-export');
	await expect(page.getByRole('heading', { level: 1, name: 'Import/export' })).toBeVisible();
	await page.waitForFunction(() => !!(window as unknown as { __launch?: unknown }).__launch);
	await page.evaluate(
		(json) => {
			const file = new File([json], 'tragt-cy-2026-12-01.tragt.json', { type: 'application/json' });
			(window as unknown as { __launch: (p: unknown) => void }).__launch({
				files: [{ getFile: async () => file }]
			});
		},
		teammateFile('cy', 'Cy', 2)
	);
	await expect(page.getByTestId('shared-reps')).toHaveText('Reps in the file: Cy');
	await expect(page.getByTestId('merge-preview')).toBeVisible();
});

test('a team folder of five files: one confirmation merges four, the corrupt one is skipped, the stale one flagged', async ({
	page
}) => {
	// The origin-private file system gives a real FileSystemDirectoryHandle: it stands in for
	// the folder the person would pick.
	await page.addInitScript(() => {
		(window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker =
			() => navigator.storage.getDirectory();
	});
	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	const files: Record<string, string> = {
		'tragt-ann.tragt.json': teammateFile('ann', 'Ann', 1),
		'tragt-bo.tragt.json': teammateFile('bo', 'Bo', 2),
		'tragt-cy.tragt.json': teammateFile('cy', 'Cy', 3),
		'tragt-dan.tragt.json': teammateFile('dan', 'Dan', 20),
		'tragt-eva.tragt.json': '{"format":"tragt","version":1,"reps":[{"id":"eva"',
		'notes.txt': 'not a Tragt file'
	};
	await page.evaluate(async (entries) => {
		const root = await navigator.storage.getDirectory();
		for (const [name, text] of Object.entries(entries)) {
			const handle = await root.getFileHandle(name, { create: true });
			const out = await handle.createWritable();
			await out.write(text);
			await out.close();
		}
	}, files);
	await page.goto('/import-export');
	const folder = page.getByTestId('team-folder');
	await folder.getByRole('button', { name: 'Link a team folder' }).click();
	await folder.getByRole('button', { name: 'Read the team folder' }).click();
	const rows = folder.getByTestId('folder-files').locator('tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.filter({ hasText: 'tragt-eva.tragt.json' })).toContainText(
		'Cannot be read, skipped'
	);
	await expect(
		rows.filter({ hasText: 'tragt-eva.tragt.json' }).getByRole('checkbox')
	).toBeDisabled();
	await expect(rows.filter({ hasText: 'tragt-dan.tragt.json' })).toContainText(
		'Stale: older than a week'
	);
	// Ann brings her rep, a lead and a call.
	await expect(rows.filter({ hasText: 'tragt-ann.tragt.json' }).locator('td').nth(2)).toHaveText(
		'3'
	);
	// One confirmation for the four readable files.
	await folder.getByRole('button', { name: 'Merge 4 files' }).click();
	await expect(folder.getByText(/^Merged 4 files \(\d+ records\)\.$/)).toBeVisible();
	// Who is in: four teammates with data, Dan stale.
	const fresh = page.getByTestId('team-freshness');
	for (const id of ['ann', 'bo', 'cy'])
		await expect(fresh.locator(`li[data-rep="${id}"]`)).toHaveAttribute('data-stale', 'false');
	await expect(fresh.locator('li[data-rep="dan"]')).toHaveAttribute('data-stale', 'true');
	await expect(fresh.locator('li[data-rep="dan"]')).toContainText('Stale: ask for a new file');
	// My own file goes into the folder too, named for me.
	await folder.getByRole('button', { name: 'Write my file to the folder' }).click();
	await expect(
		page.getByText('Wrote tragt-mette-holm.tragt.json to the team folder')
	).toBeVisible();
	const mine = await page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const f = await (await root.getFileHandle('tragt-mette-holm.tragt.json')).getFile();
		return JSON.parse(await f.text()).format;
	});
	expect(mine).toBe('tragt');
	// The folder is remembered: a new visit reads it at once.
	await page.reload();
	await expect(folder.getByText('Linked folder:')).toBeVisible();
});
