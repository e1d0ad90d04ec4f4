import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/db/database';
import { PwaState } from './pwa.svelte';

const names: string[] = [];
afterEach(async () => {
	for (const name of names.splice(0)) {
		await new Promise((resolve) => {
			const req = indexedDB.deleteDatabase(name);
			req.onsuccess = req.onerror = req.onblocked = resolve;
		});
	}
});

/** Opens `name` at `version` the way a newer build of the app in another tab would. */
function openNewer(name: string, version: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name, version);
		req.onupgradeneeded = () => req.result.createObjectStore('addedLater');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new Error('upgrade blocked by the old tab'));
	});
}

describe('a tab left behind by a schema upgrade', () => {
	it('lets the newer tab upgrade, closes its own connection and asks for a reload', async () => {
		const name = 'pwa-' + crypto.randomUUID();
		names.push(name);
		const db = openDatabase(name);
		await db.open();
		await db.settings.put({ key: 'probe', value: 1 });
		const pwa = new PwaState();
		const stop = pwa.watchDatabase(db);

		// Dexie stores version n as IndexedDB version 10n; the next schema is one above.
		const newer = await openNewer(name, db.verno * 10 + 10);
		expect(newer.objectStoreNames.contains('addedLater')).toBe(true);
		expect(pwa.schemaOutdated).toBe(true);
		expect(db.isOpen()).toBe(false);
		// The old code does not quietly reopen the newer database.
		await expect(db.settings.get('probe')).rejects.toThrow();
		newer.close();
		stop();
	});

	it('stays quiet while nobody upgrades', async () => {
		const name = 'pwa-' + crypto.randomUUID();
		names.push(name);
		const db = openDatabase(name);
		await db.open();
		const pwa = new PwaState();
		const stop = pwa.watchDatabase(db);
		await db.settings.put({ key: 'probe', value: 1 });
		expect(pwa.schemaOutdated).toBe(false);
		stop();
		db.close();
	});
});
