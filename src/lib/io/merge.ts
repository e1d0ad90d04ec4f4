// Merging records from teammates' files (data-format.md, "Merging a teammate's file").
//
// Per list, records are matched by id and the winner is the maximum under one total order:
// later `updatedAt` (compared as instants, not strings), then on equal instants the greater
// canonical JSON (keys sorted recursively, plain string comparison). A maximum is idempotent,
// commutative and associative, so the order of imports never matters. Output lists are sorted
// by id (code-unit order) so that two merges of the same data compare equal.

import { instantMs as parseMs } from './fast-time';
import {
	RECORD_LIST_NAMES,
	SHARED_FILE_VERSION,
	type RecordBase,
	type RecordListName,
	type Records,
	type SharedFile
} from '../domain/types';

/** JSON with object keys sorted at every depth; undefined fields left out as JSON does. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		const s = JSON.stringify(value);
		return s === undefined ? 'null' : s;
	}
	if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v)).join(',') + ']';
	const obj = value as Record<string, unknown>;
	const parts: string[] = [];
	for (const k of Object.keys(obj).sort()) {
		const v = obj[k];
		if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
		parts.push(JSON.stringify(k) + ':' + canonicalJson(v));
	}
	return '{' + parts.join(',') + '}';
}

function instantMs(v: unknown): number {
	const ms = typeof v === 'string' ? parseMs(v) : NaN;
	// An unreadable stamp loses to any readable one, deterministically.
	return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Orders two versions of one record: > 0 when `a` wins over `b`, < 0 when `b` wins, 0 when they
 * are the same record (equal canonical JSON).
 */
export function compareVersions(a: RecordBase, b: RecordBase): number {
	if (a === b) return 0;
	if (a.updatedAt !== b.updatedAt) {
		const ta = instantMs(a.updatedAt);
		const tb = instantMs(b.updatedAt);
		if (ta !== tb) return ta > tb ? 1 : -1;
	}
	// Importing the same file again makes every record tie with an equal copy: skip the JSON.
	if (shallowEqual(a, b)) return 0;
	const ja = canonicalJson(a);
	const jb = canonicalJson(b);
	return ja === jb ? 0 : ja > jb ? 1 : -1;
}

/** Same own keys with identical primitive values (records are flat). */
function shallowEqual(a: object, b: object): boolean {
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	let n = 0;
	for (const k in ra) {
		if (!Object.hasOwn(ra, k)) continue;
		const v = ra[k];
		if (v === undefined) continue;
		if (typeof v === 'object' && v !== null) return false; // not flat: let the JSON decide
		if (!Object.hasOwn(rb, k) || rb[k] !== v) return false;
		n++;
	}
	for (const k in rb) if (Object.hasOwn(rb, k) && rb[k] !== undefined) n--;
	return n === 0;
}

/** The winning version of each id among `lists`, in no particular order. */
function winnersById<T extends RecordBase>(lists: readonly (readonly T[])[]): Map<string, T> {
	const winners = new Map<string, T>();
	for (const list of lists) {
		for (const r of list) {
			const held = winners.get(r.id);
			if (held === undefined || compareVersions(r, held) > 0) winners.set(r.id, r);
		}
	}
	return winners;
}

/** Merges any number of lists of one kind: one winner per id, sorted by id. */
export function mergeLists<T extends RecordBase>(...lists: readonly T[][]): T[] {
	const winners = winnersById(lists);
	// Sorting the string keys with the built-in comparison (code-unit order, as `<`) is several
	// times faster than a comparator reading `id` from records of many shapes.
	const ids = [...winners.keys()].sort();
	const out: T[] = new Array(ids.length);
	for (let i = 0; i < ids.length; i++) out[i] = winners.get(ids[i])!;
	return out;
}

/** The records of `a` and `b` merged list by list. Record objects are shared, not copied. */
export function mergeRecords(a: Records, b: Records): Records {
	const out = {} as Records;
	for (const name of RECORD_LIST_NAMES) {
		(out as unknown as Record<RecordListName, RecordBase[]>)[name] = mergeLists<RecordBase>(
			a[name] ?? [],
			b[name] ?? []
		);
	}
	return out;
}

/**
 * Merges whole files. Records merge as in mergeRecords. The workspace (name, currency, time zone)
 * is taken from the file with the latest `exportedAt`; on a tie, the greater workspace name, then
 * the greater canonical JSON of the workspace, then the greater `exportedAt` text, so the choice
 * too is independent of order. The
 * result's `exportedAt` is that latest one. Throws a RangeError for an empty list.
 */
export function mergeSharedFiles(files: readonly SharedFile[]): SharedFile {
	if (files.length === 0) throw new RangeError('mergeSharedFiles needs at least one file');
	let lead = files[0];
	for (const f of files.slice(1)) if (compareFiles(f, lead) > 0) lead = f;
	const out = {} as Records;
	for (const name of RECORD_LIST_NAMES) {
		(out as unknown as Record<RecordListName, RecordBase[]>)[name] = mergeLists<RecordBase>(
			...files.map((f) => (f[name] ?? []) as RecordBase[])
		);
	}
	return {
		format: 'tragt',
		version: SHARED_FILE_VERSION,
		exportedAt: lead.exportedAt,
		workspace: { ...lead.workspace },
		...out
	};
}

function compareFiles(a: SharedFile, b: SharedFile): number {
	const ta = instantMs(a.exportedAt);
	const tb = instantMs(b.exportedAt);
	if (ta !== tb) return ta > tb ? 1 : -1;
	if (a.workspace.name !== b.workspace.name) return a.workspace.name > b.workspace.name ? 1 : -1;
	const ja = canonicalJson(a.workspace);
	const jb = canonicalJson(b.workspace);
	if (ja !== jb) return ja > jb ? 1 : -1;
	// The same instant can be written two ways; pick one spelling regardless of order.
	return a.exportedAt === b.exportedAt ? 0 : a.exportedAt > b.exportedAt ? 1 : -1;
}

export interface MergeCounts {
	added: number;
	updated: number;
	deleted: number;
	unchanged: number;
}

/**
 * What merging `incoming` into `current` will do, per list, counted over the distinct ids of
 * `incoming` (so the four numbers add up to them):
 * - added: the record is live after the merge and was not before (a new id, or a tombstone
 *   revived by a later edit);
 * - deleted: the record was live and becomes a tombstone;
 * - updated: the incoming version wins and differs, and neither of the above applies (this
 *   includes a newer version of a record that stays deleted);
 * - unchanged: the held version wins or is identical, or the incoming record is a tombstone of
 *   an id never held (it is stored so the delete keeps travelling, but nothing visible changes).
 */
export function diffMerge(
	current: Records,
	incoming: Records
): Record<RecordListName, MergeCounts> {
	const out = {} as Record<RecordListName, MergeCounts>;
	for (const name of RECORD_LIST_NAMES) {
		const counts: MergeCounts = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
		const held = winnersById<RecordBase>([current[name] ?? []]);
		for (const r of winnersById<RecordBase>([incoming[name] ?? []]).values()) {
			const h = held.get(r.id);
			const live = r.deletedAt === undefined;
			if (h === undefined) {
				if (live) counts.added++;
				else counts.unchanged++;
			} else if (compareVersions(r, h) <= 0) {
				counts.unchanged++;
			} else {
				const wasLive = h.deletedAt === undefined;
				if (!wasLive && live) counts.added++;
				else if (wasLive && !live) counts.deleted++;
				else counts.updated++;
			}
		}
		out[name] = counts;
	}
	return out;
}
