// The guard that keeps a left page from leaving the database stuck: it tracks transactions,
// aborts those in flight when the page is hidden (and refuses new ones until it is shown again),
// tells the workers to do the same, and reports a transaction that never finishes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	closeTransactions,
	guardPageExit,
	onPageGone,
	reopenTransactions,
	STALL_MS,
	trackTransactions,
	transactionsInFlight,
	watchStalls
} from './transaction-guard';

let n = 0;
async function openDb(): Promise<IDBDatabase> {
	const name = `guard-${++n}`;
	return new Promise((resolve, reject) => {
		const r = indexedDB.open(name, 1);
		r.onupgradeneeded = () => r.result.createObjectStore('s');
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

function finished(tx: IDBTransaction): Promise<'complete' | 'abort'> {
	return new Promise((resolve) => {
		tx.addEventListener('complete', () => resolve('complete'));
		tx.addEventListener('abort', () => resolve('abort'));
	});
}

trackTransactions();
afterEach(() => reopenTransactions());

describe('transaction guard', () => {
	it('tracks a transaction until it completes', async () => {
		const db = await openDb();
		const tx = db.transaction('s', 'readwrite');
		tx.objectStore('s').put(1, 'a');
		expect(transactionsInFlight()).toBe(1);
		expect(await finished(tx)).toBe('complete');
		expect(transactionsInFlight()).toBe(0);
	});

	it('on close, aborts what is in flight, writes nothing, and refuses new transactions', async () => {
		const db = await openDb();
		const tx = db.transaction('s', 'readwrite');
		tx.objectStore('s').put('half', 'a');
		const outcome = finished(tx);
		expect(closeTransactions()).toBe(1);
		expect(await outcome).toBe('abort');
		expect(() => db.transaction('s')).toThrow(/going away/);
		// Back from the back/forward cache: it works again, and the aborted write is not there.
		reopenTransactions();
		const read = db.transaction('s').objectStore('s').get('a');
		const value = await new Promise((r) => (read.onsuccess = () => r(read.result)));
		expect(value).toBeUndefined();
	});

	it('beforeunload aborts in the page and every worker without closing; the page still works', async () => {
		const db = await openDb();
		const calls: string[] = [];
		const forget = onPageGone({
			abort: () => calls.push('abort'),
			close: () => calls.push('close'),
			reopen: () => calls.push('reopen')
		});
		const win = new EventTarget() as Window;
		guardPageExit(win);
		const tx = db.transaction('s', 'readonly');
		tx.objectStore('s').get('x');
		win.dispatchEvent(new Event('beforeunload'));
		expect(calls).toEqual(['abort']);
		expect(await finished(tx)).toBe('abort');
		// The read that abort failed is the page's own doing on its way out: not reported.
		const rejection = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
			reason: new DOMException('The transaction was aborted', 'AbortError')
		});
		win.dispatchEvent(rejection);
		expect(rejection.defaultPrevented).toBe(true);
		const other = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
			reason: new TypeError('a real bug')
		});
		win.dispatchEvent(other);
		expect(other.defaultPrevented).toBe(false);
		// The person stayed (nothing was left): new transactions run.
		const next = db.transaction('s', 'readwrite');
		next.objectStore('s').put(1, 'k');
		expect(await finished(next)).toBe('complete');
		forget();
	});

	it('pagehide closes the page and every worker; pageshow from the cache reopens them', async () => {
		const db = await openDb();
		const calls: string[] = [];
		const forget = onPageGone({
			abort: () => calls.push('abort'),
			close: () => calls.push('close'),
			reopen: () => calls.push('reopen')
		});
		const reload = vi.fn();
		const win = new EventTarget() as Window;
		Object.defineProperty(win, 'location', { value: { reload } });
		guardPageExit(win);
		const tx = db.transaction('s', 'readonly');
		tx.objectStore('s').get('x');
		win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
		expect(calls).toEqual(['close']);
		expect(await finished(tx)).toBe('abort');
		win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
		expect(calls).toEqual(['close', 'reopen']);
		// One of the page's own reads was aborted: the page reloads rather than show a failed view.
		expect(reload).toHaveBeenCalledTimes(1);
		db.transaction('s').objectStore('s').count();
		forget();
	});

	it('reports a transaction that gets no answer for STALL_MS, and its end', async () => {
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
		try {
			const seen: boolean[] = [];
			const stop = watchStalls((s) => seen.push(s));
			const db = await openDb();
			// A write that keeps going holds the store; a second write on it cannot start: no
			// answer ever comes to it while the first goes on.
			const first = db.transaction('s', 'readwrite');
			const store = first.objectStore('s');
			let spinning = true;
			const spin = () => {
				if (spinning) store.put(1, 'k').onsuccess = spin;
			};
			spin();
			const waiting = db.transaction('s', 'readwrite');
			waiting.objectStore('s').put(2, 'k');
			const tick = () => new Promise((r) => setImmediate(r));
			for (let t = 0; t < STALL_MS - 2000; t += 1000) {
				vi.advanceTimersByTime(1000);
				await tick();
			}
			expect(seen).toEqual([]);
			vi.advanceTimersByTime(3000);
			await tick();
			expect(seen).toEqual([true]);
			spinning = false;
			await finished(waiting);
			expect(seen).toEqual([true, false]);
			stop();
		} finally {
			vi.useRealTimers();
		}
	});

	it('a long transaction whose requests keep being answered is never taken for a stuck one', async () => {
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
		try {
			const seen: boolean[] = [];
			const stop = watchStalls((s) => seen.push(s));
			const db = await openDb();
			const tx = db.transaction('s', 'readwrite');
			const store = tx.objectStore('s');
			let spinning = true;
			const spin = () => {
				if (spinning) store.put(1, 'k').onsuccess = spin;
			};
			spin();
			for (let t = 0; t < 2 * STALL_MS; t += 1000) {
				vi.advanceTimersByTime(1000);
				await new Promise((r) => setImmediate(r));
			}
			expect(seen).toEqual([]);
			spinning = false;
			await finished(tx);
			stop();
		} finally {
			vi.useRealTimers();
		}
	});
});
