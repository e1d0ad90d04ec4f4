import { expect, startWorkspace, statValue, test } from './fixtures';

test('the header theme switch applies at once and is remembered', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await startWorkspace(page);
	const html = page.locator('html');
	await expect(html).toHaveAttribute('data-theme', 'light');
	await page.locator('header').getByRole('radio', { name: 'Dark' }).check();
	await expect(html).toHaveAttribute('data-theme', 'dark');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.reload();
	await expect(html).toHaveAttribute('data-theme', 'dark');
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
		background
	);
	// System follows the device again.
	await page.locator('header').getByRole('radio', { name: 'System' }).check();
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect(html).toHaveAttribute('data-theme', 'dark');
	await page.emulateMedia({ colorScheme: 'light' });
	await expect(html).toHaveAttribute('data-theme', 'light');
});

test('Danish: the language switch translates the app and formats numbers the Danish way', async ({
	page
}) => {
	await startWorkspace(page, 'Mette Holm', { currency: 'DKK' });
	await page.goto('/settings');
	await page.getByLabel('Language', { exact: true }).selectOption('da');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indstillinger');
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await page
		.getByRole('navigation', { name: 'Sektioner' })
		.first()
		.getByRole('link', { name: 'Overblik' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overblik');
	await expect(statValue(page, 'Værdi af åben pipeline')).toContainText('kr.');

	await page.goto('/settings');
	await page.getByLabel('Sprog', { exact: true }).selectOption('en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});

test('workspace settings are saved and my name renames my rep', async ({ page }) => {
	await startWorkspace(page, 'Mette Holm');
	await page.goto('/settings');
	await expect(page.getByLabel('My name')).toHaveValue('Mette Holm');
	await page.getByLabel('Workspace name').fill('Nordic team');
	await page.getByLabel('My name').fill('Mette H. Holm');
	await page.getByLabel('Currency').fill('EUR');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Settings saved');
	await page.reload();
	await expect(page.getByLabel('Workspace name')).toHaveValue('Nordic team');
	await expect(page.getByLabel('Currency')).toHaveValue('EUR');
	await expect(page.locator('header')).toContainText('Nordic team');
	await page.goto('/');
	await expect(statValue(page, 'Open pipeline value')).toContainText('€');
	await page.goto('/reps');
	await expect(page.getByRole('cell', { name: /Mette H\. Holm/ })).toBeVisible();

	// A bad currency is refused next to the field.
	await page.goto('/settings');
	await page.getByLabel('Currency').fill('EU');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');
});
