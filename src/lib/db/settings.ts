// Workspace settings: the few values that belong to the data (and travel with it). UI
// preferences such as locale and theme live in localStorage, not here.

import type { TragtDatabase } from './database';
import { WORKSPACE_KEY, type WorkspaceSettings } from './workspace-settings';
import { broadcastChange, recordChange } from './write-context';

export { WORKSPACE_KEY, type WorkspaceSettings } from './workspace-settings';

export async function getWorkspaceSettings(
	db: TragtDatabase
): Promise<WorkspaceSettings | undefined> {
	const row = await db.settings.get(WORKSPACE_KEY);
	return row?.value as WorkspaceSettings | undefined;
}

/**
 * Saves the workspace settings as given (not an undo step: settings are not data edits).
 * `lastChangeAt` is kept as stored unless the caller passes one.
 */
export async function saveWorkspaceSettings(
	db: TragtDatabase,
	settings: WorkspaceSettings
): Promise<void> {
	const seq = await db.transaction('rw', db.settings, db.changes, async () => {
		const old = (await db.settings.get(WORKSPACE_KEY))?.value as WorkspaceSettings | undefined;
		// A new time zone changes what date-only values mean: readers re-read everything.
		const full = !!old && old.timeZone !== settings.timeZone;
		const seq = await recordChange(db, {
			at: Date.now(),
			full,
			entities: { settings: [WORKSPACE_KEY] },
			activityBuckets: [],
			stageEventBuckets: []
		});
		// Written after recordChange, which stamps lastChangeAt: a settings edit is not a data
		// change, so the stored stamp is kept.
		await db.settings.put({
			key: WORKSPACE_KEY,
			value: { ...settings, lastChangeAt: settings.lastChangeAt ?? old?.lastChangeAt }
		});
		return seq;
	});
	broadcastChange(seq);
}
