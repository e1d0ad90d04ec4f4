// Shared-file benchmark module (tests/bench/import-shared.browser.bench.ts): store the L demo
// data in the app's own database, as if the person had loaded or imported it, so that the real
// import/export page can then export it and merge a teammate's file into it.
import { openDatabase } from '$lib/db/database';
import { saveWorkspaceSettings, writeRecords } from '$lib/db/repositories';
import { generateDemo } from '$lib/demo/generate-demo';

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
