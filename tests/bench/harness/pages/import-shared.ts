// Shared-file benchmark module (tests/bench/import-shared.browser.bench.ts): store the L demo
// data in the app's own database, as if the person had loaded or imported it, so that the real
// import/export page can then export it and merge a teammate's file into it.
import { openDatabase } from '$lib/db/database';
import { saveWorkspaceSettings, writeRecords } from '$lib/db/repositories';
import { generateDemo } from '$lib/demo/generate-demo';
import { teamWorkspace } from '../../team-workspace';
import type { Records, SharedFile } from '$lib/domain/types';

export async function loadL(dbName: string, seed = 1) {
	const file = generateDemo({ size: 'L', seed });
	const db = openDatabase(dbName);
	await db.delete();
	await db.open();
	await saveWorkspaceSettings(db, { ...file.workspace, meRepId: file.reps[0]?.id ?? '' });
	const t = performance.now();
	await writeRecords(db, file, 'replace');
	const ms = performance.now() - t;
	db.close();
	let records = 0;
	for (const k of [
		'reps',
		'stages',
		'campaigns',
		'leads',
		'stageEvents',
		'activities',
		'customers',
		'forecasts'
	] as const)
		records += file[k].length;
	return { ms, records };
}

/**
 * Where the export's time goes, step by step on this thread (the same code the import worker
 * runs): read the entity rows, read the logs' blocks, write the file, make the Blob; then the
 * whole export as the worker runs it. For profiling by hand (the bench measures the click in the
 * real page).
 */
export async function profileExport(dbName: string) {
	const { ImportService } = await import('$lib/io/csv-import/import-service');
	const { readEntityRows } = await import('$lib/db/repositories');
	const { readLogBlockBatches } = await import('$lib/io/log-blocks');
	const { sharedFileBytes } = await import('$lib/io/shared-file-bytes');
	const db = openDatabase(dbName);
	await db.open();
	const out: Record<string, number> = {};
	let t = performance.now();
	const lap = (k: string) => {
		const n = performance.now();
		out[k] = Math.round(n - t);
		t = n;
	};
	const entities = await readEntityRows(db);
	lap('readEntityRows');
	const b = readLogBlockBatches(db);
	await b.done;
	const stageEvents = (await Promise.all(b.stageEvents)).flat();
	const activities = (await Promise.all(b.activities)).flat();
	lap('readLogBlocks');
	const blobs: Blob[] = [];
	const lists = {
		...entities,
		stageEvents: { blocks: stageEvents },
		activities: { blocks: activities }
	};
	const head = {
		version: 1,
		exportedAt: '2026-11-27T10:00:00.000Z',
		workspace: { name: 'x', currency: 'EUR', timeZone: 'UTC' }
	};
	sharedFileBytes({ ...head, lists: { ...lists, activities: [], stageEvents: [] } }, (x) =>
		blobs.push(new Blob([x as Uint8Array<ArrayBuffer>]))
	);
	lap('writeEntities');
	sharedFileBytes({ ...head, lists: { ...lists, activities: [] } }, (x) =>
		blobs.push(new Blob([x as Uint8Array<ArrayBuffer>]))
	);
	lap('writeEntities+stageEvents');
	sharedFileBytes({ ...head, lists }, () => {});
	lap('writeAll, no Blob');
	sharedFileBytes({ ...head, lists }, (x) => blobs.push(new Blob([x as Uint8Array<ArrayBuffer>])));
	lap('writeAll, Blobs');
	const blob = new Blob(blobs, { type: 'application/json' });
	lap('blob');
	out.size = blob.size;
	db.close();
	const svc = new ImportService();
	t = performance.now();
	const info = await svc.exportShared(dbName);
	lap('exportShared');
	out.exportSize = info.blob.size;
	svc.close();
	return out;
}

/**
 * Where a merge's time goes, step by step on this thread (the import worker's steps): the
 * teammate file of import-shared.browser.bench.ts ("team") is made here, then read, parsed,
 * checked, planned against the held data, and written (entities, then logs).
 */
export async function profileMerge(dbName: string) {
	const { serializeSharedFile, parseSharedFile } = await import('$lib/io/shared-file');
	const { planMerge } = await import('$lib/io/merge-plan');
	const { ImportService } = await import('$lib/io/csv-import/import-service');
	const { writeMerge } = await import('$lib/db/merge-write');
	// Made in a function of its own, so the generated records are garbage before anything is
	// timed (a heap a gigabyte larger than the worker's would slow every collection).
	const file = teamFile(serializeSharedFile);
	await new Promise((r) => setTimeout(r, 3000));
	const out: Record<string, number> = {};
	let t = performance.now();
	const lap = (k: string) => {
		const n = performance.now();
		out[k] = Math.round(n - t);
		t = n;
	};
	const svc = new ImportService();
	const bytes = new Uint8Array(await file.arrayBuffer());
	lap('arrayBuffer');
	const text = new TextDecoder().decode(bytes);
	lap('decode');
	JSON.parse(text);
	lap('JSON.parse alone');
	const parsed = parseSharedFile(text, 'team.json', { maxBytes: Infinity });
	lap('parseSharedFile');
	if (!parsed.ok) throw new Error('refused');
	const { held, timeZone } = await svc.held(dbName);
	lap('held');
	const plan = planMerge(held, parsed.file, timeZone, { uniqueIds: true });
	lap('planMerge');
	const db = svc.db(dbName);
	await writeMerge(db, { ...plan.writes, activities: [], stageEvents: [] });
	lap('writeMerge entities');
	await writeMerge(db, {
		...plan.writes,
		reps: [],
		stages: [],
		campaigns: [],
		leads: [],
		customers: [],
		forecasts: []
	});
	lap('writeMerge logs');
	svc.close();
	return out;
}

