// Runs with SvelteKit's app entry, before the router fetches the route's layout and page.
import { base } from '$app/paths';
import { guardPageExit } from '$lib/db/transaction-guard';
import { startKpiWorkerEarly } from '$lib/workers/kpi-client';

// Leaving or reloading the page aborts the transactions still in flight, in the page and its
// workers, so that Safari never keeps one open for good (see transaction-guard.ts).
guardPageExit();

// The dashboard's first figures wait on the KPI worker's cold read of the whole database: on a
// KPI route, start the worker now rather than when the layout module loads (30-100 ms later
// under load), so its read runs while the route's chunks download and mount.
startKpiWorkerEarly(location.pathname, base);
