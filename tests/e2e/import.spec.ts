// The import wizard end to end in Chromium against the production build: the real Maven CRM
// export through the preset to the dashboard's figures, a file with one bad date refused with
// nothing written, and two teammates' files merged in either order giving the same KPIs.
import type { Page } from '@playwright/test';
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import { RECORD_LIST_NAMES, type Records } from '../../src/lib/domain/types';
import { serializeSharedFile, toSharedFile } from '../../src/lib/io/shared-file';
import { MAVEN_PIPELINE } from '../fixtures/external-data';
import { expect, startWorkspace, statValue, test } from './fixtures';

const MAVEN = MAVEN_PIPELINE;

async function openImport(page: Page) {
	await page.goto('/import-export');
	await expect(page.getByRole('heading', { level: 1, name: 'Import/export' })).toBeVisible();
}

test('the Maven CRM file goes through the wizard to the published win rate and won value', async ({
	page
}) => {
	test.setTimeout(120_000);
	await startWorkspace(page, 'Mette Holm', { currency: 'USD' });
	await openImport(page);
	await page.getByTestId('import-file').setInputFiles(MAVEN);
	await expect(page.getByText('sales_pipeline.csv: 8,800 rows, 8 columns')).toBeVisible({
		timeout: 30_000
	});
	// Detected: the Maven preset, ISO dates, a header row.
	await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('maven-crm');
	await expect(page.getByLabel('Dates')).toHaveValue('ymd');
	await expect(page.getByLabel('First row holds column names')).toBeChecked();
	// Value mapping from the preset: Engaging deals are qualified.
	await expect(page.getByLabel(/^Engaging/)).toHaveValue('qualified');
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('import-preview')).toContainText('1C1I7A6R');
	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByText(/^Imported [\d,]+ records\.$/)).toBeVisible({ timeout: 60_000 });

	// The figures through the KPI worker in the team view of this page (won value is not on a
	// dashboard tile), for [2016-10-01, 2018-01-01).
	await openImport(page);
	await page.getByLabel('From').first().fill('2016-10-01');
	await page.getByLabel('To (exclusive)').fill('2018-01-01');
	await page.getByRole('button', { name: 'Compare' }).click();
	const team = page.getByTestId('team-view');
	await expect(team.locator('tr[data-kpi="won"] td').first()).toHaveText('4,238', {
		timeout: 30_000
	});
	await expect(team.locator('tr[data-kpi="winRate"] td').first()).toHaveText('63.2%');
	await expect(team.locator('tr[data-kpi="wonValue"] td').first()).toHaveText('$10,005,534.00');
	await expect(team.locator('thead th')).toHaveCount(2 + 31); // KPI, Team, me + 30 Maven reps

	// And on the dashboard (its custom range names whole days: 2016-10-01 to 2017-12-31).
	await page.goto('/kpi?period=custom&from=2016-10-01&to=2017-12-31');
	const winLoss = page.locator('article[data-kpi="winLoss"]');
	await expect(winLoss).toContainText('4,238 won · 2,473 lost', { timeout: 30_000 });
	await expect(winLoss).toContainText('63.2%');
	await openImport(page);

	// Importing the same file again adds nothing.
	await page.getByTestId('import-file').setInputFiles(MAVEN);
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByText(/^Imported [\d,]+ records\.$/)).toBeVisible({ timeout: 60_000 });
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('8,800', { timeout: 30_000 });
});

test('a CSV with an invalid date in row 5,012 is refused, naming the row and column; nothing is written', async ({
	page
}) => {
	await startWorkspace(page);
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('0');
	const lines = ['deal,owner,stage,created,closed,amount'];
	// Row 1 is the header, as in a spreadsheet: data rows are 2..6001.
	for (let row = 2; row <= 6001; row++)
		lines.push(`Deal ${row},Ann,Won,${row === 5012 ? '2024-02-30' : '2024-02-01'},2024-03-01,100`);
	await openImport(page);
	await page.getByTestId('import-file').setInputFiles({
		name: 'deals.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\n'))
	});
	await expect(page.getByText('deals.csv: 6,000 rows, 6 columns')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('1 problems: nothing was imported')).toBeVisible({ timeout: 30_000 });
	const problem = page.getByTestId('import-problems').locator('tbody tr');
	await expect(problem).toHaveCount(1);
	await expect(problem.locator('td')).toHaveText([
		'5,012',
		'created',
		'2024-02-30',
		/is not a date/
	]);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	// The report downloads as CSV.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the problem list (CSV)' }).click();
	expect((await download).suggestedFilename()).toBe('deals-problems.csv');
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('0');
	await page.goto('/reps');
	await expect(page.getByRole('cell', { name: /Ann/ })).toHaveCount(0);
});

