// Real CRM export shapes through the wizard in Chromium with nothing changed from what it
// offers: Pipedrive deals with only won and lost times, HubSpot deals in today's label casing, a
// Salesforce opportunity report, the same Pipedrive deals as an Excel workbook, a stage the
// wizard can only guess (shown and confirmed first), and deals and activities chosen together.
// The fixtures are hand-written from the vendors' documented columns (tests/fixtures/crm).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { readCsv } from '../../src/lib/io/csv-import';
import { expect, startWorkspace, test } from './fixtures';

const CRM = path.resolve('tests/fixtures/crm');
// The deals of the fixtures close in 2024: the dashboard over that year.
const YEAR_2024 = '/?period=custom&from=2024-01-01&to=2024-12-31';

test.use({ timezoneId: 'Europe/Copenhagen' });

async function openImport(page: Page) {
	await page.goto('/import-export');
	await expect(page.getByRole('heading', { level: 1, name: 'Import/export' })).toBeVisible();
}

/** Checks and imports the file the wizard holds, with whatever it offers. */
async function checkAndImport(page: Page) {
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await expect(page.getByText('The whole file is valid')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click();
	await expect(page.getByText(/^Imported [\d,]+ records\.$/)).toBeVisible({ timeout: 30_000 });
}

async function winLossIn2024(page: Page) {
	await page.goto(YEAR_2024);
	const tile = page.locator('article[data-kpi="winLoss"]');
	await expect(tile).toHaveAttribute('data-filled', 'true', { timeout: 30_000 });
	await expect(page.locator('[role=status][data-updating]').first()).toHaveAttribute(
		'data-updating',
		'false'
	);
	return tile;
}

for (const [file, preset, counts, rate] of [
	['pipedrive-deals.csv', 'pipedrive-deals', '5 won · 3 lost', '62.5%'],
	['hubspot-deals.csv', 'hubspot-deals', '4 won · 2 lost', '66.7%'],
	['salesforce-opportunity-report.csv', 'salesforce-opportunity-report', '3 won · 2 lost', '60%']
] as const) {
	test(`${file} imports with the wizard's defaults to the right win rate`, async ({ page }) => {
		await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
		await openImport(page);
		await page.getByTestId('import-file').setInputFiles(path.join(CRM, file));
		await expect(page.getByLabel('Preset', { exact: true })).toHaveValue(preset);
		if (preset === 'pipedrive-deals') {
			// The close is the won time for won deals and the lost time for lost ones, shown so.
			await expect(page.getByLabel('Won time (won deals)', { exact: true })).toHaveValue(
				'Deal - Won time'
			);
			await expect(page.getByLabel('Lost time (lost deals)', { exact: true })).toHaveValue(
				'Deal - Lost time'
			);
			await expect(page.getByTestId('status-decides')).toContainText('Deal - Status');
		}
		await checkAndImport(page);
		const tile = await winLossIn2024(page);
		await expect(tile).toContainText(counts);
		await expect(tile).toContainText(rate);
	});
}

test('an Excel workbook of the Pipedrive deals gives the same figures as its CSV', async ({
	page
}) => {
	// The CSV's rows as a workbook: a cover sheet, then the deals with real date cells.
	const { table } = readCsv(new Uint8Array(readFileSync(path.join(CRM, 'pipedrive-deals.csv'))));
	const dateColumn = (h: string) => /created|time|date/i.test(h);
	const rows = table.rows.map((r) =>
		r.map((v, i) => {
			if (v === '') return null;
			const h = table.headers[i];
			if (dateColumn(h)) {
				const [d, t = '00:00:00'] = v.split(' ');
				const [y, mo, da] = d.split('-').map(Number);
				const [hh, mi, ss] = t.split(':').map(Number);
				return {
					value: new Date(Date.UTC(y, mo - 1, da, hh, mi, ss)),
					type: Date,
					format: 'yyyy-mm-dd hh:mm:ss'
				};
			}
			return /^\d+$/.test(v) ? { value: Number(v), type: Number } : { value: v, type: String };
		})
	);
	const xlsx = await writeXlsxFile([
		{ sheet: 'Cover', data: [[{ value: 'Pipedrive export', type: String }]] },
		{ sheet: 'Deals', data: [table.headers.map((h) => ({ value: h, type: String })), ...rows] }
	]).toBuffer();

	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	await openImport(page);
	await page.getByTestId('import-file').setInputFiles({
		name: 'deals.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: xlsx
	});
	// The deals sheet is read, not the cover before it; both are offered.
	const sheet = page.getByLabel('Sheet');
	await expect(sheet).toHaveValue('Deals');
	await expect(sheet.locator('option')).toHaveText(['Cover (1 rows)', 'Deals (13 rows)']);
	await expect(page.getByText('deals.xlsx: 12 rows, 16 columns')).toBeVisible();
	await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('pipedrive-deals');
	await checkAndImport(page);
	const tile = await winLossIn2024(page);
	await expect(tile).toContainText('5 won · 3 lost');
	await expect(tile).toHaveAttribute('data-value', '0.625');
});

test('a stage the wizard can only guess is shown as a guess and imported once confirmed', async ({
	page
}) => {
	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	await openImport(page);
	const csv = [
		'Deal - Title,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Lost time',
		'Alfa,Verbal commitment,Open,2024-03-01 10:00:00,,',
		'Beta,Verbal commitment,Open,2024-03-02 10:00:00,,',
		'Gamma,Proposal Made,Won,2024-03-03 10:00:00,2024-04-01 10:00:00,'
	].join('\n');
	await page.getByTestId('import-file').setInputFiles({
		name: 'deals.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	const guess = page.locator('.pair.guess');
	await expect(guess).toHaveCount(1);
	await expect(guess).toContainText('Verbal commitment');
	await expect(guess).toContainText('2 rows');
	await expect(guess).toContainText('Guessed');
	await expect(guess.getByRole('combobox')).toHaveValue('negotiation');
	// Nothing is checked, let alone imported, before the guess is confirmed.
	const check = page.getByRole('button', { name: 'Check the whole file' });
	await expect(check).toBeDisabled();
	await expect(page.getByText('Confirm the guessed stages first.')).toBeVisible();
	const confirm = page.getByLabel('The guessed stages are right (1)');
	await confirm.check();
	await expect(check).toBeEnabled();
	// Still marked as a guess; unticking asks for the confirmation again.
	await expect(guess).toContainText('Guessed');
	await confirm.uncheck();
	await expect(check).toBeDisabled();
	await confirm.check();
	await checkAndImport(page);
	await page.goto('/leads');
	await page.getByRole('link', { name: 'Alfa' }).click();
	await expect(page.locator('.stage-badge')).toHaveText('Negotiation');
});

test('deals and activities chosen together: the deals first, then the activities link to them', async ({
	page
}) => {
	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	await openImport(page);
	// Chosen in the other order: the wizard takes the deals first.
	await page
		.getByTestId('import-file')
		.setInputFiles([
			path.join(CRM, 'pipedrive-activities.csv'),
			path.join(CRM, 'pipedrive-deals.csv')
		]);
	await expect(page.getByText('pipedrive-deals.csv: 12 rows, 16 columns')).toBeVisible();
	await expect(page.getByText('1 more files to import after this one')).toBeVisible();
	await checkAndImport(page);
	await page.getByRole('button', { name: 'Next file: pipedrive-activities.csv' }).click();
	await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('pipedrive-activities');
	await checkAndImport(page);
	// Acme website (deal 1) has its intro call and workshop.
	await page.goto('/leads/1');
	await expect(page.getByRole('heading', { level: 1, name: 'Acme website' })).toBeVisible();
	const activities = page.locator('[aria-labelledby=activities-h] ol.timeline > li');
	await expect(activities).toHaveCount(2);
	await expect(activities.first()).toContainText('Scope workshop');
});
