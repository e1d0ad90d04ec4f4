import { expect, loadDemo, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const PAGES = [
	'/',
	'/leads',
	'/board',
	'/log',
	'/stage-moves',
	'/activities',
	'/campaigns',
	'/more',
	'/customers',
	'/forecasts',
	'/reps',
	'/stages',
	'/import-export',
	'/bin',
	'/settings'
];

test('at 360 px: bottom tabs, no sideways scrolling, every section reachable', async ({ page }) => {
	await loadDemo(page);
	const tabs = page.getByRole('navigation', { name: 'Sections' }).filter({ visible: true });
	await expect(tabs).toHaveCount(1);
	await expect(tabs.getByRole('link')).toHaveCount(5);

	for (const path of PAGES) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(tabs).toBeInViewport();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	}

	// Campaigns lives under More on phones.
	await page.goto('/');
	await tabs.getByRole('link', { name: 'More' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('More');
	await page.getByRole('main').getByRole('link', { name: 'Campaigns' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
	await expect(tabs.getByRole('link', { name: 'More' })).toHaveAttribute('aria-current', 'page');
});

test('tab and header controls are at least 44 px to tap', async ({ page }) => {
	await loadDemo(page);
	const targets = page.locator('.tab-bar a, .top-bar button, .top-bar a, .top-bar label');
	const count = await targets.count();
	expect(count).toBeGreaterThan(5);
	for (let i = 0; i < count; i++) {
		const box = await targets.nth(i).boundingBox();
		if (!box) continue;
		expect(Math.min(box.width, box.height), `target ${i}`).toBeGreaterThanOrEqual(44);
	}
});
