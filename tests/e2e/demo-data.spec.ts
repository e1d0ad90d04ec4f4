import { expect, loadDemo, parseCount, statValue, test } from './fixtures';

const SECTIONS: [link: string, heading: string][] = [
	['Leads', 'Leads'],
	['Board', 'Board'],
	['Activities', 'Activities'],
	['Campaigns', 'Campaigns'],
	['Customers', 'Customers'],
	['Forecasts', 'Forecasts'],
	['Reps', 'Reps'],
	['Stages', 'Stages'],
	['Import/export', 'Import/export'],
	['Bin', 'Bin'],
	['Settings', 'Settings'],
	['Dashboard', 'Dashboard']
];

test.use({ viewport: { width: 1280, height: 800 } });

test('demo data fills the dashboard and survives a reload', async ({ page }) => {
	await loadDemo(page);
	const leads = parseCount(await statValue(page, 'Leads').textContent());
	const activities = parseCount(await statValue(page, 'Activities').textContent());
	const open = parseCount(await statValue(page, 'Open leads').textContent());
	expect(leads).toBeGreaterThan(100);
	expect(activities).toBeGreaterThan(leads);
	expect(open).toBeGreaterThan(0);
	expect(open).toBeLessThan(leads);

	const leadsText = await statValue(page, 'Leads').textContent();
	const activitiesText = await statValue(page, 'Activities').textContent();
	await page.reload();
	await expect(statValue(page, 'Leads')).toHaveText(leadsText ?? '');
	await expect(statValue(page, 'Activities')).toHaveText(activitiesText ?? '');
});

test('every section is reachable from the side navigation and has its heading', async ({
	page
}) => {
	await loadDemo(page);
	const nav = page.getByRole('navigation', { name: 'Sections' }).first();
	for (const [link, heading] of SECTIONS) {
		await nav.getByRole('link', { name: link, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}
});

test('the demo lists are filled: leads, a lead page, activities, reps, stages', async ({
	page
}) => {
	await loadDemo(page);
	await page.goto('/leads');
	await expect(page.getByText(/^200 of [\d,]+ leads$/)).toBeVisible();
	await expect(page.locator('tbody tr')).toHaveCount(200);
	await page.getByRole('button', { name: 'Show more' }).click();
	await expect(page.locator('tbody tr')).toHaveCount(400);

	// Search narrows the list by name.
	const first = (await page.locator('tbody tr a').first().textContent()) ?? '';
	await page.getByLabel('Search by name').fill(first);
	await expect(page.locator('tbody tr a').first()).toHaveText(first);

	await page.locator('tbody tr a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
	await expect(page.getByRole('heading', { name: 'Stage history' })).toBeVisible();

	await page.goto('/activities');
	await expect(page.locator('tbody tr')).toHaveCount(200);
	await page.goto('/stages');
	await expect(page.getByRole('cell', { name: 'Negotiation' })).toBeVisible();
	await page.goto('/reps');
	await expect(page.locator('tbody tr').first()).toBeVisible();
});
