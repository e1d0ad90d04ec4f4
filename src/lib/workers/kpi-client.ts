// The page's handle on the KPI worker (Comlink over a module worker, started lazily).
import * as Comlink from 'comlink';
import type { KpiService } from './kpi-protocol';

let remote: Comlink.Remote<KpiService> | null = null;

export function kpiWorker(dbName = 'tragt'): Comlink.Remote<KpiService> {
	if (!remote) {
		const worker = new Worker(new URL('./kpi.worker.ts', import.meta.url), {
			type: 'module',
			name: 'kpi'
		});
		remote = Comlink.wrap<KpiService>(worker);
		void remote.open(dbName);
	}
	return remote;
}
