// One-thumb logging on a phone: from the Log tab's recent leads, one tap logs a call and a
// second records a positive response; the lead's page and the dashboard's count show it. The
// app's shortcut URLs open their screens with the form focused.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, loadDemo, parseCount, startWorkspace, statValue, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG A/AA violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (o: object) => Promise<{
						violations: { id: string; nodes: { target: string[] }[] }[];
					}>;
				};
			}
		).axe;
		const r = await axe.run({
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }
		});
		return r.violations.map(
			(v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	});
}

test('logs a call with a positive response in two taps from the recent leads', async ({ page }) => {
	await loadDemo(page);
	const before = parseCount(await statValue(page, 'Activities').textContent());
	expect(before).toBeGreaterThan(0);

	const tabs = page.getByRole('navigation', { name: 'Sections' }).filter({ visible: true });
	await tabs.getByRole('link', { name: 'Log' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Quick log' })).toBeVisible();

	const row = page.locator('ul.recent > li').first();
	const link = row.locator('a.name');
	const name = (await link.textContent())!.trim();
	const href = (await link.getAttribute('href'))!;

	// Tap 1: the call, logged now.
	const call = row.getByRole('button', { name: 'Log call' });
	const box = (await call.boundingBox())!;
	expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
	expect(box.x + box.width).toBeLessThanOrEqual(360);
	await call.tap();
	await expect(page.getByRole('status').getByText('Call logged')).toBeVisible();

	// Tap 2: the response, on the same row.
	const positive = row.getByRole('button', { name: 'Positive' });
	const pbox = (await positive.boundingBox())!;
	expect(Math.min(pbox.width, pbox.height)).toBeGreaterThanOrEqual(44);
	await positive.tap();
	await expect(positive).toHaveAttribute('aria-pressed', 'true');

	// Every target on the screen stays thumb-sized and nothing scrolls sideways at 360 px.
	for (const b of await page.locator('ul.recent button').all()) {
		const bb = (await b.boundingBox())!;
		expect(Math.min(bb.width, bb.height)).toBeGreaterThanOrEqual(44);
	}
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);

	// The lead's page lists the call, newest first, with its response.
	await link.tap();
	await expect(page).toHaveURL(href);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const newest = page
		.getByRole('region', { name: 'Activities' })
		.locator('ol.timeline > li')
		.first();
	await expect(newest).toContainText('Call');
	await expect(newest).toContainText('Positive');
});

test('the dashboard counts the activity logged from the quick log', async ({ page }) => {
	await startWorkspace(page);
	await page.goto('/log?new=1');
	const field = page.getByLabel('Name of the new lead');
	await expect(field).toBeFocused();
	await field.fill('Thumb lead');
	await page.getByRole('button', { name: 'Add lead' }).tap();
	await expect(page.getByRole('status').getByText('Lead Thumb lead created')).toBeVisible();

	const row = page.locator('ul.recent > li', { hasText: 'Thumb lead' });
	await row.getByRole('button', { name: 'Log call' }).tap();
	await row.getByRole('button', { name: 'Positive' }).tap();
	await expect(row.getByRole('button', { name: 'Positive' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	await page
		.getByRole('navigation', { name: 'Sections' })
		.filter({ visible: true })
		.getByRole('link', { name: 'Dashboard' })
		.tap();
	await expect(statValue(page, 'Activities')).toHaveText('1');
	await expect(statValue(page, 'Leads')).toHaveText('1');
});

test('shortcut URLs open their screens with the form focused', async ({ page }) => {
	await startWorkspace(page);
	// "New lead": the leads list with the name field focused.
	await page.goto('/leads?new=1');
	await expect(page.getByLabel('Name of the new lead')).toBeFocused();
	await page.keyboard.type('Shortcut lead');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Shortcut lead' })).toBeVisible();

	// Without the parameter nothing grabs the focus (no keyboard popping up on every visit).
	await page.goto('/leads');
	await expect(page.getByLabel('Name of the new lead')).not.toBeFocused();

	// "Log activity": the quick log, its first lead's Call focused; Enter logs it.
	await page.goto('/log?quick=1');
	const call = page.locator('ul.recent > li').first().getByRole('button', { name: 'Log call' });
	await expect(call).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').getByText('Call logged')).toBeVisible();
});

test.describe('accessibility', () => {
	// axe is injected as an inline script, which the app's Content-Security-Policy blocks.
	test.use({ bypassCSP: true });

	test('the quick log, with a response row open, has no WCAG A/AA violations', async ({ page }) => {
		await loadDemo(page);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			await page.goto('/log');
			const row = page.locator('ul.recent > li').first();
			await row.getByRole('button', { name: 'Log email' }).tap();
			await expect(row.getByRole('button', { name: 'Neutral' })).toBeVisible();
			await page.waitForTimeout(300); // the toast's entrance
			expect(await violations(page), `/log in ${scheme}`).toEqual([]);
			await row.locator('a.name').tap();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Neutral' })).toBeVisible();
			expect(await violations(page), `lead page in ${scheme}`).toEqual([]);
		}
	});
});
