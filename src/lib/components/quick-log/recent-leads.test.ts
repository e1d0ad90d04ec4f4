// The recent-leads quick log against a real (fake-indexeddb) database: one tap logs, a second
// records the response, both undoable, in English and in Danish.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as repo from '$lib/db/repositories';
import { setLocale } from '$lib/paraglide/runtime.js';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import RecentLeads from './recent-leads.svelte';

let app: AppState;
let dbCount = 0;
let ids: string[];

beforeEach(async () => {
	localStorage.clear();
	app = new AppState({ dbName: `recent-leads-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
	ids = [];
	for (const name of ['Alfa ApS', 'Beta A/S', 'Gamma IVS']) {
		ids.push(await app.createLead(name));
		// Distinct updatedAt stamps, so "most recent" has one answer.
		await new Promise((r) => setTimeout(r, 5));
	}
});

afterEach(async () => {
	setLocale('en', { reload: false });
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

function rowOf(name: string): HTMLElement {
	return screen.getByRole('link', { name }).closest('li')!;
}

describe('recent leads quick log', () => {
	it('lists the leads touched most recently first', async () => {
		render(RecentLeads, { context: appContext(app) });
		await screen.findByRole('link', { name: 'Gamma IVS' });
		const names = screen.getAllByRole('listitem').map((li) => li.querySelector('a')?.textContent);
		expect(names).toEqual(['Gamma IVS', 'Beta A/S', 'Alfa ApS']);
	});

	it('logs a call in one tap and its positive response in a second, on that lead only', async () => {
		const user = userEvent.setup();
		render(RecentLeads, { context: appContext(app) });
		await screen.findByRole('link', { name: 'Beta A/S' });
		const beta = rowOf('Beta A/S');
		expect(within(beta).queryByRole('button', { name: 'Positive' })).toBeNull();

		await user.click(within(beta).getByRole('button', { name: 'Log call' }));
		const positive = await within(beta).findByRole('button', { name: 'Positive' });
		await user.click(positive);
		await waitFor(() => expect(positive).toHaveAttribute('aria-pressed', 'true'));

		const stored = await repo.activitiesOfLead(app.db, ids[1]);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ type: 'call', response: 'positive' });
		expect(stored[0].repId).toBe(app.settings?.meRepId);
		// The other leads got nothing and show no response buttons.
		expect(await repo.activitiesOfLead(app.db, ids[0])).toHaveLength(0);
		expect(within(rowOf('Gamma IVS')).queryByRole('button', { name: 'Positive' })).toBeNull();
		// The row stayed where the thumb was.
		const names = screen.getAllByRole('listitem').map((li) => li.querySelector('a')?.textContent);
		expect(names).toEqual(['Gamma IVS', 'Beta A/S', 'Alfa ApS']);
	});

	it('offers Undo in the toast, and undoing the log removes the response buttons', async () => {
		const user = userEvent.setup();
		render(RecentLeads, { context: appContext(app) });
		await screen.findByRole('link', { name: 'Alfa ApS' });
		const alfa = rowOf('Alfa ApS');
		await user.click(within(alfa).getByRole('button', { name: 'Log email' }));
		await within(alfa).findByRole('button', { name: 'Neutral' });
		const toast = app.toasts.items.at(-1)!;
		expect(toast.message).toBe('Email logged');
		expect(toast.action?.label).toBe('Undo');

		await app.toasts.runAction(toast.id);
		// The undo goes through IndexedDB and a live query: allow for a busy machine.
		await waitFor(
			() => expect(within(alfa).queryByRole('button', { name: 'Neutral' })).toBeNull(),
			{
				timeout: 3000
			}
		);
		expect(await repo.activitiesOfLead(app.db, ids[0])).toHaveLength(0);
	});

	it('speaks Danish', async () => {
		setLocale('da', { reload: false });
		const user = userEvent.setup();
		render(RecentLeads, { context: appContext(app) });
		await screen.findByRole('link', { name: 'Gamma IVS' });
		const gamma = rowOf('Gamma IVS');
		await user.click(within(gamma).getByRole('button', { name: 'Registrér møde' }));
		const positiv = await within(gamma).findByRole('button', { name: 'Positiv' });
		expect(within(gamma).getByRole('group', { name: /^Respons på Møde/ })).toBeInTheDocument();
		await user.click(positiv);
		await waitFor(() => expect(positiv).toHaveAttribute('aria-pressed', 'true'));
		expect(app.toasts.items.at(-1)?.action?.label).toBe('Fortryd');
	});

	it('says so when there are no leads yet', async () => {
		for (const id of ids) await app.deleteLead(id);
		render(RecentLeads, { context: appContext(app) });
		expect(await screen.findByText('No leads yet. Add the first one above.')).toBeInTheDocument();
	});
});
