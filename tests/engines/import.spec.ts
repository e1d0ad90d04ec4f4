// Import and sharing in Firefox and WebKit: a real Salesforce export (BOM, API field names)
// through the CSV wizard to the dashboard, and a workspace exported as the shared file and merged
// by a teammate in another browser, whose dashboard then equals the engine on the merged records.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { readCsv } from '../../src/lib/io/csv-import';
import { mergeSharedFiles } from '../../src/lib/io/merge';
import { SALESFORCE } from '../fixtures/external-data';
import { expect, test } from './fixtures';
import {
	engineKpis,
	exportSharedFile,
	expectTiles,
	loadDemo,
	pastDays,
	settled,
	startWorkspace,
	tileValues
} from './support';

const CRM = path.resolve('tests/fixtures/crm');
const dir = mkdtempSync(path.join(tmpdir(), 'tragt-engines-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a Salesforce opportunity export goes through the wizard to the dashboard', async ({
	app
}) => {
	await startWorkspace(app, 'Mette Holm', 'USD');
	await app.goto('/import-export');
	await app.waitFor({ role: 'heading', level: 1, name: 'Import/export' });
	await app.upload('[data-testid=import-file]', path.join(SALESFORCE, 'Opportunity.csv'));
	await app.waitFor({ text: /^Opportunity\.csv: 50 rows, \d+ columns$/ }, { timeout: 30_000 });
	// Detected: the Salesforce preset, from the file's own headers.
	await expect.poll(() => app.value({ label: 'Preset' })).toBe('salesforce-opportunity');
	await app.click({ role: 'button', name: 'Check the whole file' });
	await app.waitFor({ text: 'The whole file is valid' }, { timeout: 30_000 });
	await app.click({ role: 'button', name: /^Import [\d,]+ records$/ });
	await app.waitFor({ text: /^Imported [\d,]+ records\.$/ }, { timeout: 60_000 });

	// The published facts: 12 won and 3 lost deals, closed from 2023 to 2024.
	await app.goto('/?period=custom&from=2023-01-01&to=2024-12-31');
	await settled(app);
	await expect.poll(() => app.text('article[data-kpi="winLoss"]')).toContain('12 won · 3 lost');
	// Open deals: 50 less the 15 closed.
	expect(await app.attribute('article[data-kpi="stageDistribution"]', 'data-value')).toBe('35');
});

test('an Excel workbook (.xlsx) goes through the same wizard: its reader loads in the worker', async ({
	app
}) => {
	// The Pipedrive deals (tests/fixtures/crm) as a spreadsheet program saves them: date cells.
	const { table } = readCsv(new Uint8Array(readFileSync(path.join(CRM, 'pipedrive-deals.csv'))));
	const rows = table.rows.map((r) =>
		r.map((v, i) => {
			if (v === '') return null;
			if (/created|time|date/i.test(table.headers[i])) {
				const [d, t = '00:00:00'] = v.split(' ');
				const [y, mo, da] = d.split('-').map(Number);
				const [h, mi, s] = t.split(':').map(Number);
				return {
					value: new Date(Date.UTC(y, mo - 1, da, h, mi, s)),
					type: Date,
					format: 'yyyy-mm-dd hh:mm:ss'
				};
			}
			return /^\d+$/.test(v) ? { value: Number(v), type: Number } : { value: v, type: String };
		})
	);
	const file = path.join(dir, 'deals.xlsx');
	writeFileSync(
		file,
		await writeXlsxFile([
			table.headers.map((h) => ({ value: h, type: String })),
			...rows
		]).toBuffer()
	);
	await startWorkspace(app, 'Mette Holm', 'DKK');
	await app.goto('/import-export');
	await app.waitFor({ role: 'heading', level: 1, name: 'Import/export' });
	await app.upload('[data-testid=import-file]', file);
	await app.waitFor({ text: 'deals.xlsx: 12 rows, 16 columns' }, { timeout: 30_000 });
	await expect.poll(() => app.value({ label: 'Preset' })).toBe('pipedrive-deals');
	await app.click({ role: 'button', name: 'Check the whole file' });
	await app.waitFor({ text: 'The whole file is valid' }, { timeout: 30_000 });
	await app.click({ role: 'button', name: /^Import [\d,]+ records$/ });
	await app.waitFor({ text: /^Imported [\d,]+ records\.$/ }, { timeout: 60_000 });
	await app.goto('/?period=custom&from=2024-01-01&to=2024-12-31');
	await settled(app);
	await expect.poll(() => app.text('article[data-kpi="winLoss"]')).toContain('5 won · 3 lost');
});

test("an exported workspace merged in a teammate's browser gives the engine's figures", async ({
	app,
	openBrowser
}) => {
	await loadDemo(app);
	const mine = await exportSharedFile(app);
	const file = path.join(dir, mine.name);
	writeFileSync(file, mine.text);

	// The teammate: their own workspace, then my file through the merge preview.
	const bo = await openBrowser();
	await startWorkspace(bo, 'Bo Berg', 'DKK');
	const before = (await exportSharedFile(bo, 0)).file;
	await bo.upload('[data-testid=import-file]', file);
	await bo.waitFor('[data-testid=merge-preview]', { timeout: 30_000 });
	await expect.poll(() => bo.text('[data-testid=shared-reps]')).toMatch(/^Reps in the file: /);
	await bo.click({ role: 'button', name: 'Merge into my data' });
	await bo.waitFor({ text: `Merged ${mine.name}.` }, { timeout: 60_000 });

	// What the teammate holds now is the merge of both files, record for record.
	const after = (await exportSharedFile(bo, 1)).file;
	const want = mergeSharedFiles([before, mine.file]);
	const ids = (f: typeof after) => ({
		leads: f.leads.map((r) => `${r.id}@${r.updatedAt}`).sort(),
		stageEvents: f.stageEvents.length,
		activities: f.activities.length,
		reps: f.reps.map((r) => r.id).sort()
	});
	expect(ids(after)).toEqual(ids(want));

	// And the teammate's dashboard equals the engine on those records.
	const { range, query } = pastDays(150, 30, after.workspace.timeZone);
	await bo.goto(`/?${query}`);
	await settled(bo);
	expectTiles(await tileValues(bo), engineKpis(after, range));
});
