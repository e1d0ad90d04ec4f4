// A move dated before the lead's latest move does not change its current stage: the board's
// "Move to…" and the lead page (both through stage-move-dialogs.svelte) say so before the move
// is made, and make it only when confirmed.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLead, moveLead } from '$lib/db/commands';
import * as repo from '$lib/db/repositories';
import { setLocale } from '$lib/paraglide/runtime.js';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import StageMoveDialogs from './stage-move-dialogs.svelte';
import '../jsdom-dialog';

let app: AppState;
let dbCount = 0;
let leadId: string;
const QUALIFIED_AT = '2026-11-20T10:00:00.000Z';

beforeEach(async () => {
	localStorage.clear();
	app = new AppState({ dbName: `stage-move-dialogs-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
	leadId = (await app.run(createLead({ name: 'Alfa ApS', createdAt: '2026-11-02T08:00:00.000Z' })))
		.id;
	await app.run(moveLead(leadId, 'qualified', { at: QUALIFIED_AT }));
});

afterEach(async () => {
	setLocale('en', { reload: false });
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

async function setup() {
	const { component } = render(StageMoveDialogs, { context: appContext(app) });
	// The stage names come from a live query: let it answer first.
	await new Promise((r) => setTimeout(r, 50));
	const lead = (await repo.getLead(app.db, leadId))!;
	return { component, lead };
}

/** The question's dialog (the dialogs stay in the page, closed, until asked). */
const question = (title = 'Earlier than the latest move') =>
	screen.getByText(title).closest('dialog') as HTMLDialogElement;

const stagesOf = async () => (await repo.stageEventsOfLead(app.db, leadId)).map((e) => e.stageId);

describe('a stage move dated before the latest move', () => {
	it('says the lead stays in its stage, and makes no move when cancelled', async () => {
		const { component, lead } = await setup();
		const done = component.move(lead, 'contacted', '2026-11-18T09:00:00.000Z');
		await waitFor(() => expect(question().open).toBe(true));
		expect(
			await within(question()).findByText(
				/Alfa ApS entered Qualified on .*Nov.* 20, 2026.*the lead stays in Qualified/
			)
		).toBeInTheDocument();
		await userEvent.click(within(question()).getByRole('button', { name: 'Cancel' }));
		expect(await done).toBe(false);
		expect(await stagesOf()).toEqual(['lead', 'qualified']);
	});

	it('records the earlier move when confirmed; the current stage stays the latest', async () => {
		const { component, lead } = await setup();
		const done = component.move(lead, 'contacted', '2026-11-18T09:00:00.000Z');
		await userEvent.click(
			await within(question()).findByRole('button', { name: 'Record the move to Contacted' })
		);
		expect(await done).toBe(true);
		expect(await stagesOf()).toEqual(['lead', 'contacted', 'qualified']);
		expect((await repo.getLead(app.db, leadId))?.stageId).toBe('qualified');
	});

	it('asks nothing for a move after the latest one (or now)', async () => {
		const { component, lead } = await setup();
		expect(await component.move(lead, 'proposal', '2026-11-21T09:00:00.000Z')).toBe(true);
		expect(await component.move(lead, 'negotiation')).toBe(true);
		expect(question().open).toBe(false);
		await waitFor(async () =>
			expect((await repo.getLead(app.db, leadId))?.stageId).toBe('negotiation')
		);
	});

	it("says it in Danish (stage names are the workspace's own)", async () => {
		setLocale('da', { reload: false });
		const { component, lead } = await setup();
		const done = component.move(lead, 'contacted', '2026-11-18T09:00:00.000Z');
		await waitFor(() => expect(question('Før den seneste flytning').open).toBe(true));
		const dialog = question('Før den seneste flytning');
		expect(
			await within(dialog).findByText(/Alfa ApS kom i Qualified den .*leadet bliver i Qualified/)
		).toBeInTheDocument();
		await userEvent.click(
			within(dialog).getByRole('button', { name: 'Registrér flytningen til Contacted' })
		);
		expect(await done).toBe(true);
	});
});
