// The shared file written straight to UTF-8 bytes, for the export's Blob.
//
// Why bytes, not text: the text writer (shared-file-writer.ts) builds 1.4M small strings for the
// L workspace, joins them into chunks, and then the Blob encodes 250 MB of text to UTF-8 again
// (about 1.5 s in Chromium on its own). Here every record is written into reused 1 MB byte
// buffers: fixed pieces as precomputed bytes, instants as digits computed from the epoch ms
// (no Date, no string), ids and dictionary entries copied byte by byte, and JSON.stringify only
// for the rare string that needs escaping or is not ASCII. The logs are written from their
// stored blocks as read from IndexedDB (ids packed in one string, notes sparse), so they are
// neither concatenated into one set of columns nor split into a million id strings.
//
// The bytes are exactly the UTF-8 of sharedFileChunks' text (shared-file-bytes.test.ts checks
// that against it and against an independent JSON.stringify writer).

import type { ActivityColumns, StageEventColumns } from '../domain/columns';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	RECORD_LIST_NAMES,
	type Records,
	type Workspace
} from '../domain/types';
import {
	encodeActivityBlock,
	encodeStageEventBlock,
	type ActivityBlock,
	type StageEventBlock
} from '../db/blocks';
import { ascii, ByteWriter, encodeStrings, PACKED_PLAIN, type EncodedStrings } from './byte-writer';
import { RECORD_COLUMNS } from './schema';

// The writer stays importable from here.
export { ByteWriter } from './byte-writer';

// The fixed pieces of a log row.
const FIRST_ROW = ascii('\n\t\t{"id":');
const NEXT_ROW = ascii(',\n\t\t{"id":');
const UPDATED = ascii(',"updatedAt":"');
const DELETED = ascii('","deletedAt":"');
const QUOTE = ascii('"');
const LEAD = ascii(',"leadId":');
const REP = ascii(',"repId":');
const STAGE = ascii(',"stageId":');
const AT = ascii(',"at":"');
const NOTE = ascii(',"note":');
const CLOSE = ascii('}');
const QUOTE_CLOSE = ascii('"}');
const QUOTE_REP = ascii('","repId":');
const TYPES = ACTIVITY_TYPES.map((s) => ascii(`,"type":"${s}"`));
const RESPONSES = ['', ...ACTIVITY_RESPONSES.map((s) => `,"response":"${s}"`)].map(ascii);
// Room for the fixed pieces and instants that follow one room() call (at most ~100 bytes).
const ROW_FIXED = 200;

/** A block's ids: written from the packed string when it needs no escaping, else one by one. */
class Ids {
	#packed: string | undefined;
	#list: string[] | undefined;
	#at = 0;
	#i = 0;

	constructor(ids: string | string[], count: number) {
		if (typeof ids === 'string' && PACKED_PLAIN.test(ids)) this.#packed = count ? ids : '';
		else this.#list = typeof ids === 'string' ? (count ? ids.split('\n') : []) : ids;
	}

