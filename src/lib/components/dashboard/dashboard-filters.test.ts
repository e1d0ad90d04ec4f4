// The dashboard's filter bar with a real DashboardState (the worker faked): campaign and origin
// filters change the view, the filters in force show as removable chips, "Clear filters" clears
// them all; in English and in Danish.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { resultWith } from '$lib/dashboard/test-results';
import type { Campaign, Rep } from '$lib/domain/types';
import { DashboardState, type DashboardService } from '$lib/state/dashboard.svelte';
import DashboardFilters from './dashboard-filters.svelte';

afterEach(() => setLocale('en', { reload: false }));

const U = '2026-01-01T00:00:00Z';
const reps: Rep[] = [{ id: 'r1', updatedAt: U, name: 'Mette', active: true }];
const campaigns: Campaign[] = [
	{ id: 'c-spring', updatedAt: U, name: 'Spring fair', origin: 'marketing', budget: 100 },
	{ id: 'c-ads', updatedAt: U, name: 'Ads', origin: 'marketing', budget: 50 }
];

function setup(query = 'period=last-30-days') {
	const service: DashboardService = {
		compute: vi.fn(async () => ({
			result: resultWith({}),
			seq: 1,
			timings: { refresh: 'cached' as const, refreshMs: 0, computeMs: 1 }
		})),
		records: vi.fn(async () => [])
	};
	const dash = new DashboardState({
		service: () => service,
		timeZone: () => 'UTC',
		query: new URLSearchParams(query),
		storage: undefined,
		now: () => Date.parse('2026-11-27T12:00:00Z')
	});
	render(DashboardFilters, { dash, reps, campaigns });
	return { dash, service };
}

describe('campaign and origin filters in English', () => {
	it('ticking a campaign and "No campaign" filters by both, shown as removable chips', async () => {
		const { dash, service } = setup();
		expect(screen.getByText('All campaigns')).toBeInTheDocument();
		expect(screen.queryByTestId('active-filters')).toBeNull();
		// Campaigns listed by name, "No campaign" last.
		const boxes = within(screen.getByRole('group', { name: 'Campaigns' })).getAllByRole('checkbox');
		expect(boxes.map((b) => b.parentElement?.textContent?.trim())).toEqual([
			'Ads',
			'Spring fair',
			'No campaign'
		]);
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Spring fair' }));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'No campaign' }));
		expect(dash.view.campaigns).toEqual(['', 'c-spring']);
		expect(screen.getByText(/2 campaigns/)).toBeInTheDocument();
		// The worker is asked with the filter.
		await vi.waitFor(() =>
			expect(vi.mocked(service.compute).mock.calls.at(-1)?.[0].campaigns).toEqual(['', 'c-spring'])
		);
		const active = screen.getByTestId('active-filters');
		expect(within(active).getByText('Filtered by:')).toBeInTheDocument();
		expect(
			within(active).getByRole('button', { name: 'Remove filter: Spring fair' })
		).toBeVisible();
		expect(active).toHaveTextContent(/Forecast accuracy is not split by campaign or origin/);
		// One click removes one value.
		await fireEvent.click(
			within(active).getByRole('button', { name: 'Remove filter: No campaign' })
		);
		expect(dash.view.campaigns).toEqual(['c-spring']);
		expect(screen.getAllByText('Spring fair').length).toBeGreaterThan(0);
	});

	it('the origin filter, and "Clear filters" clears every filter at once', async () => {
		const { dash } = setup('period=last-30-days&reps=r1&campaigns=c-ads');
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Sales' }));
		expect(dash.view.origins).toEqual(['sales']);
		const active = screen.getByTestId('active-filters');
		expect(
			within(active)
				.getAllByRole('button')
				.map((b) => b.getAttribute('aria-label'))
		).toEqual(['Remove filter: Mette', 'Remove filter: Ads', 'Remove filter: Sales', null]);
		await fireEvent.click(within(active).getByRole('button', { name: 'Clear filters' }));
		expect(dash.view).toMatchObject({ reps: [], campaigns: [], origins: [] });
		expect(dash.view.period).toEqual({ preset: 'last-30-days' });
		expect(screen.queryByTestId('active-filters')).toBeNull();
	});

	it('a rep filter alone has no forecast note (forecasts do follow reps)', () => {
		setup('period=last-30-days&reps=r1');
		expect(screen.getByTestId('active-filters')).not.toHaveTextContent(/Forecast/);
	});
});

describe('campaign and origin filters in Danish', () => {
	it('labels, summaries, chips and the clear button are Danish', async () => {
		setLocale('da', { reload: false });
		const { dash } = setup();
		expect(screen.getByText('Alle kampagner')).toBeInTheDocument();
		expect(screen.getByText('Alle oprindelser')).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Ingen kampagne' }));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Salg' }));
		expect(dash.view).toMatchObject({ campaigns: [''], origins: ['sales'] });
		const active = screen.getByTestId('active-filters');
		expect(within(active).getByText('Filtreret efter:')).toBeInTheDocument();
		expect(
			within(active).getByRole('button', { name: 'Fjern filter: Ingen kampagne' })
		).toBeVisible();
		expect(active).toHaveTextContent(/Prognosesikkerhed opdeles ikke/);
		await fireEvent.click(within(active).getByRole('button', { name: 'Ryd filtre' }));
		expect(dash.view.origins).toEqual([]);
	});
});
