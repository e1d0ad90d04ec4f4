// The chunk set's guard (see entity-chunks.ts): which lists are chunked, the chunk table's row,
// and the Dexie middleware that drops a chunk set written behind the data layer's back. Apart
// from entity-chunks.ts because the database class installs the guard, and entity-chunks.ts
// needs the database class.

import { Dexie, type DBCore, type DBCoreMutateRequest } from 'dexie';

export const CHUNKED_LISTS = ['leads', 'customers'] as const;
export type ChunkedListName = (typeof CHUNKED_LISTS)[number];

export interface EntityChunkRow {
	/** `${list}:${chunk}`, or `${list}:meta` (present while the chunk set is in step). */
	key: string;
	list: ChunkedListName;
	/** JSON array of rows (chunk rows). */
	json?: string;
}

export function isChunkedList(list: string): list is ChunkedListName {
	return list === 'leads' || list === 'customers';
}

/** Marks the running transaction as one of ours: it keeps the chunks in step itself. */
export function markChunkAware(): void {
	const idb = Dexie.currentTransaction?.idbtrans as
		(IDBTransaction & { tragtChunks?: boolean }) | undefined;
	if (idb) idb.tragtChunks = true;
}

/**
 * A Dexie middleware that drops the chunk set's meta row when leads or customers are written
 * by a transaction that does not maintain the chunks (code outside this folder), so readers
 * fall back to the rows instead of trusting a stale copy.
 */
export function chunkGuard(db: Dexie) {
	return {
		stack: 'dbcore' as const,
		name: 'tragt-chunk-guard',
		create(down: DBCore): DBCore {
			return {
				...down,
				table(name: string) {
					const t = down.table(name);
					if (!isChunkedList(name)) return t;
					return {
						...t,
						async mutate(req: DBCoreMutateRequest) {
							const res = await t.mutate(req);
							const idb = req.trans as unknown as IDBTransaction & { tragtChunks?: boolean };
							if (idb.tragtChunks) return res;
							const key = `${name}:meta`;
							if (idb.objectStoreNames?.contains('entityChunks')) {
								await down
									.table('entityChunks')
									.mutate({ type: 'delete', keys: [key], trans: req.trans });
							} else if (typeof idb.addEventListener === 'function') {
								// Not in scope of this transaction: invalidate right after it commits.
								idb.addEventListener('complete', () => {
									void db.table('entityChunks').delete(key);
								});
							}
							return res;
						}
					};
				}
			};
		}
	};
}
