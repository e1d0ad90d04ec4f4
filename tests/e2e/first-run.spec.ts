import { expect, startWorkspace, statValue, test } from './fixtures';

test('a new user names themself and lands on their own workspace', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Tragt');
	// The name is required: Start without it stays on the welcome screen and says why.
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Enter your name.')).toBeVisible();

	await startWorkspace(page, 'Mette Holm');
	await expect(page.getByText('Workspace Mette Holm')).toBeVisible();
	await expect(statValue(page, 'Leads')).toHaveText('0');

	// The user is the workspace's first rep.
	await page.goto('/reps');
	await expect(page.getByRole('cell', { name: /Mette Holm/ })).toBeVisible();

	// Reloading does not ask again.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Reps' })).toBeVisible();
});

test('a lead added from the Leads page is kept after a reload', async ({ page }) => {
	await startWorkspace(page);
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill('Nordlys ApS');
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nordlys ApS' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Nordlys ApS' })).toBeVisible();
	await page.goto('/');
	await expect(statValue(page, 'Leads')).toHaveText('1');
	await expect(statValue(page, 'Open leads')).toHaveText('1');
});
