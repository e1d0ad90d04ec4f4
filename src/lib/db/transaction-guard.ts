// Leaving a page must never leave the database stuck. Per the IndexedDB spec, a page or worker
// that goes away aborts its unfinished transactions. WebKit (Safari, and WebKitGTK 2.50 where
// the tests run) does not always: a page reloaded or left while one of its transactions, or one
// of its workers' transactions, is still in flight leaves that transaction open in the storage
// process, and every later transaction on those stores (in this tab, new tabs and after reloads)
// waits behind it forever, until the browser is restarted (WebKit bug 324094). Tragt's KPI
// worker reads the whole database on every page load, so a reload in that moment froze every
// later write, import and merge.
//
// So every context that opens the database keeps track of its transactions in flight
// (trackTransactions, called by openDatabase), and when the page is about to be left
// (beforeunload: the old page keeps running while the next one loads, so the aborts reach the
// storage process in time) and again when it is hidden for good or put in the back/forward
// cache (pagehide: from then on no transaction may start), the page aborts its own and asks each
// worker to abort theirs: what the spec says the browser would do anyway. Nothing written is lost
// that would not be lost by the same reload in another browser: a write that had not committed is
// aborted as a whole.

/** Transactions in flight, with when they started or last made progress (a request answered). */
const inFlight = new Map<IDBTransaction, number>();
let tracking = false;
/** The page is going away: no transaction may start (see closeTransactions). */
let closing = false;

/** Records every IndexedDB transaction this context starts until it completes or aborts. */
export function trackTransactions(): void {
	if (tracking || typeof IDBDatabase === 'undefined') return;
	tracking = true;
	const start = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (
		this: IDBDatabase,
		...args: Parameters<IDBDatabase['transaction']>
	): IDBTransaction {
		if (closing) {
			// Code still running after pagehide (a promise continuation, a queued call) must not
			// start a transaction that the page's end would leave behind: it fails at once, as in
			// a page that has gone (nothing reaches the storage process).
			throw new DOMException('The page is going away', 'AbortError');
		}
		const tx = start.apply(this, args);
		inFlight.set(tx, Date.now());
		startWatch();
		const done = () => {
			inFlight.delete(tx);
			if (stalled) checkStalls();
		};
		// A request's events pass through its transaction (its parent): caught on the way down,
		// each answer is progress, so a long write that keeps going is never taken for a stuck one.
		const progress = () => {
			if (inFlight.has(tx)) inFlight.set(tx, Date.now());
		};
		tx.addEventListener('success', progress, true);
		tx.addEventListener('error', progress, true);
		tx.addEventListener('complete', done);
		tx.addEventListener('abort', done);
		return tx;
	};
}

/** How many transactions of this context are in flight. */
export function transactionsInFlight(): number {
	return inFlight.size;
}

/**
 * The page is going away: aborts every transaction of this context still in flight, and refuses
 * new ones until reopenTransactions(). Returns how many were in flight.
 */
export function closeTransactions(): number {
	closing = true;
	return abortTransactionsInFlight();
}

/** Aborts every transaction of this context still in flight; returns how many there were. */
export function abortTransactionsInFlight(): number {
	let n = 0;
	for (const tx of inFlight.keys()) {
		try {
			tx.abort();
			n++;
		} catch {
			// Already finishing (committed in the meantime): nothing to abort.
		}
	}
	inFlight.clear();
	checkStalls();
	return n;
}

/** The page is back (from the back/forward cache): transactions run again. */
export function reopenTransactions(): void {
	closing = false;
}

/** How long after the page starts to leave an aborted read is taken for one of the exit's. */
const EXIT_QUIET_MS = 10_000;

export interface WorkerTransactions {
	/** Asks the worker to run abortTransactionsInFlight(). */
	abort(): void;
	/** Asks the worker to run closeTransactions(). */
	close(): void;
	/** Asks the worker to run reopenTransactions(). */
	reopen(): void;
}

// ---- a stuck database, told rather than hidden ----
//
// Where a page or worker ended before this guard could abort its transaction (a worker busy at
// that moment, a tab killed), WebKit's database stays stuck until the browser restarts, and
// nothing an app does can free it. What the app can do is not hang in silence: a transaction
// that has made no progress for STALL_MS says so. Workers report theirs to the pages on a
// broadcast channel (reportStalls); the page's layout shows how to recover.

