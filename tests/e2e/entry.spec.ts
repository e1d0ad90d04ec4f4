// Spreadsheet-like entry in Chromium: typing a row from the keyboard, pasting blocks (one undo
// step; a bad cell writes nothing), the stage-moves grid, the board's drag and drop and
// "Move to…", and one-thumb logging on a phone-sized screen.
import type { Page } from '@playwright/test';
import { expect, loadDemo, startWorkspace, test } from './fixtures';

/** Types like a person: RevoGrid opens its editor on the first key, so keys need a moment. */
async function typeCell(page: Page, text: string, then: 'Tab' | 'Enter') {
	await page.keyboard.type(text, { delay: 30 });
	await page.keyboard.press(then);
	await page.waitForTimeout(150);
}

/** What a paste from Excel or Sheets delivers to the focused grid. */
async function paste(page: Page, text: string) {
	await page.evaluate((t) => {
		const dt = new DataTransfer();
		dt.setData('text/plain', t);
		(document.activeElement ?? document).dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
		);
	}, text);
}

function rowCount(page: Page) {
	return page.locator('.count');
}

async function openGrid(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('revo-grid [role=gridcell]').first()).toBeVisible({ timeout: 15_000 });
}

test('types a new campaign entirely from the keyboard', async ({ page }) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	await expect(rowCount(page)).toContainText('10 of 10 rows');
	// Keyboard only: Tab to "Add row", Enter, then type along the new row.
	await page.getByRole('button', { name: 'Add row' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForTimeout(200);
	await typeCell(page, 'Zeta fair', 'Tab');
	await typeCell(page, 'Trade fair', 'Tab');
	await typeCell(page, 'sal', 'Tab'); // type-ahead: Sales
	await typeCell(page, '12,500.50', 'Tab');
	await typeCell(page, '3/1/2027', 'Enter');
	await expect(rowCount(page)).toContainText('11 of 11 rows');
	const row = page.locator('revo-grid .rgRow', { hasText: 'Zeta fair' });
	await expect(row).toContainText('Trade fair');
	await expect(row).toContainText('Sales');
	await expect(row).toContainText('12500.5');
	await expect(row).toContainText('03/01/2027');
});

test('pastes a 200-row block and undoes it in one step', async ({ page }) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	await page.getByRole('button', { name: 'Add row' }).click();
	// Excel's clipboard: CRLF rows, a quoted cell with a line break, a trailing CRLF.
	const rows = Array.from(
		{ length: 200 },
		(_, i) =>
			`Paste ${i + 1}\t${i === 0 ? '"Web\ninar"' : 'Webinar'}\tMarketing\t${1000 + i}.50\t1/${(i % 28) + 1}/2026\t`
	);
	await paste(page, rows.join('\r\n') + '\r\n');
	await expect(rowCount(page)).toContainText('210 of 210 rows');
	await expect(rowCount(page)).toContainText('200 new rows');
	await page.getByRole('button', { name: /^Undo/ }).first().click();
	await expect(rowCount(page)).toContainText('10 of 10 rows');
	await expect(page.getByRole('button', { name: /^Undo/ }).first()).toBeDisabled();
	// Redo brings all 200 back, again as one step.
	await page.getByRole('button', { name: /^Redo/ }).first().click();
	await expect(rowCount(page)).toContainText('210 of 210 rows');
});

test('a paste right after "Add row", before the focus reaches the grid, is not lost', async ({
	page
}) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	await expect(rowCount(page)).toContainText('10 of 10 rows');
	// The grid focuses the new row a frame after the click: paste in the same moment, as a fast
	// Ctrl+V does (the paste goes to the button, which still has the focus).
	const focused = await page.evaluate((t) => {
		const add = [...document.querySelectorAll('button')].find(
			(b) => b.textContent?.trim() === 'Add row'
		)!;
		add.focus();
		add.click();
		const dt = new DataTransfer();
		dt.setData('text/plain', t);
		document.activeElement?.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
		);
		return document.activeElement?.textContent?.trim();
	}, 'Quick 1\tWebinar\tMarketing\t10\r\nQuick 2\tWebinar\tSales\t20\r\n');
	expect(focused).toBe('Add row');
	await expect(rowCount(page)).toContainText('12 of 12 rows');
	await expect(page.getByRole('row').filter({ hasText: 'Quick 2' })).toContainText('Sales');
	// Pasted once, not also by the grid once it has the focus.
	await page.getByRole('button', { name: /^Undo/ }).first().click();
	await expect(rowCount(page)).toContainText('10 of 10 rows');
});

test('a bad pasted cell is reported by row and column and nothing is written', async ({ page }) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	await page.getByRole('button', { name: 'Add row' }).click();
	// The paste goes to the focused element: wait until the grid has taken focus.
	await expect
		.poll(() => page.evaluate(() => !!document.activeElement?.closest('revo-grid')))
		.toBe(true);
	await paste(page, 'Good one\tWeb\tMarketing\t12\r\nBad one\tWeb\tMaybe\t1,2,3\r\n');
	const problems = page.getByTestId('grid-problems');
	await expect(problems).toContainText('Nothing was pasted');
	await expect(problems).toContainText('Row 12, Origin: “Maybe”');
	await expect(problems).toContainText('Row 12, Budget: “1,2,3” is not a number');
	await expect(rowCount(page)).toContainText('10 of 10 rows');
	await expect(page.getByRole('button', { name: /^Undo/ }).first()).toBeDisabled();
});

