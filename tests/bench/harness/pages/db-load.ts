// Data-layer benchmark module (tests/bench/db-load.browser.bench.ts): load the L demo data into
import { Dexie } from 'dexie';
// IndexedDB through writeRecords, and read it back as the KPI worker does.
import { generateDemo } from '$lib/demo/generate-demo';
import { openDatabase } from '$lib/db/database';
import { readChunkedList, writeAllChunks } from '$lib/db/entity-chunks';
import {
	activityBlockFromRows,
	bucketOf,
	concatActivityBlocks,
	concatStageEventBlocks,
	type ActivityBlock,
	type StageEventBlock
} from '$lib/db/blocks';
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
	await db.open();
	const openMs = performance.now() - t0;
	let entityMs = 0;
	let logMs = 0;
	const [entities, logs] = await Promise.all([
		readEntityRows(db).then((r) => ((entityMs = performance.now() - t0), r)),
		readLogColumns(db).then((r) => ((logMs = performance.now() - t0), r))
	]);
	const ms = performance.now() - t0;
	db.close();
	return {
		ms,
		openMs,
		entityMs,
		logMs,
		leads: entities.leads.length,
		activities: logs.activities.count,
		stageEvents: logs.stageEvents.count
	};
}

/** Where the time goes: each step of the cold read on its own (first call in a fresh browser). */
export async function profile() {
	const db = openDatabase(DB);
	await db.open();
	const out: Record<string, number> = {};
	const time = async (name: string, fn: () => Promise<unknown>) => {
		const t0 = performance.now();
		await fn();
		out[name] = Math.round(performance.now() - t0);
	};
	let chunks: { json?: string }[] = [];
	await time('entityChunks getAll', async () => (chunks = await db.entityChunks.toArray()));
	await time('JSON.parse chunks', async () => {
		for (const c of chunks) if (c.json) JSON.parse(c.json);
	});
	await time('small entity tables', () =>
		Promise.all([
			db.reps.toArray(),
			db.stages.toArray(),
			db.campaigns.toArray(),
			db.forecasts.toArray()
		])
	);
	let a: ActivityBlock[] = [];
	let e: StageEventBlock[] = [];
	await time('activityBlocks getAll', async () => (a = await db.activityBlocks.toArray()));
	await time('stageEventBlocks getAll', async () => (e = await db.stageEventBlocks.toArray()));
	await time('concat activities', async () => concatActivityBlocks(a));
	await time('concat stage events', async () => concatStageEventBlocks(e));
	for (const l of ['leads', 'customers'] as const) {
		const meta = await db.entityChunks.get(l + ':meta');
		out[l + ' chunks in step'] = meta ? 1 : 0;
		await time(l + ' readChunkedList', () => readChunkedList(db, l));
		await time(l + ' rows toArray', () => (l === 'leads' ? db.leads : db.customers).toArray());
	}
	await time('readEntityRows warm', () => readEntityRows(db));
	await time('readLogColumns warm', () => readLogColumns(db));
	db.close();
	return out;
}

/** Where the write time goes: each part of writeRecords in its own transaction. */
export async function profileWrite(size: 'S' | 'M' | 'L' = 'L') {
	const file = generateDemo({ size });
	const db = openDatabase(DB + '-w');
	await db.delete();
	await db.open();
	const out: Record<string, number> = {};
	const time = async (name: string, fn: () => Promise<unknown>) => {
		const t0 = performance.now();
		await fn();
		out[name] = Math.round(performance.now() - t0);
	};
	await time('leads bulkPut', () =>
		db.transaction('rw', db.leads, () => db.leads.bulkPut(file.leads))
	);
	await time('customers bulkPut', () =>
		db.transaction('rw', db.customers, () => db.customers.bulkPut(file.customers))
	);
	await time('chunks', () =>
		db.transaction('rw', db.entityChunks, async () => {
			await writeAllChunks(db, 'leads', file.leads);
			await writeAllChunks(db, 'customers', file.customers);
		})
	);
	let blocks: ActivityBlock[] = [];
	await time('activity blocks: encode', async () => {
		const groups = new Map<number, typeof file.activities>();
		for (const a of file.activities) {
			const b = bucketOf(a.leadId);
			let g = groups.get(b);
			if (!g) groups.set(b, (g = []));
			g.push(a);
		}
		blocks = [...groups].map(([b, rows]) => activityBlockFromRows(b, rows, 'Europe/Copenhagen'));
	});
	await time('activity blocks: bulkPut', () =>
		db.transaction('rw', db.activityBlocks, () => db.activityBlocks.bulkPut(blocks))
	);
	db.close();
	await db.delete();
	return out;
}

/** bulkPut of the L leads into stores with fewer or more indexes, to weigh each index's cost. */
export async function profileIndexes() {
	const file = generateDemo({ size: 'L' });
	const out: Record<string, number> = {};
	const schemas: Record<string, string> = {
		'7 (id ownerId stageId campaignId createdAt updatedAt deletedAt)':
			'id, ownerId, stageId, campaignId, createdAt, updatedAt, deletedAt',
		'3 (id updatedAt deletedAt)': 'id, updatedAt, deletedAt',
		'1 (id)': 'id'
	};
	for (const [name, schema] of Object.entries(schemas)) {
		const db = new Dexie('idx-probe');
		db.version(1).stores({ leads: schema });
		await db.open();
		const t0 = performance.now();
		await db.transaction('rw', db.table('leads'), () => db.table('leads').bulkPut(file.leads));
		out[name] = Math.round(performance.now() - t0);
		db.close();
		await db.delete();
	}
	return out;
}

/**
 * Same activity blocks stored as 257 records or grouped 16 to a record: does the record count
 * still matter at this size? `write` copies them from the loaded database; `read` reads cold.
 */
export async function probeGrouping(step: 'write' | 'read') {
	const probe = new Dexie('group-probe');
	probe.version(1).stores({ single: 'bucket', grouped: 'key' });
	await probe.open();
	const out: Record<string, number> = {};
	if (step === 'write') {
		const db = openDatabase(DB);
		const blocks = await db.activityBlocks.toArray();
		db.close();
		await probe.table('single').clear();
		await probe.table('grouped').clear();
		await probe.table('single').bulkPut(blocks);
		const groups: { key: number; blocks: ActivityBlock[] }[] = [];
		for (let i = 0; i < blocks.length; i += 16)
			groups.push({ key: i / 16, blocks: blocks.slice(i, i + 16) });
		await probe.table('grouped').bulkPut(groups);
		out.records = blocks.length;
		out.groups = groups.length;
	} else {
		let t0 = performance.now();
		await probe.table('grouped').toArray();
		out['grouped 16 per record'] = Math.round(performance.now() - t0);
		t0 = performance.now();
		await probe.table('single').toArray();
		out['one block per record'] = Math.round(performance.now() - t0);
	}
	probe.close();
	return out;
}
