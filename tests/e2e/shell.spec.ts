// The static shell (issue #17): the first screen is painted from the HTML before any of the
// app's modules is requested, and nothing done in it before the app has loaded is lost.
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

/** Holds every request for the app's modules until the returned function is called. */
async function holdModules(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

const shell = (page: Page) => page.locator('#tragt-shell');

/**
 * Holds the app's modules until `boot()`, then the welcome form's own chunk until `form()`: in
 * between, the app has started (SvelteKit's first navigation is over) while the shell's form is
 * still the one on the screen.
 */
async function holdBootThenForm(page: Page) {
	let boot!: () => void;
	let form!: () => void;
	const booted = new Promise<void>((resolve) => (boot = resolve));
	const formed = new Promise<void>((resolve) => (form = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await booted;
		const response = await route.fetch();
		const body = await response.body();
		if (body.includes('first-run-name')) await formed;
		await route.fulfill({ response, body });
	});
	return { boot, form };
}

test('the first screen is painted from the HTML before any module is requested', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.locator('#first-run-name')).toBeVisible();
	const timing = await page.evaluate(() => {
		const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
		const modules = performance
			.getEntriesByType('resource')
			.filter((r) => r.name.includes('/_app/immutable/'))
			.map((r) => r.startTime);
		return { paint, firstModule: Math.min(...modules), modules: modules.length };
	});
	expect(timing.modules).toBeGreaterThan(0);
	expect(timing.paint).toBeLessThan(timing.firstModule);
	// The app's form replaced the shell's.
	await expect(shell(page)).toHaveCount(0);
});

test('the welcome form works before the app has loaded: what is typed and pressed is kept', async ({
	page
}) => {
	const release = await holdModules(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tragt' })).toBeVisible();
	await expect(shell(page)).toHaveCount(1);
	// At 360 px the shell's form fits with no sideways scroll, as the app's does.
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.locator('#shell-name').fill('Ida Berg');
	await page.locator('#shell-currency').fill('sek');
	await page.locator('#tragt-shell').getByRole('button', { name: 'Start' }).click();
	// Nothing is lost while the modules are on their way; then the app carries the press out.
	await expect(page.locator('#shell-name')).toHaveValue('Ida Berg');
	release();
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	await expect(shell(page)).toHaveCount(0);
	await page.goto('/settings');
	await expect(page.getByLabel('Currency')).toHaveValue('SEK');
});

test('typing goes on through the take-over: no keystroke is lost, the field keeps the keyboard', async ({
	page
}) => {
	const hold = await holdBootThenForm(page);
	await page.goto('/');
	await page.locator('#shell-name').click();
	await page.keyboard.type('Ida');
	hold.boot();
	// The app has rendered its frame (SvelteKit's first navigation, which resets the focus, is
	// over); the welcome form's chunk is still held, so the shell's field is the one typed in.
	await expect(page.locator('.skip-link')).toHaveCount(1);
	await expect(shell(page)).toHaveCount(1);
	await page.keyboard.type(' Be');
	hold.form();
	await expect(shell(page)).toHaveCount(0);
	await page.keyboard.type('rg');
	await expect(page.locator('#first-run-name')).toHaveValue('Ida Berg');
	await expect(page.locator('#first-run-name')).toBeFocused();
});

test('a device with a workspace is painted the dashboard frame, in its language and theme', async ({
	page
}) => {
	await loadDemo(page);
	await page.evaluate(() => {
		localStorage.setItem('PARAGLIDE_LOCALE', 'da');
		localStorage.setItem('tragt.theme', 'dark');
	});
	const release = await holdModules(page);
	await page.reload();
	const frame = shell(page).locator('[data-screen="app"]');
	await expect(frame).toBeVisible();
	await expect(frame.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
	await expect(shell(page).locator('[data-screen="first-run"]')).toBeHidden();
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	release();
	await expect(page.locator('article[data-filled="true"]')).toHaveCount(13, { timeout: 30_000 });
	await expect(shell(page)).toHaveCount(0);
});
