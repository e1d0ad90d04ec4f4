// Leaving a page must not leave the database stuck, and if the browser does it anyway, the app
// says so rather than hang. WebKit keeps a transaction open for good when the page or worker
// that started it goes away with it in flight (WebKit bug 324094; the spec says it is aborted):
// every later write then waits forever, until the browser restarts. The app aborts its own
// transactions on pagehide, and tells its workers to (src/lib/db/transaction-guard.ts); a
// transaction that never finishes brings up a banner with the way out.
import { waitUntil, type EnginePage } from './engine-page';
import { expect, test } from './fixtures';
import { startWorkspace } from './support';

/**
 * Starts a read on the app's database that keeps asking (in flight until the page goes), from
 * the page itself (`page`) or from a same-origin frame the app's guard does not know (`frame`).
 */
async function readWithoutEnd(app: EnginePage, where: 'page' | 'frame') {
	await app.evaluate(async (inFrame: boolean) => {
		let idb: IDBFactory = indexedDB;
		if (inFrame) {
			const frame = document.createElement('iframe');
			frame.src = '/favicon.svg';
			frame.hidden = true;
			document.body.append(frame);
			await new Promise((r) => frame.addEventListener('load', r, { once: true }));
			idb = frame.contentWindow!.indexedDB;
		}
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			const r = idb.open('tragt');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const tx = db.transaction(Array.from(db.objectStoreNames), 'readonly');
		const store = tx.objectStore('settings');
		const spin = () => (store.count().onsuccess = spin);
		spin();
	}, where === 'frame');
}

async function addLead(app: EnginePage, name: string) {
	await app.goto('/leads');
	await app.waitFor({ role: 'heading', level: 1, name: 'Leads' });
	await app.fill({ label: 'Name of the new lead' }, name);
	await app.click({ role: 'button', name: 'Add lead' });
}

/** Which the person sees first: the new lead's page, or the banner about stuck storage. */
async function savedOrExplained(app: EnginePage, name: string) {
	return waitUntil(
		async () =>
			(await app.count({ role: 'heading', level: 1, name })) > 0
				? 'saved'
				: (await app.count('[data-testid=storage-stalled]')) > 0
					? 'explained'
					: undefined,
		{ timeout: 40_000, message: `the lead "${name}" saved, or the stuck-storage banner` }
	);
}

test('a page left in the middle of a read: the next write is saved, or the person is told', async ({
	app,
	engine
}) => {
	test.setTimeout(90_000);
	await startWorkspace(app);
	await app.goto('/reps');
	await app.waitFor({ role: 'heading', level: 1, name: 'Reps' });
	await readWithoutEnd(app, 'page');
	// Leaving: the page aborts its read on the way out (beforeunload, pagehide), so the next
	// page can write. In WebKit the abort can still lose the race with the page's end (about one
	// time in three with this read that never pauses); then the person is told, never left
	// waiting in silence.
	await addLead(app, 'Written after leaving');
	const outcome = await savedOrExplained(app, 'Written after leaving');
	if (engine === 'firefox') expect(outcome).toBe('saved');
});

test('when the browser leaves the database stuck, the app says how to recover', async ({
	app,
	engine
}) => {
	test.setTimeout(90_000);
	await startWorkspace(app);
	await app.goto('/reps');
	await app.waitFor({ role: 'heading', level: 1, name: 'Reps' });
	// A read the app cannot abort (another document's), ended by leaving the page.
	await readWithoutEnd(app, 'frame');
	await addLead(app, 'Written after a stuck read');
	const outcome = await savedOrExplained(app, 'Written after a stuck read');
	if (engine === 'webkit') {
		// WebKit keeps the frame's read open: the write waits, and after a while the page says so.
		expect(outcome).toBe('explained');
		expect(await app.text('[data-testid=storage-stalled]')).toContain('close Tragt completely');
		expect(await app.attribute('[data-testid=storage-stalled]', 'role')).toBe('alert');
	} else {
		// Firefox aborts it as the spec says: the write goes through.
		expect(outcome).toBe('saved');
	}
});