function teammateFile(who: 'a' | 'b'): string {
	const t = '2026-06-01T00:00:00Z';
	const later = '2026-07-01T00:00:00Z';
	const rep = who === 'a' ? { id: 'rep-ann', name: 'Ann' } : { id: 'rep-bo', name: 'Bo' };
	const lead = (id: string, stageId: string, updatedAt: string, value: number) => ({
		id,
		updatedAt,
		name: `${id} (${rep.name})`,
		ownerId: rep.id,
		origin: 'sales' as const,
		createdAt: '2026-03-01',
		stageId,
		value
	});
	const ev = (leadId: string, stageId: string, at: string) => ({
		id: `${leadId}-${stageId}-${who}`,
		updatedAt: t,
		leadId,
		stageId,
		at,
		repId: rep.id
	});
	const records: Records = {
		reps: [{ ...rep, updatedAt: t, active: true }],
		stages: defaultStages(t),
		campaigns: [],
		// Both edited the shared lead; Bo's later edit (won) must win in either order.
		leads:
			who === 'a'
				? [lead(`own-a`, 'won', t, 500), lead('shared', 'lost', t, 100)]
				: [lead(`own-b`, 'lost', t, 50), lead('shared', 'won', later, 300)],
		stageEvents:
			who === 'a'
				? [ev('own-a', 'won', '2026-04-01'), ev('shared', 'lost', '2026-04-02')]
				: [ev('own-b', 'lost', '2026-04-03'), ev('shared', 'won', '2026-04-10')],
		activities: [{ id: `act-${who}`, updatedAt: t, repId: rep.id, type: 'call', at: '2026-04-05' }],
		customers: [],
		forecasts: [],
		targets: []
	};
	return serializeSharedFile(
		toSharedFile(records, { name: `Team ${rep.name}`, currency: 'USD', timeZone: 'UTC' }, t)
	);
}

async function importShared(page: Page, name: string, text: string, reps: string) {
	await page.getByTestId('import-file').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await expect(page.getByTestId('shared-reps')).toHaveText(`Reps in the file: ${reps}`);
	await expect(page.getByTestId('merge-preview')).toBeVisible();
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(page.getByText(`Merged ${name}.`)).toBeVisible({ timeout: 30_000 });
}

test("two teammates' files merged in either order give the same KPIs", async ({ browser }) => {
	const a = teammateFile('a');
	const b = teammateFile('b');
	const tables: string[] = [];
	for (const order of [
		['ann.json', a, 'Ann', 'bo.json', b, 'Bo'],
		['bo.json', b, 'Bo', 'ann.json', a, 'Ann']
	] as const) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await startWorkspace(page, 'Mette Holm', { currency: 'USD' });
		await openImport(page);
		await expect(page.getByText('Team Ann')).toHaveCount(0);
		await importShared(page, order[0], order[1], order[2]);
		// The preview of the second file counts the shared lead as updated only when it wins.
		await importShared(page, order[3], order[4], order[5]);
		await page.getByLabel('From').first().fill('2026-01-01');
		await page.getByLabel('To (exclusive)').fill('2027-01-01');
		await page.getByRole('button', { name: 'Compare' }).click();
		const team = page.getByTestId('team-view');
		await expect(team.locator('tr[data-kpi="won"] td').first()).toHaveText('2', {
			timeout: 30_000
		});
		tables.push(await team.innerText());
		await context.close();
	}
	expect(tables[0]).toBe(tables[1]);
	// Won: own-a (500) and the shared lead, won by Bo's later edit (300).
	expect(tables[0]).toContain('$800.00');
});

test('the shared file exports the workspace, re-imports with nothing new, and stamps the last export', async ({
	page
}) => {
	await startWorkspace(page, 'Mette Holm', { currency: 'USD' });
	await openImport(page);
	await importShared(page, 'ann.json', teammateFile('a'), 'Ann');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export Tragt file' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^mette-holm-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await (await file.createReadStream()).toArray();
	const exported = JSON.parse(Buffer.concat(text).toString('utf8'));
	expect(exported.workspace).toMatchObject({ name: 'Mette Holm', currency: 'USD' });
	expect(exported.leads.map((l: { id: string }) => l.id).sort()).toEqual(['own-a', 'shared']);
	// Importing my own export changes nothing: every record is unchanged.
	await page.getByTestId('import-file').setInputFiles({
		name: 'mine.json',
		mimeType: 'application/json',
		buffer: Buffer.concat(text)
	});
	const preview = page.getByTestId('merge-preview');
	// New, updated, deleted: 0 for every record list (targets too).
	for (const column of [1, 2, 3])
		await expect(preview.locator(`tbody tr td:nth-of-type(${column})`)).toHaveText(
			Array(RECORD_LIST_NAMES.length).fill('0')
		);
	await page.goto('/settings');
	await expect(page.getByText(/^Last exported /)).toBeVisible();
});

test('a merge says it cannot be undone and leaves no older step to undo on top of it', async ({
	page
}) => {
	await startWorkspace(page, 'Mette Holm', { currency: 'USD' });
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('Kept lead');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kept lead' })).toBeVisible();
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	await expect(undo).toBeEnabled();
	// In-app navigation: the undo history lives in the page.
	await page.getByRole('link', { name: 'Import/export' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import/export' })).toBeVisible();
	await expect(undo).toBeEnabled();
	await page.getByTestId('import-file').setInputFiles({
		name: 'ann.json',
		mimeType: 'application/json',
		buffer: Buffer.from(teammateFile('a'))
	});
	await expect(
		page.getByText('An import cannot be undone with Undo.', { exact: false })
	).toBeVisible();
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(page.getByText('Merged ann.json.')).toBeVisible({ timeout: 30_000 });
	await expect(undo).toBeDisabled();
	await page.getByRole('link', { name: 'Leads' }).first().click();
	await expect(page.getByText('Kept lead')).toBeVisible();
});