	/** Writes the next id in quotes. */
	next(w: ByteWriter): void {
		const s = this.#packed;
		if (s !== undefined) {
			let end = s.indexOf('\n', this.#at);
			if (end < 0) end = s.length;
			w.room(end - this.#at + 2);
			w.putQuoted(s, this.#at, end);
			this.#at = end + 1;
			return;
		}
		w.jsonString(this.#list![this.#i++]);
	}
}

function putDict(w: ByteWriter, d: EncodedStrings, k: number): void {
	w.bytes(d.bytes, d.start[k], d.start[k + 1]);
}

function writeActivityBlock(w: ByteWriter, b: ActivityBlock, first: boolean): void {
	const ids = new Ids(b.ids, b.count);
	const leads = encodeStrings(b.leadDict);
	const reps = encodeStrings(b.repDict);
	const noteRows = b.noteRows;
	let nextNote = 0;
	for (let i = 0; i < b.count; i++) {
		w.bytes(first && i === 0 ? FIRST_ROW : NEXT_ROW);
		ids.next(w);
		const u = b.updatedAt[i];
		const d = b.deletedAt[i];
		const at = b.at[i];
		const lead = b.lead[i];
		w.room(ROW_FIXED);
		w.put(UPDATED);
		w.putIso(u);
		if (Number.isNaN(d)) w.put(QUOTE);
		else {
			w.put(DELETED);
			w.putIso(d);
			w.put(QUOTE);
		}
		if (lead >= 0) {
			w.put(LEAD);
			putDict(w, leads, lead);
		}
		w.bytes(REP);
		putDict(w, reps, b.rep[i]);
		w.room(ROW_FIXED);
		w.put(TYPES[b.type[i]]);
		w.put(AT);
		w.putIso(at);
		w.put(QUOTE);
		w.put(RESPONSES[b.response[i]]);
		// noteRows ascend (encodeActivityBlock writes them in row order).
		while (nextNote < noteRows.length && noteRows[nextNote] < i) nextNote++;
		if (nextNote < noteRows.length && noteRows[nextNote] === i) {
			const note = b.notes[nextNote];
			if (note !== undefined && note !== null) {
				w.bytes(NOTE);
				w.jsonString(note);
			}
		}
		w.bytes(CLOSE);
	}
}

function writeStageEventBlock(w: ByteWriter, b: StageEventBlock, first: boolean): void {
	const ids = new Ids(b.ids, b.count);
	const leads = encodeStrings(b.leadDict);
	const stages = encodeStrings(b.stageDict);
	const reps = encodeStrings(b.repDict);
	for (let i = 0; i < b.count; i++) {
		w.bytes(first && i === 0 ? FIRST_ROW : NEXT_ROW);
		ids.next(w);
		const d = b.deletedAt[i];
		const rep = b.rep[i];
		w.room(ROW_FIXED);
		w.put(UPDATED);
		w.putIso(b.updatedAt[i]);
		if (Number.isNaN(d)) w.put(QUOTE);
		else {
			w.put(DELETED);
			w.putIso(d);
			w.put(QUOTE);
		}
		w.put(LEAD);
		putDict(w, leads, b.lead[i]);
		w.bytes(STAGE);
		putDict(w, stages, b.stage[i]);
		w.room(ROW_FIXED);
		w.put(AT);
		w.putIso(b.at[i]);
		if (rep >= 0) {
			w.put(QUOTE_REP);
			putDict(w, reps, rep);
			w.bytes(CLOSE);
		} else w.put(QUOTE_CLOSE);
	}
}

/** The keys of a list's fields as `"name":` bytes, and with a leading comma. */
function keyBytes(cols: readonly string[]) {
	return cols.map((c) => ({
		first: ascii(JSON.stringify(c) + ':'),
		next: ascii(',' + JSON.stringify(c) + ':')
	}));
}
const KEYS = Object.fromEntries(
	RECORD_LIST_NAMES.map((l) => [l, keyBytes(RECORD_COLUMNS[l])])
) as Record<string, ReturnType<typeof keyBytes>>;
const OPEN = ascii('{');
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');

/** One record as recordJson (shared-file-writer.ts) writes it: schema order, no undefined/null. */
function writeRow(
	w: ByteWriter,
	r: Record<string, unknown>,
	cols: readonly string[],
	keys: ReturnType<typeof keyBytes>
): void {
	w.bytes(OPEN);
	let first = true;
	for (let k = 0; k < cols.length; k++) {
		const v = r[cols[k]];
		if (v === undefined || v === null) continue;
		const t = typeof v;
		let json: string | undefined;
		if (t !== 'string' && t !== 'number' && t !== 'boolean') {
			// Anything else as JSON.stringify has it (which leaves a function out entirely).
			json = JSON.stringify(v);
			if (json === undefined) continue;
		}
		w.bytes(first ? keys[k].first : keys[k].next);
		first = false;
		if (json !== undefined) w.text(json);
		else if (t === 'string') w.jsonString(v as string);
		else if (t === 'boolean') w.bytes(v ? TRUE : FALSE);
		else if (Number.isFinite(v)) w.text(String(v));
		else w.bytes(NULL);
	}
	w.bytes(CLOSE);
}

/** A log as its stored blocks, in the order they are written (bucket order, as read). */
export interface StoredBlocks<B> {
	blocks: readonly B[];
}

/** A log as batches of stored blocks still being read, written in the order given. */
export interface PendingBlocks<B> {
	batches: readonly Promise<readonly B[]>[];
}

type ActivityList = Records['activities'] | ActivityColumns | StoredBlocks<ActivityBlock>;
type StageEventList = Records['stageEvents'] | StageEventColumns | StoredBlocks<StageEventBlock>;

/** A shared file whose logs may be rows, one set of columns, or stored blocks. */
export interface SharedFileByteSource {
	version: number;
	exportedAt: string;
	workspace: Workspace;
	lists: {
		[K in keyof Records]: K extends 'activities'
			? ActivityList
			: K extends 'stageEvents'
				? StageEventList
				: Records[K];
	};
}

/** The same, with lists that may still be read (the export starts writing before all is read). */
export interface PendingSharedFileSource {
	version: number;
	exportedAt: string;
	workspace: Workspace;
	lists: {
		[K in keyof Records]: K extends 'activities'
			? ActivityList | PendingBlocks<ActivityBlock> | Promise<ActivityList>
			: K extends 'stageEvents'
				? StageEventList | PendingBlocks<StageEventBlock> | Promise<StageEventList>
				: Records[K] | Promise<Records[K]>;
	};
}

const FIRST_SEP = ascii('\n\t\t');
const NEXT_SEP = ascii(',\n\t\t');
const LIST_END = ascii('\n\t]');
const EMPTY_END = ascii(']');

/** Writes the file list by list; a list may arrive in several pieces (open, pieces, close). */
class FileWriter {
	#rows = 0;
	#list: keyof Records = 'reps';

	constructor(readonly w: ByteWriter) {}

	head(src: { version: number; exportedAt: string; workspace: Workspace }): void {
		const ws = src.workspace;
		this.w.text(
			'{\n' +
				`\t"format": "tragt",\n` +
				`\t"version": ${JSON.stringify(src.version)},\n` +
				`\t"exportedAt": ${JSON.stringify(src.exportedAt)},\n` +
				`\t"workspace": ${JSON.stringify({ name: ws.name, currency: ws.currency, timeZone: ws.timeZone })}`
		);
	}

	open(list: keyof Records): void {
		this.#list = list;
		this.#rows = 0;
		this.w.text(`,\n\t"${list}": [`);
	}

	/** Rows (any list), or a log as columns or stored blocks. */
	piece(value: unknown): void {
		const w = this.w;
		if (Array.isArray(value)) {
			const cols = RECORD_COLUMNS[this.#list];
			const keys = KEYS[this.#list];
			for (let i = 0; i < value.length; i++) {
				w.bytes(this.#rows++ === 0 ? FIRST_SEP : NEXT_SEP);
				writeRow(w, value[i] as Record<string, unknown>, cols, keys);
			}
			return;
		}
		const v = value as { blocks?: readonly { count: number }[]; count?: number };
		const blocks =
			v.blocks ??
			(this.#list === 'activities'
				? [encodeActivityBlock(0, value as ActivityColumns)]
				: [encodeStageEventBlock(0, value as StageEventColumns)]);
		for (const b of blocks) {
			if (b.count === 0) continue;
			if (this.#list === 'activities') writeActivityBlock(w, b as ActivityBlock, this.#rows === 0);
			else writeStageEventBlock(w, b as StageEventBlock, this.#rows === 0);
			this.#rows += b.count;
		}
	}

	/** Ends the list; returns its number of rows. */
	close(): number {
		this.w.bytes(this.#rows ? LIST_END : EMPTY_END);
		return this.#rows;
	}

	end(): void {
		this.w.text('\n}\n');
	}
}

/**
 * The shared file as UTF-8 byte chunks: the bytes of sharedFileChunks' text for the same source.
 * With a `sink`, the chunks go to it as they fill (it must copy them, as `new Blob([chunk])`
 * does: the buffer is reused) and the result is empty; without one they are returned.
 */
export function sharedFileBytes(
	src: SharedFileByteSource,
	sink?: (bytes: Uint8Array) => void
): Uint8Array[] {
	const f = new FileWriter(new ByteWriter(sink));
	f.head(src);
	for (const list of RECORD_LIST_NAMES) {
		f.open(list);
		f.piece(src.lists[list] ?? []);
		f.close();
	}
	f.end();
	return f.w.parts();
}

/**
 * sharedFileBytes for lists still being read: each list (or batch of blocks) is written as soon
 * as it and every list before it have arrived, so the writing overlaps the rest of the reading.
 * Returns the number of records written per list.
 */
export async function sharedFileBytesAsync(
	src: PendingSharedFileSource,
	sink: (bytes: Uint8Array) => void
): Promise<Record<keyof Records, number>> {
	const counts = {} as Record<keyof Records, number>;
	const f = new FileWriter(new ByteWriter(sink));
	f.head(src);
	for (const list of RECORD_LIST_NAMES) {
		const value = (await src.lists[list]) ?? [];
		f.open(list);
		const batches = (value as { batches?: readonly Promise<unknown>[] }).batches;
		if (batches) for (const batch of batches) f.piece({ blocks: await batch });
		else f.piece(value);
		counts[list] = f.close();
	}
	f.end();
	f.w.parts();
	return counts;
}