test('deletes selected rows to the bin, with Undo in the toast', async ({ page }) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	const rows = page.locator('revo-grid .rgRow');
	const first = (await rows.nth(0).locator('[role=gridcell]').first().textContent())!.trim();
	// Two rows: click the first, Shift+click the second.
	await rows.nth(0).locator('[role=gridcell]').first().click();
	await rows
		.nth(1)
		.locator('[role=gridcell]')
		.first()
		.click({ modifiers: ['Shift'] });
	await page.getByRole('button', { name: 'Delete selected rows' }).click();
	await expect(rowCount(page)).toContainText('8 of 8 rows');
	await expect(page.locator('revo-grid')).not.toContainText(first);
	await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
	await expect(rowCount(page)).toContainText('10 of 10 rows');
	await page.goto('/bin');
	await expect(page.getByText(first)).toHaveCount(0);
});

test('a typed invalid value is marked in its cell with the reason, and not saved', async ({
	page
}) => {
	await loadDemo(page);
	await openGrid(page, '/campaigns');
	// The budget of the first row.
	await page.locator('revo-grid .rgRow').first().locator('[role=gridcell]').nth(3).click();
	await typeCell(page, 'lots', 'Enter');
	const bad = page.locator('revo-grid .cell-invalid');
	await expect(bad).toHaveText('lots');
	await expect(bad).toHaveAttribute('title', 'is not a number');
	await expect(page.getByTestId('grid-problems')).toContainText('Row 1, Budget: is not a number');
	await expect(page.getByRole('button', { name: /^Undo/ }).first()).toBeDisabled();
});

test('a move typed into the stage-moves grid shows in the lead history', async ({ page }) => {
	await startWorkspace(page);
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('Acme Robotics');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Acme Robotics' })).toBeVisible();
	const leadUrl = page.url();

	await openGrid(page, '/stage-moves');
	await expect(rowCount(page)).toContainText('1 of 1 rows');
	await page.getByRole('button', { name: 'Add row' }).click();
	await page.waitForTimeout(200);
	await typeCell(page, 'acme', 'Tab');
	await typeCell(page, 'Propo', 'Tab');
	// Logged after the fact with its own time: tomorrow 14:30 (the browser runs in UTC, like
	// the workspace it starts).
	const day = new Date(Date.now() + 86_400_000);
	const typed = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()} 14:30`;
	const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
	await typeCell(page, typed, 'Enter');
	await expect(rowCount(page)).toContainText('2 of 2 rows');

	await page.goto(leadUrl);
	const history = page.locator('ol.timeline').first();
	await expect(history.locator('li')).toHaveCount(2);
	await expect(history.locator('li').nth(1)).toContainText('Proposal');
	await expect(history.locator('li').nth(1)).toContainText(`${shown}, 2:30 PM`);
	await expect(page.locator('.badge').first()).toHaveText('Proposal');
});

test('drag a card on the board and use Move to…; the lead history shows both moves', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/board');
	const contacted = page.locator('[data-stage=contacted]');
	const card = contacted.locator('.lead-card').first();
	await expect(card).toBeVisible();
	const href = (await card.locator('.name').getAttribute('href'))!;
	const leadId = (await card.getAttribute('data-lead'))!;
	const before = await contacted.locator('header').textContent();

	const from = (await card.boundingBox())!;
	const to = (await page.locator('[data-stage=qualified] .cards').boundingBox())!;
	await page.mouse.move(from.x + 30, from.y + 20);
	await page.mouse.down();
	await page.mouse.move(from.x + 50, from.y + 30, { steps: 3 });
	await page.mouse.move(to.x + 80, to.y + 60, { steps: 10 });
	await expect(page.locator('[data-stage=qualified]')).toHaveClass(/target/);
	await page.mouse.up();
	await expect(page.getByText(/moved to Qualified/)).toBeVisible();
	await expect(contacted.locator('header')).not.toHaveText(before!);

	// The keyboard way: Move to… on the same card, now in Qualified.
	const moved = page.locator(`[data-stage=qualified] [data-lead="${leadId}"]`);
	await moved.getByRole('button', { name: /Move to/ }).focus();
	await page.keyboard.press('Enter');
	await page.getByRole('dialog').getByRole('button', { name: 'Lost' }).click();
	await page.getByLabel('Reason').selectOption({ label: 'Withdrawn by customer' });
	await page.getByRole('button', { name: 'Move to Lost' }).click();
	await expect(page.getByText(/moved to Lost/)).toBeVisible();

	await page.goto(href);
	const history = page.locator('ol.timeline').first();
	await expect(history.locator('li').nth(-2)).toContainText('Qualified');
	await expect(history.locator('li').nth(-1)).toContainText('Lost');
	await expect(page.getByText('Withdrawn by customer')).toBeVisible();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('logs a call with a positive response at 360 px wide', async ({ page }) => {
		await startWorkspace(page);
		await page.goto('/leads');
		await page.getByLabel('Name of the new lead').fill('Phone lead');
		await page.getByRole('button', { name: 'Add lead' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Phone lead' })).toBeVisible();
		const call = page.getByRole('button', { name: 'Log call' });
		const box = (await call.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44); // a thumb-sized target
		expect(box.x + box.width).toBeLessThanOrEqual(360);
		await call.tap();
		const positive = page.getByRole('button', { name: 'Positive' });
		await positive.tap();
		await expect(positive).toHaveAttribute('aria-pressed', 'true');
		await expect(page.locator('.badge', { hasText: 'Positive' })).toBeVisible();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});
});
