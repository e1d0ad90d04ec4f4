// The records behind each grid, live: they follow every command, undo and redo (and other
// tabs), because Dexie's liveQuery re-runs when the tables read here change. Newest first for
// the logs and leads (what people enter and correct most), the entity lists by name or order.
import { activityRowsOfBlock, stageEventRowsOfBlock } from '$lib/db/blocks';
import { entityTable } from '$lib/db/database';
import { readChunkedList } from '$lib/db/entity-chunks';
import { parseInstant } from '$lib/domain/time';
import type { GridList } from '$lib/entry/grid-columns';
import type { AppState } from './app-state.svelte';
import { LiveQuery } from './live-query.svelte';

export type GridRecord = { id: string; [field: string]: unknown };

function byInstantDesc(field: string) {
	return (a: GridRecord, b: GridRecord) =>
		parseInstant(String(b[field]), 'UTC') - parseInstant(String(a[field]), 'UTC') ||
		(a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Reads the live records of one grid's list (no tombstones), in the grid's default order. */
export async function readGridRecords(app: AppState, list: GridList): Promise<GridRecord[]> {
	const db = app.db;
	switch (list) {
		case 'leads': {
			// The chunked copy reads 100k leads as 64 records instead of 100k (see
			// entity-chunks.ts); this query re-runs after every edit.
			const rows = (await readChunkedList(db, 'leads')) as unknown as GridRecord[];
			// A local index for the sort, not state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const at = new Map(rows.map((l) => [l.id, parseInstant(String(l.createdAt), app.timeZone)]));
			return rows
				.filter((r) => !r.deletedAt)
				.sort((a, b) => (at.get(b.id) ?? 0) - (at.get(a.id) ?? 0) || (a.id < b.id ? 1 : -1));
		}
		case 'stageEvents': {
			const blocks = await db.stageEventBlocks.toArray();
			const rows = blocks.flatMap((b) => stageEventRowsOfBlock(b)).filter((e) => !e.deletedAt);
			return (rows as unknown as GridRecord[]).sort(byInstantDesc('at'));
		}
		case 'activities': {
			const blocks = await db.activityBlocks.toArray();
			const rows = blocks.flatMap((b) => activityRowsOfBlock(b)).filter((e) => !e.deletedAt);
			return (rows as unknown as GridRecord[]).sort(byInstantDesc('at'));
		}
		default: {
			const rows = (list === 'customers'
				? await readChunkedList(db, 'customers')
				: await entityTable(db, list).toArray()) as unknown as GridRecord[];
			const live = rows.filter((r) => !r.deletedAt);
			if (list === 'stages')
				return live.sort((a, b) => Number(a.order) - Number(b.order) || (a.id < b.id ? -1 : 1));
			if (list === 'forecasts')
				return live.sort((a, b) => String(b.period).localeCompare(String(a.period)));
			return live.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')));
		}
	}
}

/** The live records of a grid; create during component initialisation. */
export function liveGridRecords(app: AppState, list: () => GridList): LiveQuery<GridRecord[]> {
	return new LiveQuery(() => readGridRecords(app, list()), list);
}
