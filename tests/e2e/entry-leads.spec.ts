// The leads grid (<RecordGrid list="leads">, mounted on /leads): a new lead typed entirely
// from the keyboard, a pasted block of leads undone in one step, and a stage edit to lost that
// asks for the reason. LEADS_GRID_PATH points elsewhere while the grid is mounted elsewhere.
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

const PATH = process.env.LEADS_GRID_PATH ?? '/leads?view=grid';

async function typeCell(page: Page, text: string, then: 'Tab' | 'Enter') {
	await page.keyboard.type(text, { delay: 30 });
	await page.keyboard.press(then);
	await page.waitForTimeout(150);
}

async function paste(page: Page, text: string) {
	await page.evaluate((t) => {
		const dt = new DataTransfer();
		dt.setData('text/plain', t);
		(document.activeElement ?? document).dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
		);
	}, text);
}

async function openLeads(page: Page) {
	await loadDemo(page);
	await page.goto(PATH);
	await expect(page.locator('revo-grid [role=gridcell]').first()).toBeVisible({ timeout: 15_000 });
	const text = (await page.locator('.count').textContent()) ?? '';
	return Number(/of ([\d,]+) rows/.exec(text)?.[1].replace(/,/g, ''));
}

test('types a new lead entirely from the keyboard', async ({ page }) => {
	const total = await openLeads(page);
	await page.getByRole('button', { name: 'Add row' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForTimeout(200);
	await typeCell(page, 'Keyboard Kirsten', 'Tab');
	await typeCell(page, 'Tastatur ApS', 'Tab');
	await typeCell(page, 'qual', 'Tab'); // type-ahead to Qualified
	await typeCell(page, '7,250.5', 'Enter');
	await expect(page.locator('.count')).toContainText(`of ${(total + 1).toLocaleString('en')} rows`);
	// Newest first: the new lead is the top row.
	const row = page.locator('revo-grid .rgRow').first();
	await expect(row).toContainText('Keyboard Kirsten');
	await expect(row).toContainText('Tastatur ApS');
	await expect(row).toContainText('Qualified');
	await expect(row).toContainText('7250.5');
});

test('pastes 200 leads and undoes them in one step', async ({ page }) => {
	const total = await openLeads(page);
	await page.getByRole('button', { name: 'Add row' }).click();
	const block = Array.from(
		{ length: 200 },
		(_, i) => `Pasted lead ${i}\tPaste Co ${i}\tLead\t${i * 10}`
	);
	await paste(page, block.join('\r\n') + '\r\n');
	await expect(page.locator('.count')).toContainText(
		`of ${(total + 200).toLocaleString('en')} rows`
	);
	await page.keyboard.press('Control+z');
	await expect(page.locator('.count')).toContainText(`of ${total.toLocaleString('en')} rows`);
});

test('editing a stage to Lost asks for the reason and saves it with the move', async ({ page }) => {
	await openLeads(page);
	const first = page.locator('revo-grid .rgRow').first();
	const name = (await first.locator('[role=gridcell]').first().textContent())!.trim();
	await first.locator('[role=gridcell]').nth(2).click();
	await page.keyboard.press('Enter');
	// Wait for the cell editor to take focus before clearing it (keys sent earlier go nowhere).
	const editor = page.locator('revo-grid input:focus');
	await expect(editor).toHaveCount(1);
	await editor.fill('');
	await typeCell(page, 'Lost', 'Enter');
	await page.getByLabel('Reason').selectOption({ label: 'Withdrawn by customer' });
	await page.getByRole('button', { name: 'Move to Lost' }).click();
	const row = page.locator('revo-grid .rgRow', { hasText: name }).first();
	await expect(row).toContainText('Lost');
	// The reason is the last column: bring it into view (columns are virtual too).
	await page.evaluate(() =>
		(
			document.querySelector('revo-grid') as unknown as {
				scrollToColumnProp(p: string): Promise<void>;
			}
		).scrollToColumnProp('lostReason')
	);
	await expect(page.locator('revo-grid .rgRow').first()).toContainText('Withdrawn by customer');
});
