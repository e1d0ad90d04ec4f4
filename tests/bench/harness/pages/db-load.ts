// Data-layer benchmark module (tests/bench/db-load.browser.bench.ts): load the L demo data into
// IndexedDB through writeRecords, and read it back as the KPI worker does.
import { generateDemo } from '$lib/demo/generate-demo';
import { openDatabase } from '$lib/db/database';
import {
	readEntityRows,
	readLogColumns,
	saveWorkspaceSettings,
	writeRecords
} from '$lib/db/repositories';

const DB = 'tragt-bench';

export async function load(size: 'S' | 'M' | 'L' = 'L') {
	const t0 = performance.now();
	const file = generateDemo({ size });
	const genMs = performance.now() - t0;
	const db = openDatabase(DB);
	await db.delete();
	await db.open();
	await saveWorkspaceSettings(db, {
		name: file.workspace.name,
		currency: file.workspace.currency,
		timeZone: file.workspace.timeZone,
		meRepId: file.reps[0]?.id ?? ''
	});
	const t1 = performance.now();
	await writeRecords(db, file, 'replace');
	const writeMs = performance.now() - t1;
	const records =
		file.reps.length +
		file.stages.length +
		file.campaigns.length +
		file.leads.length +
		file.stageEvents.length +
		file.activities.length +
		file.customers.length +
		file.forecasts.length;
	db.close();
	return {
		genMs,
		writeMs,
		records,
		leads: file.leads.length,
		activities: file.activities.length,
		stageEvents: file.stageEvents.length
	};
}

export async function read() {
	const t0 = performance.now();
	const db = openDatabase(DB);
	const [entities, logs] = await Promise.all([readEntityRows(db), readLogColumns(db)]);
	const ms = performance.now() - t0;
	db.close();
	return {
		ms,
		leads: entities.leads.length,
		activities: logs.activities.count,
		stageEvents: logs.stageEvents.count
	};
}

/** Where the time goes: each table read on its own (cold when called first in a fresh browser). */
export async function profile() {
	const db = openDatabase(DB);
	await db.open();
	const out: Record<string, number> = {};
	for (const t of db.tables) {
		const t0 = performance.now();
		const rows = await t.toArray();
		out[t.name] = performance.now() - t0;
		out[t.name + ' rows'] = rows.length;
	}
	const t1 = performance.now();
	await readLogColumns(db);
	out['readLogColumns warm'] = performance.now() - t1;
	db.close();
	return out;
}
