// The target page with a fake worker (its result from the real engine) and a real database for
// the records: the figures, the records behind the actual and the open deals behind the
// projection, each asked of the worker with the target's id.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forecastResult } from '$lib/dashboard/test-forecast';
import type { ResultKey } from '$lib/kpi/result-types';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import type { DashboardService } from '$lib/state/dashboard.svelte';

vi.mock('$app/state', () => ({
	page: { url: new URL('http://localhost/targets/t1?period=this-quarter'), state: {} }
}));
vi.mock('$app/navigation', () => ({ replaceState: vi.fn(), goto: vi.fn() }));

const { default: TargetPage } = await import('./target-page.svelte');

let app: AppState;
let dbCount = 0;
let won: string[];
let open: string[];

beforeEach(async () => {
	localStorage.clear();
	app = new AppState({ dbName: `target-page-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
	won = [await app.createLead('Nordlys ApS'), await app.createLead('Fjord A/S')];
	open = [await app.createLead('Hav og Land')];
});

afterEach(() => {
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

function fakeService() {
	const asked: [ResultKey, string | undefined][] = [];
	const result = forecastResult();
	const service: DashboardService = {
		compute: async () => ({
			result,
			seq: 1,
			timings: { refreshMs: 0, refresh: 'cached', computeMs: 0 }
		}),
		records: async (_request, key, part) => {
			asked.push([key, part]);
			return part === 't1/open' ? open : part === 't1' ? won : [];
		}
	};
	return { service, asked };
}

describe('target page', () => {
	it('shows the figures and both lists of records', async () => {
		const { service, asked } = fakeService();
		render(TargetPage, { props: { id: 't1', service: () => service }, context: appContext(app) });
		expect(
			await screen.findByRole('heading', { level: 1, name: 'Won value · Team' })
		).toBeInTheDocument();
		const figures = screen.getByTestId('target-figures');
		expect(figures).toHaveTextContent(/Target DKK\s100\.0K/);
		expect(figures).toHaveTextContent(/Expected by now DKK\s50,000/);
		expect(figures).toHaveTextContent('Status ▼ Behind');
		const actual = screen.getByTestId('target-actual');
		await waitFor(() => expect(within(actual).getByText('Nordlys ApS')).toBeInTheDocument());
		expect(within(actual).getByText('Fjord A/S')).toBeInTheDocument();
		const openList = screen.getByTestId('target-open');
		await waitFor(() => expect(within(openList).getByText('Hav og Land')).toBeInTheDocument());
		expect(asked).toContainEqual(['targets', 't1']);
		expect(asked).toContainEqual(['targets', 't1/open']);
	});

	it('a target outside the period says so', async () => {
		const { service } = fakeService();
		render(TargetPage, {
			props: { id: 'nope', service: () => service },
			context: appContext(app)
		});
		expect(await screen.findByText(/^No target “nope” in the chosen period/)).toHaveAttribute(
			'role',
			'status'
		);
	});
});