/** After this long without any request answered, a transaction is taken to be stuck. */
export const STALL_MS = 15_000;
/** The channel on which every context says whether its transactions are stuck. */
export const STALL_CHANNEL = 'tragt-storage-stall';
const stallListeners = new Set<(stalled: boolean) => void>();
let stalled = false;
let watch: ReturnType<typeof setInterval> | undefined;

function checkStalls(now = Date.now()) {
	let oldest = Infinity;
	for (const t of inFlight.values()) oldest = Math.min(oldest, t);
	const next = now - oldest >= STALL_MS;
	if (next !== stalled) {
		stalled = next;
		for (const l of stallListeners) l(stalled);
	}
	if (inFlight.size === 0 && watch !== undefined) {
		clearInterval(watch);
		watch = undefined;
	}
}

function startWatch() {
	if (watch === undefined && stallListeners.size > 0) watch = setInterval(checkStalls, 1000);
}

/**
 * Calls `listener(true)` when a transaction of this context has made no progress for STALL_MS,
 * and `listener(false)` once none is stuck. Returns a function that stops listening.
 */
export function watchStalls(listener: (stalled: boolean) => void): () => void {
	stallListeners.add(listener);
	startWatch();
	return () => stallListeners.delete(listener);
}

export interface StallMessage {
	source: string;
	stalled: boolean;
}

/** Worker side: tells the pages (all tabs) when this worker's transactions are stuck. */
export function reportStalls(name: string): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(STALL_CHANNEL);
	const source = `${name}-${Math.random().toString(36).slice(2)}`;
	watchStalls((stalled) => channel.postMessage({ source, stalled } satisfies StallMessage));
}

/**
 * Page side: calls `listener` with whether this page, or any worker of any tab, has a stuck
 * transaction. Returns a function that stops listening.
 */
export function watchAllStalls(listener: (stalled: boolean) => void): () => void {
	const stuck = new Set<string>();
	let own = false;
	const tell = () => listener(own || stuck.size > 0);
	const stopOwn = watchStalls((s) => {
		own = s;
		tell();
	});
	if (typeof BroadcastChannel === 'undefined') return stopOwn;
	const channel = new BroadcastChannel(STALL_CHANNEL);
	channel.onmessage = (e: MessageEvent<StallMessage>) => {
		if (e.data.stalled) stuck.add(e.data.source);
		else stuck.delete(e.data.source);
		tell();
	};
	return () => {
		stopOwn();
		channel.close();
	};
}

const workers = new Set<WorkerTransactions>();

/** Page side: how to tell a worker that opens the database that the page goes and comes back. */
export function onPageGone(worker: WorkerTransactions): () => void {
	workers.add(worker);
	return () => workers.delete(worker);
}

function tell(how: keyof WorkerTransactions) {
	for (const w of workers) {
		try {
			w[how]();
		} catch {
			// A worker already gone has no transactions left.
		}
	}
}

/**
 * Page side: on beforeunload, aborts the page's transactions in flight and asks every registered
 * worker to abort its own (the page keeps running while the next one loads, so the aborts arrive
 * in time); on pagehide, closes the page's and the workers'. A page that comes back from the back/forward cache
 * opens them again; if one of its own transactions was aborted on the way out, it is reloaded,
 * so that no view keeps a failed read. The reads those aborts fail are the page's own doing on
 * its way out, not errors: their rejections are not reported.
 */
export function guardPageExit(win: Window = window): void {
	let aborted = 0;
	let leaving = 0;
	win.addEventListener('beforeunload', () => {
		leaving = Date.now();
		tell('abort');
		aborted += abortTransactionsInFlight();
	});
	win.addEventListener('pagehide', () => {
		leaving = Date.now();
		tell('close');
		aborted += closeTransactions();
	});
	win.addEventListener('unhandledrejection', (e) => {
		const reason = (e as PromiseRejectionEvent).reason as { name?: unknown } | undefined;
		if (reason?.name === 'AbortError' && Date.now() - leaving < EXIT_QUIET_MS) e.preventDefault();
	});
	win.addEventListener('pageshow', (e) => {
		if (!e.persisted) return;
		reopenTransactions();
		tell('reopen');
		if (aborted > 0) win.location.reload();
		aborted = 0;
	});
}
