// The shared JSON file of data-format.md: parse (with validation and migration), serialize,
// build, merge and filter. Pure TypeScript with relative imports: the page, workers and the
// command line all load it.
//
// Decisions:
// - The whole file is checked before anything is returned: every problem is reported (up to
//   MAX_PROBLEMS, then "has N more problems"), never just the first.
// - A missing record list is read as empty, with a warning (a hand-made file with only leads
//   is still useful). A list that is not an array is a problem.
// - Unknown fields (top level, workspace, records) are dropped with a warning: the result holds
//   only fields of the format, in a fixed order.
// - Object keys `__proto__`, `constructor` and `prototype` are refused anywhere in the file.
// - A file newer than SHARED_FILE_VERSION is refused, naming both versions; an older one goes
//   through the migration chain (migrations.ts).
// - Dangling references (a lead's owner missing, ...) are warnings, not problems.

import { SHARED_FILE_VERSION, RECORD_LIST_NAMES, type Records } from '../domain/types';
import type { RecordListName, SharedFile, Workspace } from '../domain/types';
import { isIsoInstant } from '../domain/time';
import { migrate } from './migrations';
import { ProblemList, showValue, type FileProblem } from './problems';
import { findForbiddenKeys, parseJson, type JsonPath } from './safe-json';
import { sharedFileChunksOf } from './shared-file-writer';
import { isPlainObject, referenceWarnings, validateList, validateWorkspace } from './validate';

export type { FileProblem } from './problems';
export { formatProblem, MAX_PROBLEMS } from './problems';
export { mergeRecords, mergeSharedFiles, diffMerge, canonicalJson, compareVersions } from './merge';
export type { MergeCounts } from './merge';
export { filterRecords } from './filter';
export { sharedFileChunks, sharedFileChunksOf, type SharedFileSource } from './shared-file-writer';
export type { RecordFilter } from './filter';

/**
 * 400 MB: the L demo workspace (100k leads, 1M activities) is about 240 MB. Larger files are
 * refused before parsing, with a message, rather than exhausting a phone's memory.
 */
export const DEFAULT_MAX_BYTES = 400 * 1024 * 1024;

export type ParseResult =
	{ ok: true; file: SharedFile; warnings: string[] } | { ok: false; problems: FileProblem[] };

export interface ParseOptions {
	maxBytes?: number;
}

const TOP_LEVEL_KEYS = new Set([
	'format',
	'version',
	'exportedAt',
	'workspace',
	...RECORD_LIST_NAMES
]);

/**
 * A problem when a file of `size` bytes is over the limit. Call it with `File.size` before
 * reading a file, so a huge file is refused without being read into memory.
 */
export function checkFileSize(
	size: number,
	fileName: string,
	maxBytes = DEFAULT_MAX_BYTES
): FileProblem | undefined {
	if (size <= maxBytes) return undefined;
	return {
		file: fileName,
		message: `is ${formatMegabytes(size)}; Tragt reads files up to ${formatMegabytes(maxBytes)}`
	};
}

function formatMegabytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} kB`;
	const mb = bytes / (1024 * 1024);
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toFixed(1))} MB`;
}

// Runs of code units above U+007F (without the u flag a surrogate is one code unit).
const NON_ASCII = /[\u0080-\uffff]+/g;

/** UTF-8 size of `text` (without allocating an encoded copy). */
export function utf8Length(text: string): number {
	// The regex engine skips ASCII runs far faster than a loop over charCodeAt; only the rare
	// non-ASCII runs are counted one by one.
	let n = text.length;
	NON_ASCII.lastIndex = 0;
	for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
		const run = m[0];
		for (let i = 0; i < run.length; i++) {
			const c = run.charCodeAt(i);
			if (c < 0x800) n += 1;
			else if (c >= 0xd800 && c <= 0xdbff && i + 1 < run.length) {
				n += 2; // a surrogate pair: 2 code units, 4 bytes
				i++;
			} else n += 2;
		}
	}
	return n;
}

/** Parses, checks and (if older) migrates a shared file. Never throws. */
export function parseSharedFile(
	text: string,
	fileName: string,
	options: ParseOptions = {}
): ParseResult {
	try {
		return parseUnchecked(text, fileName, options);
	} catch (e) {
		// Defensive: every path above returns problems; this keeps the promise "never throws".
		return {
			ok: false,
			problems: [
				{
					file: fileName,
					message: `could not be read: ${e instanceof Error ? e.message : String(e)}`
				}
			]
		};
	}
}