function teamFile(serialize: (f: SharedFile) => string): Blob {
	return new Blob([serialize(teamWorkspace())]);
}

/** parseSharedFile's steps on the "team" file, one by one (see profileMerge). */
export async function profileParse() {
	const { serializeSharedFile } = await import('$lib/io/shared-file');
	const { findForbiddenKeys } = await import('$lib/io/safe-json');
	const { validateList, referenceWarnings } = await import('$lib/io/validate');
	const { ProblemList } = await import('$lib/io/problems');
	const file = teamFile(serializeSharedFile);
	await new Promise((r) => setTimeout(r, 3000));
	const out: Record<string, number> = {};
	let t = performance.now();
	const lap = (k: string) => {
		const n = performance.now();
		out[k] = Math.round(n - t);
		t = n;
	};
	const text = await file.text();
	lap('text');
	const raw = JSON.parse(text);
	lap('JSON.parse');
	findForbiddenKeys(raw, text);
	lap('findForbiddenKeys');
	const problems = new ProblemList('x');
	const warnings: string[] = [];
	const records = {} as Records;
	for (const l of ['leads', 'stageEvents', 'activities', 'customers'] as const) {
		(records as unknown as Record<string, unknown>)[l] = validateList(
			l,
			raw[l],
			problems,
			warnings
		);
		lap(`validate ${l}`);
	}
	for (const l of ['reps', 'stages', 'campaigns', 'forecasts'] as const)
		(records as unknown as Record<string, unknown>)[l] = raw[l];
	referenceWarnings(records, 'x');
	lap('referenceWarnings');
	return out;
}

/**
 * The entity part of a merge's write, split: row upserts list by list, then the chunk copy,
 * the way a merge writes it now (putChunkRows: the rows in hand) and the way it did
 * (refreshChunks: the rows read back), each in a transaction of its own (profileMerge).
 */
export async function profileEntityWrite(dbName: string) {
	const { serializeSharedFile, parseSharedFile } = await import('$lib/io/shared-file');
	const { planMerge } = await import('$lib/io/merge-plan');
	const { ImportService } = await import('$lib/io/csv-import/import-service');
	const { markChunkAware, putChunkRows, refreshChunks } = await import('$lib/db/entity-chunks');
	const file = teamFile(serializeSharedFile);
	const parsed = parseSharedFile(await file.text(), 'team.json');
	if (!parsed.ok) throw new Error('refused');
	const svc = new ImportService();
	const { held, timeZone } = await svc.held(dbName);
	const w = planMerge(held, parsed.file, timeZone, { uniqueIds: true }).writes;
	const db = svc.db(dbName);
	await new Promise((r) => setTimeout(r, 3000));
	const out: Record<string, number> = { leads: w.leads.length, customers: w.customers.length };
	let t = performance.now();
	const lap = (k: string) => {
		const n = performance.now();
		out[k] = Math.round(n - t);
		t = n;
	};
	// Marked as a merge's transaction is: else the chunk guard drops the chunk set and the
	// steps below time a rebuild of all of it instead.
	await db.transaction('rw', db.leads, async () => {
		markChunkAware();
		await db.leads.bulkPut(w.leads);
	});
	lap('bulkPut leads');
	await db.transaction('rw', db.customers, db.reps, db.campaigns, async () => {
		markChunkAware();
		await db.customers.bulkPut(w.customers);
		await db.reps.bulkPut(w.reps);
		await db.campaigns.bulkPut(w.campaigns);
	});
	lap('bulkPut customers, reps, campaigns');
	await db.transaction('rw', db.leads, db.customers, db.entityChunks, async () => {
		await putChunkRows(db, 'leads', w.leads);
		await putChunkRows(db, 'customers', w.customers);
	});
	lap('putChunkRows');
	await db.transaction('rw', db.leads, db.customers, db.entityChunks, async () => {
		await refreshChunks(
			db,
			'leads',
			w.leads.map((r) => r.id)
		);
		await refreshChunks(
			db,
			'customers',
			w.customers.map((r) => r.id)
		);
	});
	lap('refreshChunks (before)');
	svc.close();
	return out;
}
