// Creates the DashboardState of a page: from the app's context, the URL's query and the KPI
// worker; keeps the URL in step with the view and recomputes when the data changes.
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { viewToParams } from '$lib/dashboard/view';
import { getAppState } from '$lib/state/context';
import { DashboardState, type DashboardService } from '$lib/state/dashboard.svelte';

export function useDashboard(service?: () => DashboardService): DashboardState {
	const app = getAppState();
	const dash = new DashboardState({
		service:
			service ??
			(() => {
				// Imported lazily by the worker client itself; kept out of component tests.
				return workerService();
			}),
		timeZone: () => app.timeZone,
		query: page.url.searchParams
	});

	onMount(() => {
		void dash.load();
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

let cached: DashboardService | null = null;
let loading: Promise<DashboardService> | null = null;

/** The real worker, loaded on first use (Comlink + the worker URL stay out of the entry). */
function workerService(): DashboardService {
	if (cached) return cached;
	loading ??= import('$lib/workers/kpi-client').then((mod) => (cached = mod.kpiWorker()));
	return {
		compute: async (r) => (await loading!).compute(r),
		records: async (r, k, p) => (await loading!).records(r, k, p)
	};
}

// Start the worker (fetch its script, open IndexedDB) as soon as this module loads, while the
// app still opens its own database: the first figures wait on the worker's cold path anyway.
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') workerService();
