// Turning storage failures into something a person can act on.
//
// When the disk or the origin's quota is full, IndexedDB aborts the transaction (so nothing of
// the command stays: Dexie rolls it back) and reports it in one of several shapes: a
// DOMException named QuotaExceededError; Dexie's QuotaExceededError or AbortError wrapping it
// (`inner`); a BulkError whose `failures` hold it; or, in Chrome, an AbortError / UnknownError
// whose only clue is a message about quota or disk space; or any of these after a worker
// boundary, where only the name and message remain. All of them mean "storage full".
//
// Relative imports only: the import worker uses this too.
import { m } from '../paraglide/messages.js';

export type StorageProblem = 'quota' | 'closed';

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	code?: unknown;
	inner?: unknown;
	cause?: unknown;
	failures?: unknown;
}

const QUOTA_WORDS = /quota|disk (is )?full|no space|not enough (disk )?space|storage (is )?full/i;

/** The error and everything it wraps (Dexie's `inner`, `cause`, a BulkError's `failures`). */
function* chain(err: unknown, depth = 0): Generator<ErrorLike> {
	if (!err || typeof err !== 'object' || depth > 5) return;
	const e = err as ErrorLike;
	yield e;
	yield* chain(e.inner, depth + 1);
	yield* chain(e.cause, depth + 1);
	const failures = e.failures;
	if (Array.isArray(failures)) for (const f of failures) yield* chain(f, depth + 1);
	else if (failures && typeof failures === 'object')
		for (const f of Object.values(failures)) yield* chain(f, depth + 1);
}

/** Whether `err` (in any of the shapes above) means the device or the quota is out of space. */
export function isQuotaError(err: unknown): boolean {
	for (const e of chain(err)) {
		const name = typeof e.name === 'string' ? e.name : '';
		const message = typeof e.message === 'string' ? e.message : '';
		if (name === 'QuotaExceededError') return true;
		// Dexie names the inner error in its message ("Transaction aborted\n QuotaExceededError:
		// ..."), and that message is all that survives the trip from the import worker (Comlink
		// copies name, message and stack).
		if (message.includes('QuotaExceededError')) return true;
		// The legacy DOMException code for QUOTA_EXCEEDED_ERR.
		if (e.code === 22 && name !== 'AbortError') return true;
		if (
			(name === 'AbortError' || name === 'UnknownError' || name === 'DataError') &&
			QUOTA_WORDS.test(message)
		)
			return true;
	}
	return false;
}

/** Whether the database connection was closed under us (another tab upgraded the schema). */
export function isDatabaseClosedError(err: unknown): boolean {
	for (const e of chain(err)) {
		if (e.name === 'DatabaseClosedError') return true;
		if (e.name === 'InvalidStateError' && /closing|closed/i.test(String(e.message ?? '')))
			return true;
	}
	return false;
}

export function storageProblem(err: unknown): StorageProblem | undefined {
	if (isQuotaError(err)) return 'quota';
	if (isDatabaseClosedError(err)) return 'closed';
	return undefined;
}

/** The text to show for an error from a command, an import or undo: storage problems get
 * words that say what happened and what to do; anything else keeps its own message. */
export function errorText(err: unknown): string {
	const problem = storageProblem(err);
	if (problem === 'quota') return m.pwa_storage_full();
	if (problem === 'closed') return m.pwa_database_closed();
	if (err instanceof Error) return err.message;
	if (err && typeof err === 'object' && typeof (err as ErrorLike).message === 'string')
		return (err as { message: string }).message;
	return String(err);
}
