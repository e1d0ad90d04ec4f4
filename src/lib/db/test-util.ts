// Helpers for the data layer's tests: a fresh database per test, and a small workspace.

import { openDatabase, type TragtDatabase } from './database';
import { initializeWorkspace } from './first-run';
import type { WorkspaceSettings } from './settings';

const open: TragtDatabase[] = [];

export function freshDb(): TragtDatabase {
	const db = openDatabase('test-' + crypto.randomUUID());
	open.push(db);
	return db;
}

/** A database with the default pipeline, one rep ("Me") and settings in UTC. */
export async function workspaceDb(
	timeZone = 'UTC'
): Promise<{ db: TragtDatabase; settings: WorkspaceSettings }> {
	const db = freshDb();
	const settings = await initializeWorkspace(db, { repName: 'Me', currency: 'DKK', timeZone });
	return { db, settings };
}

export async function closeAll(): Promise<void> {
	for (const db of open.splice(0)) {
		db.close();
		await db.delete();
	}
}
