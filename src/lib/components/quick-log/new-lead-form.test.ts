// The name-only new-lead form: a name is all it needs; owner = me, created now, origin = the
// chosen campaign's, else sales. English and Danish.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as commands from '$lib/db/commands';
import { setLocale } from '$lib/paraglide/runtime.js';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import NewLeadForm from './new-lead-form.svelte';

let app: AppState;
let dbCount = 0;

beforeEach(async () => {
	app = new AppState({ dbName: `new-lead-form-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
});

afterEach(async () => {
	setLocale('en', { reload: false });
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

describe('new lead from a name', () => {
	it('saves with a name only: owner me, origin sales, created now', async () => {
		const user = userEvent.setup();
		const oncreated = vi.fn();
		render(NewLeadForm, { context: appContext(app), props: { oncreated } });
		const before = Date.now();
		await user.type(screen.getByLabelText('Name of the new lead'), 'Havblik ApS{Enter}');
		await waitFor(() => expect(oncreated).toHaveBeenCalledOnce());
		const lead = await app.db.leads.get(oncreated.mock.calls[0][0]);
		expect(lead).toMatchObject({
			name: 'Havblik ApS',
			ownerId: app.settings?.meRepId,
			origin: 'sales'
		});
		expect(Date.parse(lead!.createdAt)).toBeGreaterThanOrEqual(before - 1000);
		expect(Date.parse(lead!.createdAt)).toBeLessThanOrEqual(Date.now());
		expect(screen.getByLabelText('Name of the new lead')).toHaveValue('');
	});

	it('takes the origin from the chosen campaign', async () => {
		const campaign = await app.run(
			commands.createRecord('campaigns', {
				name: 'Webinar',
				origin: 'marketing',
				budget: 1000
			})
		);
		const user = userEvent.setup();
		const oncreated = vi.fn();
		render(NewLeadForm, { context: appContext(app), props: { oncreated } });
		const select = await screen.findByLabelText('Campaign (optional)');
		await user.selectOptions(select, 'Webinar');
		await user.type(screen.getByLabelText('Name of the new lead'), 'Fra webinar');
		await user.click(screen.getByRole('button', { name: 'Add lead' }));
		await waitFor(() => expect(oncreated).toHaveBeenCalledOnce());
		const lead = await app.db.leads.get(oncreated.mock.calls[0][0]);
		expect(lead).toMatchObject({ campaignId: campaign.id, origin: 'marketing' });
	});

	it('refuses an empty name and says why, in Danish too', async () => {
		setLocale('da', { reload: false });
		const user = userEvent.setup();
		const oncreated = vi.fn();
		render(NewLeadForm, { context: appContext(app), props: { oncreated } });
		await user.click(screen.getByRole('button', { name: 'Tilføj lead' }));
		const field = screen.getByLabelText('Navn på det nye lead');
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field).toHaveAccessibleDescription(/.+/);
		expect(oncreated).not.toHaveBeenCalled();
		expect(await app.db.leads.count()).toBe(0);
	});

	it('focuses the name field when asked to (the New lead shortcut)', async () => {
		render(NewLeadForm, { context: appContext(app), props: { autofocus: true } });
		await waitFor(() => expect(screen.getByLabelText('Name of the new lead')).toHaveFocus());
	});
});
