// Entry in Firefox and WebKit: a lead typed into the grid with the engine's own key events (and
// still there after a reload), a pasted block of 200 leads undone in one step, and the board's
// "Move to…" writing a stage event that the lead's history shows.
import type { EnginePage } from './engine-page';
import { expect, test } from './fixtures';
import { loadDemo } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rowTotal(app: EnginePage): Promise<number> {
	const text = (await app.text('.count')) ?? '';
	return Number(/of ([\d,]+) rows/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
}

async function openLeadsGrid(app: EnginePage) {
	await app.goto('/leads?view=grid');
	await app.waitFor('revo-grid [role=gridcell]', { timeout: 20_000 });
	await expect.poll(() => rowTotal(app)).toBeGreaterThan(0);
	return rowTotal(app);
}

/** The grid is ready for the next cell: its editor has closed and a cell has the focus. */
function cellFocused(app: EnginePage) {
	return app.evaluate(() => {
		const a = document.activeElement;
		return (
			!!a?.closest('revo-grid') &&
			a.tagName !== 'INPUT' &&
			!document.querySelector('revo-grid revogr-edit')
		);
	});
}

/**
 * Types a cell like a person who looks at the grid: RevoGrid closes the editor and moves the
 * focus to the next cell a moment after Tab (a built-in delay of at least 70 ms, longer in
 * WebKitGTK under Xvfb); keys pressed before that reach the old edit or the page, in every engine.
 */
async function typeCell(app: EnginePage, text: string, then: 'Tab' | 'Enter') {
	await expect.poll(() => cellFocused(app)).toBe(true);
	await app.type(text, 30);
	await app.press(then);
	await sleep(50);
}

/**
 * What a paste from Excel or Sheets delivers to the focused grid. Firefox builds a constructed
 * paste event's clipboardData from its own `dataType` and `data` members (it ignores a
 * `clipboardData` passed in), so both are given: a real paste fills clipboardData in every engine.
 */
async function paste(app: EnginePage, text: string) {
	await app.evaluate((t: string) => {
		const dt = new DataTransfer();
		dt.setData('text/plain', t);
		const init = {
			clipboardData: dt,
			dataType: 'text/plain',
			data: t,
			bubbles: true,
			cancelable: true
		};
		(document.activeElement ?? document).dispatchEvent(new ClipboardEvent('paste', init));
	}, text);
}

test('a lead typed into the grid is saved; 200 pasted leads go in one undo step', async ({
	app
}) => {
	await loadDemo(app);
	const total = await openLeadsGrid(app);

	// Keyboard only: Add row, then type along the new row.
	await app.click({ role: 'button', name: 'Add row' });
	await typeCell(app, 'Keyboard Kirsten', 'Tab');
	await typeCell(app, 'Tastatur ApS', 'Tab');
	await typeCell(app, 'qual', 'Tab'); // type-ahead to Qualified
	await typeCell(app, '7,250.5', 'Enter');
	await expect.poll(() => rowTotal(app)).toBe(total + 1);
	const top = { css: 'revo-grid .rgRow' };
	await expect.poll(() => app.text(top)).toContain('Keyboard Kirsten');
	expect(await app.text(top)).toContain('Tastatur ApS');
	expect(await app.text(top)).toContain('Qualified');
	expect(await app.text(top)).toContain('7250.5');

	// Stored in IndexedDB: a reload shows it.
	await app.reload();
	await app.waitFor('revo-grid [role=gridcell]', { timeout: 20_000 });
	await expect.poll(() => rowTotal(app)).toBe(total + 1);
	await expect.poll(() => app.text(top)).toContain('Keyboard Kirsten');

	// A pasted block of 200 leads, then one undo.
	await app.click({ role: 'button', name: 'Add row' });
	const block = Array.from(
		{ length: 200 },
		(_, i) => `Pasted lead ${i}\tPaste Co ${i}\tLead\t${i * 10}`
	);
	await paste(app, block.join('\r\n') + '\r\n');
	await expect.poll(() => rowTotal(app), { timeout: 30_000 }).toBe(total + 201);
	await app.click({ role: 'button', name: 'Undo', within: 'header' });
	await expect.poll(() => rowTotal(app), { timeout: 30_000 }).toBe(total + 1);
	// And redo brings them back, as one step.
	await app.click({ role: 'button', name: 'Redo', within: 'header' });
	await expect.poll(() => rowTotal(app), { timeout: 30_000 }).toBe(total + 201);
});

test('the board\'s "Move to…" writes a stage event the lead history shows', async ({ app }) => {
	await loadDemo(app);
	await app.goto('/board');
	const card = { css: '[data-stage=contacted] .lead-card' };
	await app.waitFor(card, { timeout: 20_000 });
	const leadId = (await app.attribute(card, 'data-lead'))!;
	const href = (await app.attribute({ css: '[data-stage=contacted] .lead-card .name' }, 'href'))!;

	await app.click({ role: 'button', name: /Move to/, within: `[data-lead="${leadId}"]` });
	await app.click({ role: 'button', name: 'Qualified', within: 'dialog[open]' });
	await app.waitFor({ text: /moved to Qualified/ });
	await app.waitFor({ css: `[data-stage=qualified] [data-lead="${leadId}"]` });

	// Stored: after a reload the card is still in Qualified, and the history ends with the move.
	await app.reload();
	await app.waitFor({ css: `[data-stage=qualified] [data-lead="${leadId}"]` }, { timeout: 20_000 });
	await app.goto(href);
	await app.waitFor({ role: 'heading', name: 'Stage history' });
	await expect
		.poll(() =>
			app.evaluate(() => {
				const items = document.querySelectorAll('[aria-labelledby=stage-h] ol.timeline > li');
				return items[items.length - 1]?.textContent ?? '';
			})
		)
		.toContain('Qualified');
});
