// The page's handle on the KPI worker (Comlink over a module worker, started lazily).
import * as Comlink from 'comlink';
import { onPageGone } from '../db/transaction-guard';
import type { KpiService } from './kpi-protocol';

/** One worker per database: the team comparison reads another database than the dashboard. */
const remotes = new Map<string, Comlink.Remote<KpiService>>();

export function kpiWorker(dbName = 'tragt'): Comlink.Remote<KpiService> {
	let remote = remotes.get(dbName);
	if (!remote) {
		// A mark for the dashboard bench's breakdown (navigation -> worker -> figures).
		performance.mark?.('tragt:kpi-worker');
		const worker = new Worker(new URL('./kpi.worker.ts', import.meta.url), {
			type: 'module',
			name: 'kpi'
		});
		remote = Comlink.wrap<KpiService>(worker);
		remotes.set(dbName, remote);
		const r = remote;
		onPageGone({
			abort: () => void r.abortTransactions(),
			close: () => void r.closeTransactions(),
			reopen: () => void r.reopenTransactions()
		});
		// open() also starts the worker's cold read of the database (prefetch).
		void remote.open(dbName);
	}
	return remote;
}

/** The routes that ask for KPI figures as soon as they mount: the dashboard and the KPI pages. */
export function showsKpis(pathname: string, base = ''): boolean {
	const path = pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
	return path === '/' || path === '/kpi' || path.startsWith('/kpi/');
}

/**
 * Starts the worker while a KPI route is still booting: its cold read (the whole database) is
 * what the first figures wait for, so it should not wait for the route's own chunks and its
 * mount. Other routes do not pay for the read. Returns whether it started.
 */
export function startKpiWorkerEarly(pathname: string, base = ''): boolean {
	if (typeof Worker === 'undefined' || !showsKpis(pathname, base)) return false;
	kpiWorker();
	return true;
}