function parseUnchecked(text: string, fileName: string, options: ParseOptions): ParseResult {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (typeof text !== 'string') {
		return { ok: false, problems: [{ file: fileName, message: 'is not text' }] };
	}
	// Code units never exceed UTF-8 bytes, so only count bytes when it could matter.
	const tooBig =
		text.length > maxBytes
			? checkFileSize(text.length, fileName, maxBytes)
			: text.length * 3 > maxBytes
				? checkFileSize(utf8Length(text), fileName, maxBytes)
				: undefined;
	if (tooBig) return { ok: false, problems: [tooBig] };

	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') {
		return { ok: false, problems: [{ file: fileName, message: 'is empty' }] };
	}
	const parsed = parseJson(body);
	if (!parsed.ok) return { ok: false, problems: [{ file: fileName, message: parsed.message }] };

	const problems = new ProblemList(fileName);
	for (const path of findForbiddenKeys(parsed.value, body)) problems.add(forbiddenKeyProblem(path));

	let root = parsed.value;
	if (!isPlainObject(root) || root.format !== 'tragt') {
		const what = isPlainObject(root)
			? root.format === undefined
				? 'has no "format": "tragt"'
				: `has format ${showValue(root.format)}, not "tragt"`
			: 'holds no object';
		problems.add({ message: `is not a Tragt file (it ${what})` });
		return { ok: false, problems: problems.result() };
	}

	const version = root.version;
	if (typeof version !== 'number' || !Number.isInteger(version)) {
		problems.add({
			field: 'version',
			message: version === undefined ? 'is missing' : `${showValue(version)} is not a whole number`
		});
		return { ok: false, problems: problems.result() };
	}
	if (version > SHARED_FILE_VERSION) {
		problems.add({
			message: `is version ${version}; this Tragt reads up to version ${SHARED_FILE_VERSION} — update Tragt`
		});
		return { ok: false, problems: problems.result() };
	}
	const warnings: string[] = [];
	if (version < SHARED_FILE_VERSION) {
		const m = migrate(root, version);
		if (!m.ok) {
			problems.add({ message: m.message });
			return { ok: false, problems: problems.result() };
		}
		root = m.file;
		warnings.push(`${fileName}: upgraded from version ${version} to ${SHARED_FILE_VERSION}`);
	}
	const raw = root as Record<string, unknown>;

	if (raw.exportedAt === undefined) problems.add({ field: 'exportedAt', message: 'is missing' });
	else if (!isIsoInstant(raw.exportedAt)) {
		problems.add({
			field: 'exportedAt',
			message: `${showValue(raw.exportedAt)} is not an instant (use an ISO 8601 time with an offset, e.g. 2026-11-27T10:00:00Z)`
		});
	}
	const workspace = validateWorkspace(raw.workspace, problems);
	if (isPlainObject(raw.workspace)) {
		for (const k of Object.keys(raw.workspace)) {
			if (k !== 'name' && k !== 'currency' && k !== 'timeZone' && !FORBIDDEN.has(k)) {
				warnings.push(`${fileName}: workspace: unknown field ${showValue(k)} dropped`);
			}
		}
	}
	for (const k of Object.keys(raw)) {
		if (!TOP_LEVEL_KEYS.has(k) && !FORBIDDEN.has(k)) {
			warnings.push(`${fileName}: unknown field ${showValue(k)} dropped`);
		}
	}

	const records = {} as Records;
	for (const list of RECORD_LIST_NAMES) {
		const value = raw[list];
		if (value === undefined) {
			warnings.push(`${fileName}: no "${list}" list; read as empty`);
			(records as unknown as Record<RecordListName, unknown[]>)[list] = [];
		} else if (!Array.isArray(value)) {
			problems.add({ field: list, message: `${showValue(value)} is not a list` });
		} else {
			(records as unknown as Record<RecordListName, unknown>)[list] = validateList(
				list,
				value,
				problems,
				warnings
			);
		}
	}

	if (problems.count > 0 || !workspace) return { ok: false, problems: problems.result() };
	warnings.push(...referenceWarnings(records, fileName));
	return {
		ok: true,
		file: {
			format: 'tragt',
			version: SHARED_FILE_VERSION,
			exportedAt: raw.exportedAt as string,
			workspace,
			...records
		},
		warnings
	};
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeyProblem(path: JsonPath): Omit<FileProblem, 'file'> {
	const key = path[path.length - 1];
	const message = `key ${showValue(key)} is not allowed`;
	if (
		path.length >= 3 &&
		typeof path[0] === 'string' &&
		(RECORD_LIST_NAMES as readonly string[]).includes(path[0]) &&
		typeof path[1] === 'number'
	) {
		return { list: path[0], index: path[1], field: pathText(path.slice(2)), message };
	}
	return { field: pathText(path), message };
}

function pathText(path: JsonPath): string {
	let s = '';
	for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : '.' + p;
	return s;
}

/** A file of these records, version SHARED_FILE_VERSION. */
export function toSharedFile(
	records: Records,
	workspace: Workspace,
	exportedAt: string
): SharedFile {
	return {
		format: 'tragt',
		version: SHARED_FILE_VERSION,
		exportedAt,
		workspace: { name: workspace.name, currency: workspace.currency, timeZone: workspace.timeZone },
		...pickLists(records)
	};
}

function pickLists(records: Records): Records {
	const out = {} as Records;
	for (const list of RECORD_LIST_NAMES) {
		(out as unknown as Record<RecordListName, unknown>)[list] = records[list] ?? [];
	}
	return out;
}

/**
 * The file as text: fixed key order (the format's order; record fields in the order of
 * schema.ts), one record per line so files diff well, fields that are undefined or null left
 * out, fields outside the format (database caches) left out. For a Blob, use sharedFileChunks
 * (shared-file-writer.ts): the same text without one giant string.
 */
export function serializeSharedFile(file: SharedFile): string {
	return sharedFileChunksOf(file).join('');
}
