// Creates the DashboardState of a page: from the app's context, the URL's query and the KPI
// worker; keeps the URL in step with the view and recomputes when the data changes.
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { viewToParams } from '$lib/dashboard/view';
import { getAppState } from '$lib/state/context';
import { DashboardState, type DashboardService } from '$lib/state/dashboard.svelte';
import { kpiWorker } from '$lib/workers/kpi-client';
import { warmFigureFormats } from './dash-text';

export function useDashboard(service?: () => DashboardService): DashboardState {
	const app = getAppState();
	const dash = new DashboardState({
		service:
			// Component tests pass their own service; the worker is only started when asked.
			service ?? workerService,
		timeZone: () => app.timeZone,
		query: page.url.searchParams
	});

	onMount(() => {
		void dash.load();
		// While the worker computes, the main thread is idle: load the formatters' locale data now.
		const warm = () => warmFigureFormats(app.currency);
		if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
		return dash.followChanges();
	});

	$effect(() => {
		// A snapshot of the address bar, not state: nothing reacts to it.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const params = viewToParams(dash.view, new URLSearchParams(location.search));
		const next = `${location.pathname}?${params}`;
		if (next !== location.pathname + location.search) {
			try {
				// Same page, only the query changes (a shallow replace, no navigation).
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				replaceState(next, page.state);
			} catch {
				// Before the router is ready (first render) the next change will write it.
			}
		}
	});

	return dash;
}

/**
 * The real worker. Imported statically: the layout already holds the client and has started the
 * worker on KPI routes, so a dynamic import here would only add a chunk round trip.
 */
function workerService(): DashboardService {
	return kpiWorker();
}
