// The pipeline board and stage moves on a phone: dragging a card with a finger (long press,
// then drag; the board scrolls at its edge to reach the next column), "Move to…" with a time
// set, and the questions a move asks (lost: why; won: create the customer?) on the board and
// on the lead page.
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

test.use({
	viewport: { width: 360, height: 740 },
	hasTouch: true,
	isMobile: true,
	timezoneId: 'UTC'
});

/** A touch gesture through Chromium's real input pipeline (pointer and touch events alike). */
async function touch(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: type === 'touchEnd' ? [] : [{ x: Math.round(x), y: Math.round(y) }]
		});
	return {
		start: (x: number, y: number) => send('touchStart', x, y),
		move: (x: number, y: number) => send('touchMove', x, y),
		end: () => send('touchEnd')
	};
}

/** A minute-precision time `minutesAgo` before now, as typed (UTC) and as the history shows it. */
function pastMinute(minutesAgo: number) {
	const d = new Date(Date.now() - minutesAgo * 60_000);
	const p = (n: number) => String(n).padStart(2, '0');
	const typed = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
	const h = d.getUTCHours() % 12 || 12;
	const shown = `${h}:${p(d.getUTCMinutes())}\u202f${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
	return { typed, shown };
}

test('drag a card with a finger to the next column; the move is in the lead history', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/board');
	const source = page.locator('[data-stage=lead]');
	const card = source.locator('.lead-card').first();
	await expect(card).toBeVisible();
	const href = (await card.locator('.name').getAttribute('href'))!;
	const leadId = (await card.getAttribute('data-lead'))!;
	const contacted = page.locator('[data-stage=contacted]');
	const countBefore = await contacted.locator('header .figures span').first().textContent();

	const box = (await card.boundingBox())!;
	const y = box.y + 30;
	const finger = await touch(page);
	await finger.start(box.x + 60, y);
	await page.waitForTimeout(450); // the long press that turns a touch into a drag
	await finger.move(box.x + 70, y);
	await expect(page.locator('.ghost')).toBeVisible();
	// To the right edge: the board scrolls until Contacted is under the finger.
	for (let x = box.x + 70; x <= 350; x += 20) await finger.move(x, y);
	await expect
		.poll(async () => (await contacted.boundingBox())!.x, { timeout: 10_000 })
		.toBeLessThan(150);
	// Away from the edge, onto the middle of Contacted's visible part: the scrolling stops. The
	// board may scroll a little more before the finger gets there, so aim again until it is.
	await expect
		.poll(
			async () => {
				const b = (await contacted.boundingBox())!;
				const left = Math.max(b.x, 0);
				const right = Math.min(b.x + b.width, 360);
				await finger.move(Math.min(Math.max((left + right) / 2, 60), 300), y);
				return (await contacted.getAttribute('class')) ?? '';
			},
			{ timeout: 10_000 }
		)
		.toMatch(/target/);
	await finger.end();

	await expect(page.getByText(/moved to Contacted/)).toBeVisible();
	await expect(contacted.locator(`[data-lead="${leadId}"]`)).toHaveCount(1);
	await expect(contacted.locator('header .figures span').first()).not.toHaveText(countBefore!);

	await page.goto(href);
	const history = page.getByRole('region', { name: 'Stage' }).locator('ol.timeline > li');
	await expect(history.last()).toContainText('Contacted');
});

test('a swipe without the long press scrolls and moves nothing', async ({ page }) => {
	await loadDemo(page);
	await page.goto('/board');
	const card = page.locator('[data-stage=lead] .lead-card').first();
	const leadId = (await card.getAttribute('data-lead'))!;
	const box = (await card.boundingBox())!;
	const finger = await touch(page);
	await finger.start(box.x + 60, box.y + 30);
	for (let i = 1; i <= 8; i++) await finger.move(box.x + 60 - i * 25, box.y + 30);
	await finger.end();
	await page.waitForTimeout(300);
	await expect(page.locator('.ghost')).toHaveCount(0);
	await expect(page.locator(`[data-stage=lead] [data-lead="${leadId}"]`)).toHaveCount(1);
});

test('lead page: a move to Lost asks why, stores the reason and takes the time given', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/board');
	const card = page.locator('[data-stage=lead] .lead-card').first();
	await card.locator('.name').tap();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	const when = pastMinute(10);
	await page.getByLabel('Move to stage').selectOption({ label: 'Lost' });
	await page.getByLabel('When').fill(when.typed);
	await page.getByRole('button', { name: 'Move', exact: true }).tap();

	const dialog = page.getByRole('dialog', { name: 'Why was it lost?' });
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Reason').selectOption({ label: 'Withdrawn by customer' });
	await dialog.getByRole('button', { name: 'Move to Lost' }).tap();

	await expect(page.getByText('Moved to Lost')).toBeVisible();
	await expect(page.locator('.stage-badge')).toHaveText('Lost');
	await expect(page.locator('.facts')).toContainText('Withdrawn by customer');
	const last = page.getByRole('region', { name: 'Stage' }).locator('ol.timeline > li').last();
	await expect(last).toContainText('Lost');
	await expect(last).toContainText(when.shown);
});

test('lead page: cancelling the lost question moves nothing', async ({ page }) => {
	await loadDemo(page);
	await page.goto('/board');
	await page.locator('[data-stage=lead] .lead-card').first().locator('.name').tap();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const history = page.getByRole('region', { name: 'Stage' }).locator('ol.timeline > li');
	// Every lead has at least its first stage event: wait for the history before counting it.
	await expect(history.first()).toBeVisible();
	const before = await history.count();
	await page.getByLabel('Move to stage').selectOption({ label: 'Lost' });
	await page.getByRole('button', { name: 'Move', exact: true }).tap();
	const dialog = page.getByRole('dialog', { name: 'Why was it lost?' });
	await dialog.getByRole('button', { name: 'Cancel' }).tap();
	await expect(dialog).toBeHidden();
	await expect(history).toHaveCount(before);
	await expect(page.locator('.stage-badge')).toHaveText('Lead');
});

test('Move to… Won at a given time offers the customer, from the board and the lead page', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/board');
	const card = page.locator('[data-stage=lead] .lead-card').first();
	const href = (await card.locator('.name').getAttribute('href'))!;
	const move = card.getByRole('button', { name: /Move to/ });
	const mbox = (await move.boundingBox())!;
	expect(Math.min(mbox.width, mbox.height)).toBeGreaterThanOrEqual(44);
	await move.tap();

	const when = pastMinute(5);
	const menu = page.getByRole('dialog', { name: /^Move .* to$/ });
	await menu.getByLabel('When').fill(when.typed);
	await menu.getByRole('button', { name: 'Won' }).tap();
	const offer = page.getByRole('dialog', { name: 'Won! Create the customer?' });
	await expect(offer).toBeVisible();
	await offer.getByRole('button', { name: 'Create customer' }).tap();
	await expect(page.getByText(/^Customer .* created$/)).toBeVisible();

	await page.goto(href);
	const last = page.getByRole('region', { name: 'Stage' }).locator('ol.timeline > li').last();
	await expect(last).toContainText('Won');
	await expect(last).toContainText(when.shown);

	// From the lead page too: back to Negotiation, then Won again offers the customer.
	await page.getByLabel('Move to stage').selectOption({ label: 'Negotiation' });
	await page.getByRole('button', { name: 'Move', exact: true }).tap();
	await expect(page.locator('.stage-badge')).toHaveText('Negotiation');
	await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
	await page.getByRole('button', { name: 'Move', exact: true }).tap();
	await expect(page.getByRole('dialog', { name: 'Won! Create the customer?' })).toBeVisible();
});

test('filters by campaign and rep; every column counts only what the filter keeps', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/board');
	await expect(page.locator('.lead-card').first()).toBeVisible();
	const total = async () => {
		let sum = 0;
		const heads = page.locator('[data-stage] header .figures span:first-child');
		for (const t of await heads.allTextContents()) sum += Number(t.replace(/[^\d]/g, ''));
		return sum;
	};
	const all = await total();
	expect(all).toBeGreaterThan(0);

	await page.getByLabel('Campaign').selectOption({ index: 1 });
	await expect.poll(total).toBeLessThan(all);
	const byCampaign = await total();
	expect(byCampaign).toBeGreaterThan(0);

	// The small demo team has one rep, who owns every lead: choosing them keeps the count.
	await page.getByLabel('Rep').selectOption({ index: 1 });
	await page.waitForTimeout(200);
	expect(await total()).toBe(byCampaign);

	await page.getByLabel('Campaign').selectOption('');
	await expect.poll(total).toBe(all);
});
