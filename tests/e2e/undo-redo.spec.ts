import type { Page } from '@playwright/test';
import { expect, startWorkspace, test } from './fixtures';

async function newLead(page: Page, name: string) {
	await page.goto('/leads');
	await page.getByLabel('Name of the new lead').fill(name);
	await page.getByRole('button', { name: 'Add lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function rename(page: Page, name: string) {
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('undo and redo a rename with the header buttons', async ({ page }) => {
	await startWorkspace(page);
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	const redo = page.getByRole('button', { name: 'Redo', exact: true });
	await expect(undo).toBeDisabled();
	await newLead(page, 'Old name');
	await rename(page, 'New name');

	await expect(undo).toHaveAttribute('title', 'Undo: edit lead');
	await undo.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Old name');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Old name');
	await expect(redo).toBeEnabled();

	await redo.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New name');
	await expect(redo).toBeDisabled();

	// Undoing the rename and then the creation removes the lead.
	await undo.click();
	await undo.click();
	await expect(page.getByText('This lead does not exist or is in the bin.')).toBeVisible();
	await expect(undo).toBeDisabled();
});

test('keyboard shortcuts undo and redo, but not while typing', async ({ page }) => {
	await startWorkspace(page);
	await newLead(page, 'Alpha');
	await rename(page, 'Beta');
	const heading = page.getByRole('heading', { level: 1 });

	// In the name field, Ctrl+Z belongs to the text box, not to the app.
	await page.getByLabel('Name', { exact: true }).focus();
	await page.keyboard.press('Control+z');
	await expect(heading).toHaveText('Beta');

	await page.locator('main').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('Control+z');
	await expect(heading).toHaveText('Alpha');
	await page.keyboard.press('Control+Shift+Z');
	await expect(heading).toHaveText('Beta');
	await page.keyboard.press('Control+z');
	await expect(heading).toHaveText('Alpha');
	await page.keyboard.press('Control+y');
	await expect(heading).toHaveText('Beta');
});

test('a deleted lead goes to the bin, the toast undoes it, and the bin restores it', async ({
	page
}) => {
	await startWorkspace(page);
	await newLead(page, 'Fjord Data');
	await page.getByRole('button', { name: 'Delete lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
	const toast = page.getByRole('status');
	await expect(toast).toContainText('Lead deleted');
	await toast.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('link', { name: 'Fjord Data' })).toBeVisible();

	await page.getByRole('link', { name: 'Fjord Data' }).click();
	await page.getByRole('button', { name: 'Delete lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
	await page.goto('/bin');
	await expect(page.getByRole('cell', { name: 'Fjord Data', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Restore Fjord Data' }).click();
	await expect(page.getByText('The bin is empty.')).toBeVisible();
	await page.goto('/leads');
	await expect(page.getByRole('link', { name: 'Fjord Data' })).toBeVisible();

	// Empty bin asks first; Cancel keeps the record.
	await page.getByRole('link', { name: 'Fjord Data' }).click();
	await page.getByRole('button', { name: 'Delete lead' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
	await page.goto('/bin');
	await page.getByRole('button', { name: 'Empty bin' }).click();
	const dialog = page.getByRole('dialog', { name: 'Empty the bin?' });
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('cell', { name: 'Fjord Data', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Empty bin' }).click();
	await dialog.getByRole('button', { name: 'Empty bin' }).click();
	await expect(page.getByText('The bin is empty.')).toBeVisible();
});
