// The targets page's presets: the window shown follows the choice, "Copy last period's targets"
// copies as one undo step, and the selected rows get the chosen window.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTargets } from '$lib/db/target-commands';
import { readAllRecords } from '$lib/db/repositories';
import { setLocale } from '$lib/paraglide/runtime.js';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import TargetPresets from './target-presets.svelte';

let app: AppState;
let dbCount = 0;
const NOW = Date.UTC(2026, 10, 15, 12); // 15 November 2026

beforeEach(async () => {
	localStorage.clear();
	app = new AppState({ dbName: `target-presets-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
});

afterEach(async () => {
	setLocale('en', { reload: false });
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

const targets = async () => (await readAllRecords(app.db)).targets;

function setup(selected: string[] = []) {
	return render(TargetPresets, {
		props: { selectedIds: async () => selected, now: () => NOW },
		context: appContext(app)
	});
}

describe('target presets', () => {
	it('shows the window of the chosen preset, by keyboard too', async () => {
		setup();
		const user = userEvent.setup();
		const month = screen.getByRole('radio', { name: 'This month' });
		expect(month).toBeChecked();
		expect(screen.getByTestId('target-window').textContent).toMatch(/Nov 1, 2026 to Nov 30, 2026/);
		await user.click(month);
		await user.keyboard('{ArrowRight}');
		expect(screen.getByRole('radio', { name: 'This quarter' })).toBeChecked();
		expect(screen.getByTestId('target-window').textContent).toMatch(/Oct 1, 2026 to Dec 31, 2026/);
	});

	it("copies last month's targets as one undo step, and says when there is nothing to copy", async () => {
		await app.run(
			copyTargets([
				{ metric: 'won', from: '2026-10-01', to: '2026-10-31', amount: 3 },
				{ metric: 'newLeads', from: '2026-10-01', to: '2026-10-31', amount: 30 }
			])
		);
		setup();
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: "Copy last period's targets" }));
		await waitFor(async () => expect(await targets()).toHaveLength(4));
		const nov = (await targets()).filter((t) => t.from === '2026-11-01');
		expect(nov.map((t) => [t.metric, t.to, t.amount]).sort()).toEqual([
			['newLeads', '2026-11-30', 30],
			['won', '2026-11-30', 3]
		]);
		expect(await screen.findByText(/2 targets copied/, { selector: 'p' })).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: "Copy last period's targets" }));
		expect(await screen.findByText(/Nothing to copy/)).toBeInTheDocument();
		expect(await targets()).toHaveLength(4);

		await app.undo();
		expect(await targets()).toHaveLength(2);
	});

	it('gives the selected rows the chosen window as one step, or asks for a selection', async () => {
		const ids = await app.run(
			copyTargets([
				{ metric: 'won', from: '2026-01-01', to: '2026-01-31', amount: 3 },
				{ metric: 'activities', from: '2026-01-01', to: '2026-01-31', amount: 300 }
			])
		);
		const { unmount } = setup();
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Give selected rows this period' }));
		expect(await screen.findByText('Select one or more rows first')).toBeInTheDocument();
		unmount();

		setup(ids);
		await user.click(screen.getByRole('radio', { name: 'This quarter' }));
		await user.click(screen.getByRole('button', { name: 'Give selected rows this period' }));
		await waitFor(async () =>
			expect((await targets()).map((t) => [t.from, t.to])).toEqual([
				['2026-10-01', '2026-12-31'],
				['2026-10-01', '2026-12-31']
			])
		);
		await app.undo();
		expect((await targets()).map((t) => t.from)).toEqual(['2026-01-01', '2026-01-01']);
	});
});
