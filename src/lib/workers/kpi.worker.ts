// The KPI worker: owns the database connection and the columnar dataset, answers one coarse
// call. The main thread never computes KPIs.
import * as Comlink from 'comlink';
import { openDatabase, type TragtDatabase } from '../db/database';
import {
	abortTransactionsInFlight,
	closeTransactions,
	reopenTransactions,
	reportStalls
} from '../db/transaction-guard';
import type { ResultKey } from '../kpi/result-types';
import { chartDataService } from './kpi-chart-data';
import { KpiEngineHost } from './kpi-engine-host';
import type { KpiRequest, KpiService } from './kpi-protocol';

// A read that never gets an answer (a database the browser left stuck) is told to the page.
reportStalls('kpi');

let db: TragtDatabase | null = null;
let host: KpiEngineHost | null = null;
let dbName = '';

function current(): KpiEngineHost {
	if (!host) {
		db = openDatabase('tragt');
		dbName = 'tragt';
		host = new KpiEngineHost(db);
	}
	return host;
}

const service: KpiService = {
	async open(name = 'tragt') {
		if (host && dbName === name) return;
		db?.close();
		db = openDatabase(name);
		dbName = name;
		host = new KpiEngineHost(db);
		// Read the database now: the page asks for figures only once it has booted.
		host.prefetch();
		// A newer tab upgrading the schema must not be blocked by this connection.
		db.on('versionchange', () => {
			db?.close();
			host = null;
		});
	},
	compute(request: KpiRequest) {
		return current().compute(request);
	},
	records(request: KpiRequest, kpi: ResultKey, part?: string) {
		return current().records(request, kpi, part);
	},
	summary() {
		return current().summary();
	},
	abortTransactions() {
		return abortTransactionsInFlight();
	},
	closeTransactions() {
		return closeTransactions();
	},
	reopenTransactions() {
		reopenTransactions();
	},
	// The KPI pages' per-record chart data (see kpi-chart-data.ts).
	...chartDataService(current)
};

Comlink.expose(service);
