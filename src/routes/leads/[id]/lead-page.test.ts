// The lead page against a real (fake-indexeddb) database: renaming goes through the command
// history, so the header's undo restores the old name and redo brings the new one back.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as commands from '$lib/db/commands';
import * as repo from '$lib/db/repositories';
import { setLocale } from '$lib/paraglide/runtime.js';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';

const route = vi.hoisted(() => ({ id: '' }));

vi.mock('$app/state', () => ({
	page: {
		get params() {
			return { id: route.id };
		},
		get url() {
			return new URL(`http://localhost/leads/${route.id}`);
		}
	}
}));
vi.mock('$app/navigation', () => ({ goto: vi.fn() }));

const { default: LeadPage } = await import('./+page.svelte');

// jsdom has no modal dialogs: enough of one for the stage-move questions (open, close event).
if (!HTMLDialogElement.prototype.showModal) {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.setAttribute('open', '');
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.hasAttribute('open')) return;
		this.removeAttribute('open');
		this.dispatchEvent(new Event('close'));
	};
}

let app: AppState;
let dbCount = 0;

beforeEach(async () => {
	app = new AppState({ dbName: `lead-page-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({
		repName: 'Mette Holm',
		currency: 'DKK',
		timeZone: 'Europe/Copenhagen'
	});
	route.id = await app.createLead('Nordlys ApS');
});

afterEach(async () => {
	setLocale('en', { reload: false });
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

function heading() {
	return screen.getByRole('heading', { level: 1 });
}

describe('lead page', () => {
	it('shows the lead, its owner and its first stage', async () => {
		render(LeadPage, { context: appContext(app) });
		await waitFor(() => expect(heading()).toHaveTextContent('Nordlys ApS'));
		await waitFor(() => expect(screen.getByText('Mette Holm')).toBeInTheDocument());
		expect(screen.getByLabelText('Move to stage')).toHaveValue('lead');
	});

	it('renames the lead, and undo and redo follow', async () => {
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const field = await screen.findByLabelText('Name');
		await waitFor(() => expect(field).toHaveValue('Nordlys ApS'));
		const save = screen.getByRole('button', { name: 'Save name' });
		expect(save).toBeDisabled();

		await user.clear(field);
		await user.type(field, 'Nordlys Energi ApS');
		await user.click(save);
		await waitFor(() => expect(heading()).toHaveTextContent('Nordlys Energi ApS'));
		expect(app.history.canUndo).toBe(true);

		await app.undo();
		await waitFor(() => expect(heading()).toHaveTextContent(/^Nordlys ApS$/));
		// The field follows the stored name when the person has not typed since.
		expect(field).toHaveValue('Nordlys ApS');
		expect(app.history.canRedo).toBe(true);

		await app.redo();
		await waitFor(() => expect(heading()).toHaveTextContent('Nordlys Energi ApS'));
		expect(field).toHaveValue('Nordlys Energi ApS');
	});

	it('logs a call and records the response to it', async () => {
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		await screen.findByText('No activities yet.');
		await user.click(screen.getByRole('button', { name: 'Log call' }));
		const positive = await screen.findByRole('button', { name: 'Positive' });
		expect(positive).toHaveAttribute('aria-pressed', 'false');
		await user.click(positive);
		await waitFor(() => expect(positive).toHaveAttribute('aria-pressed', 'true'));
	});

	it('moves the lead to another stage and lists the move in its history', async () => {
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const select = await screen.findByLabelText('Move to stage');
		await waitFor(() => expect(select).toHaveValue('lead'));
		await user.selectOptions(select, 'qualified');
		await user.click(screen.getByRole('button', { name: 'Move' }));
		const history = screen.getByRole('heading', { name: 'Stage history' }).nextElementSibling!;
		await waitFor(() => expect(history.querySelectorAll('li')).toHaveLength(2));
		expect(history.querySelectorAll('li')[1]).toHaveTextContent('Qualified');
		expect(select).toHaveValue('qualified');

		// Undo takes the lead back, and the select follows it.
		await app.undo();
		await waitFor(() => expect(history.querySelectorAll('li')).toHaveLength(1));
		expect(select).toHaveValue('lead');
	});

	it('says so when the lead is in the bin', async () => {
		await app.deleteLead(route.id);
		render(LeadPage, { context: appContext(app) });
		expect(
			await screen.findByText('This lead does not exist or is in the bin.')
		).toBeInTheDocument();
	});

	it('asks why before a move to Lost, saves the reason with the move at the time given', async () => {
		// A lead from earlier in the month, so that a move logged after the fact is its latest.
		const earlier = await app.run(
			commands.createLead({ name: 'Fjordglimt A/S', createdAt: '2026-11-01T10:00:00Z' })
		);
		route.id = earlier.id;
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const select = await screen.findByLabelText('Move to stage');
		await waitFor(() => expect(select).toHaveValue('lead'));
		await user.selectOptions(select, 'lost');
		// Copenhagen is UTC+1 in November: 09:15 there is 08:15 UTC.
		await user.type(screen.getByLabelText('When'), '2026-11-20T09:15');
		await user.click(screen.getByRole('button', { name: 'Move' }));

		const dialog = await screen.findByRole('dialog', { name: 'Why was it lost?' });
		await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Withdrawn by customer');
		await user.click(within(dialog).getByRole('button', { name: 'Move to Lost' }));

		await waitFor(async () => {
			const lead = await app.db.leads.get(route.id);
			expect(lead?.lostReason).toBe('Withdrawn by customer');
		});
		const events = await repo.stageEventsOfLead(app.db, route.id);
		expect(events.map((e) => e.stageId)).toEqual(['lead', 'lost']);
		expect(events[1].at).toBe('2026-11-20T08:15:00.000Z');
		// One undo step takes back the move and its reason together.
		await app.undo();
		await waitFor(async () => {
			const lead = await app.db.leads.get(route.id);
			expect(lead?.stageId).toBe('lead');
			expect(lead?.lostReason).toBeUndefined();
		});
	});

	it('moves nothing when the lost question is cancelled (Danish)', async () => {
		setLocale('da', { reload: false });
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const select = await screen.findByLabelText('Flyt til fase');
		await waitFor(() => expect(select).toHaveValue('lead'));
		await user.selectOptions(select, 'lost');
		await user.click(screen.getByRole('button', { name: 'Flyt' }));
		const dialog = await screen.findByRole('dialog', { name: 'Hvorfor blev det tabt?' });
		await user.click(within(dialog).getByRole('button', { name: 'Annullér' }));
		await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
		expect((await repo.stageEventsOfLead(app.db, route.id)).length).toBe(1);
		expect((await app.db.leads.get(route.id))?.stageId).toBe('lead');
	});

	it('offers to create the customer after a move to Won', async () => {
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const select = await screen.findByLabelText('Move to stage');
		await waitFor(() => expect(select).toHaveValue('lead'));
		await user.selectOptions(select, 'won');
		await user.click(screen.getByRole('button', { name: 'Move' }));
		const offer = await screen.findByRole('dialog', { name: 'Won! Create the customer?' });
		await user.click(within(offer).getByRole('button', { name: 'Create customer' }));
		await waitFor(async () => {
			const customers = await app.db.customers.toArray();
			expect(customers.map((c) => [c.name, c.leadId])).toEqual([['Nordlys ApS', route.id]]);
		});
	});

	it('says so when a move dated earlier than the latest one leaves the stage as it is', async () => {
		const user = userEvent.setup();
		render(LeadPage, { context: appContext(app) });
		const select = await screen.findByLabelText('Move to stage');
		await waitFor(() => expect(select).toHaveValue('lead'));
		await user.selectOptions(select, 'contacted');
		// Before the lead was created (now): history only.
		await user.type(screen.getByLabelText('When'), '2020-01-02T10:00');
		await user.click(screen.getByRole('button', { name: 'Move' }));
		// The dialog says first that the lead will stay where it is; nothing is written before.
		const warning = await screen.findByRole('dialog', { name: 'Earlier than the latest move' });
		expect(warning).toHaveTextContent('the lead stays in Lead');
		expect((await repo.stageEventsOfLead(app.db, route.id)).length).toBe(1);
		await user.click(within(warning).getByRole('button', { name: 'Record the move to Contacted' }));
		await waitFor(() =>
			expect(app.toasts.items.at(-1)?.message).toBe(
				'Contacted recorded in the history; the lead stays in Lead, which it entered later'
			)
		);
		const events = await repo.stageEventsOfLead(app.db, route.id);
		expect(events.map((e) => e.stageId)).toEqual(['contacted', 'lead']);
		expect((await app.db.leads.get(route.id))?.stageId).toBe('lead');
	});
});
