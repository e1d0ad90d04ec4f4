// The change log: one row per committed write (what a reader re-reads: entity ids, log buckets,
// or everything), and the broadcast that tells other tabs and the KPI worker to look. Apart from
// write-context.ts because settings and bulk paths record changes without a WriteContext.

import type { ChangeRow, TragtDatabase } from './database';
import { WORKSPACE_KEY, type WorkspaceSettings } from './workspace-settings';

/** How many change rows to keep for readChangesSince; older readers get `full: true`. */
export const CHANGE_LOG_KEEP = 1000;

/** Appends a change row (pruning old ones) and stamps the workspace's lastChangeAt. */
export async function recordChange(db: TragtDatabase, change: ChangeRow): Promise<number> {
	// Requests side by side where they do not depend on each other (fewer round trips).
	const [seq, ws] = await Promise.all([
		db.changes.add(change) as Promise<number>,
		db.settings.get(WORKSPACE_KEY)
	]);
	const writes: Promise<unknown>[] = [];
	if (seq > CHANGE_LOG_KEEP)
		writes.push(
			db.changes
				.where('seq')
				.below(seq - CHANGE_LOG_KEEP)
				.delete()
		);
	if (ws) {
		writes.push(
			db.settings.put({
				key: WORKSPACE_KEY,
				value: {
					...(ws.value as WorkspaceSettings),
					lastChangeAt: new Date(change.at).toISOString()
				}
			})
		);
	}
	await Promise.all(writes);
	return seq;
}

/** Tells other tabs and the KPI worker that data changed (after the commit). */
export function broadcastChange(seq: number): void {
	if (typeof BroadcastChannel === 'undefined') return;
	try {
		const ch = new BroadcastChannel(CHANGES_CHANNEL);
		ch.postMessage({ seq });
		ch.close();
	} catch {
		// Broadcasting is a courtesy; the data is committed either way.
	}
}

export const CHANGES_CHANNEL = 'tragt-changes';
