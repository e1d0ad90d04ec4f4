// Browser-side helpers for the KPI worker's benchmark and end-to-end test: load demo data into
// a named database, ask the real worker, compare with the engine run on the same records.
import { openDatabase } from '$lib/db/database';
import { writeRecords, saveWorkspaceSettings } from '$lib/db/repositories';
import { CommandHistory } from '$lib/db/history';
import { logActivity } from '$lib/db/commands';
import { generateDemo, type DemoSize } from '$lib/demo/generate-demo';
import { computeKpis, datasetFromRecords } from '$lib/kpi/index';
import type { Records } from '$lib/domain/types';
import { kpiWorker } from '$lib/workers/kpi-client';
import type { KpiRequest } from '$lib/workers/kpi-protocol';

let records: Records | null = null;
let timeZone = 'UTC';

/** Generates demo data of `size` and stores it in database `dbName`; returns ms and counts. */
export async function loadDemo(dbName: string, size: DemoSize) {
	const file = generateDemo({ size });
	records = file;
	timeZone = file.workspace.timeZone;
	const db = openDatabase(dbName);
	const meRepId = file.reps[0]?.id ?? '';
	await saveWorkspaceSettings(db, { ...file.workspace, meRepId });
	const t = performance.now();
	await writeRecords(db, file, 'replace');
	const ms = performance.now() - t;
	db.close();
	return { ms, leads: file.leads.length, activities: file.activities.length };
}

/** Opens the worker on `dbName` and computes once: the cold path, timed from worker start. */
export async function workerCompute(dbName: string, request: KpiRequest) {
	const t = performance.now();
	const worker = kpiWorker(dbName);
	await worker.open(dbName);
	const response = await worker.compute(request);
	return { ms: performance.now() - t, response };
}

/** The engine on the main thread on the same records (for comparison in tests only). */
export function engineCompute(request: KpiRequest) {
	if (!records) throw new Error('loadDemo first');
	const ds = datasetFromRecords(records, timeZone);
	return computeKpis(ds, {
		from: request.from,
		to: request.to,
		now: request.now ?? Date.now(),
		timeZone: request.timeZone ?? timeZone,
		reps: request.reps,
		granularity: request.granularity ?? 'month',
		pipelineMode: request.pipelineMode ?? 'configured'
	});
}

/** A live lead of `dbName` (the edits of the benchmark log calls for it, as a user would). */
export async function anyLeadId(dbName: string): Promise<string | undefined> {
	const db = openDatabase(dbName);
	try {
		const leads = await db.leads.limit(50).toArray();
		return leads.find((l) => !l.deletedAt)?.id;
	} finally {
		db.close();
	}
}

/**
 * Logs one call through a command (as a user would), then asks the worker again. The call is
 * for `leadId` when given (null: a call without a lead), else for the first lead of the loaded
 * demo data, if any.
 */
export async function editThenCompute(dbName: string, request: KpiRequest, leadId?: string | null) {
	const db = openDatabase(dbName);
	const history = new CommandHistory(db);
	const lead =
		leadId === null ? undefined : (leadId ?? records?.leads.find((l) => !l.deletedAt)?.id);
	await history.run(
		logActivity({ leadId: lead, type: 'call', at: new Date(request.from + 1000).toISOString() })
	);
	db.close();
	const t = performance.now();
	const response = await kpiWorker(dbName).compute(request);
	return { ms: performance.now() - t, response };
}
