// The dashboard with a fake worker: the "On track?" strip (a lazy chunk) comes before the
// tiles when the period has targets, and is absent without them; the 13 tiles stay 13.
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forecastResult } from '$lib/dashboard/test-forecast';
import type { KpiResult } from '$lib/kpi/result-types';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import type { DashboardService } from '$lib/state/dashboard.svelte';

vi.mock('$app/state', () => ({
	page: { url: new URL('http://localhost/?period=this-quarter'), state: {} }
}));
vi.mock('$app/navigation', () => ({ replaceState: vi.fn(), goto: vi.fn() }));

const { default: DashboardView } = await import('./dashboard-view.svelte');

let app: AppState;
let dbCount = 0;

beforeEach(async () => {
	localStorage.clear();
	app = new AppState({ dbName: `dashboard-view-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
});

afterEach(() => {
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

const service = (result: KpiResult): DashboardService => ({
	compute: async () => ({
		result,
		seq: 1,
		timings: { refreshMs: 0, refresh: 'cached', computeMs: 0 }
	}),
	records: async () => []
});

describe('dashboard with targets', () => {
	// Each test starts with no figures cached by an earlier one (the dashboard shows those first).
	beforeEach(() => localStorage.clear());

	it('shows the strip first, above the 13 tiles', async () => {
		const s = service(forecastResult());
		render(DashboardView, { props: { service: () => s }, context: appContext(app) });
		const strip = await screen.findByTestId('target-strip');
		// The cards are a chunk of their own; their places are held until it is in.
		expect(await screen.findAllByTestId('target-card')).toHaveLength(3);
		const tiles = document.querySelectorAll('article[data-kpi]');
		expect(tiles).toHaveLength(13);
		// Document order: the strip precedes the first tile.
		expect(strip.compareDocumentPosition(tiles[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
	});

	it('without targets there is no strip', async () => {
		const s = service(forecastResult([]));
		render(DashboardView, { props: { service: () => s }, context: appContext(app) });
		// The figures are in (3 won, none lost in Q1), and still no strip.
		await vi.waitFor(() =>
			expect(document.querySelector('article[data-kpi="winLoss"]')).toHaveAttribute(
				'data-value',
				'1'
			)
		);
		expect(screen.queryByTestId('target-strip')).toBeNull();
	});
});
