// The lead page against a real (fake-indexeddb) database: renaming goes through the command
// history, so the header's undo restores the old name and redo brings the new one back.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
});
