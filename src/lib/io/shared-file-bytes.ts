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
import { RECORD_COLUMNS } from './schema';

const CHUNK = 1 << 20;
const encoder = new TextEncoder();

/** The bytes of an ASCII string. */
function ascii(s: string): Uint8Array {
	const b = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
	return b;
}

/** True when `JSON.stringify(s)` is `"` + s + `"` and s is ASCII: printable, no `"` or `\`. */
function plainAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
	}
	return true;
}

// Printable ASCII without `"` and `\`, and the separator of packed ids.
const PACKED_PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e\n]*$/;

/** Strings as their JSON bytes, quotes included, in one buffer (`start[k]..start[k+1]`). */
interface EncodedStrings {
	bytes: Uint8Array;
	start: Int32Array;
}

function encodeStrings(values: readonly string[]): EncodedStrings {
	const start = new Int32Array(values.length + 1);
	const parts: Uint8Array[] = [];
	let n = 0;
	for (let k = 0; k < values.length; k++) {
		const v = values[k];
		const b = plainAscii(v) ? ascii('"' + v + '"') : encoder.encode(JSON.stringify(v));
		parts.push(b);
		start[k] = n;
		n += b.length;
	}
	start[values.length] = n;
	const bytes = new Uint8Array(n);
	for (let k = 0; k < parts.length; k++) bytes.set(parts[k], start[k]);
	return { bytes, start };
}

// Years 0000-9999: outside them toISOString writes six-digit years (and NaN throws); those
// values take the Date path, so the bytes stay what toISOString gives (or the same error).
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;
const DAY = 86_400_000;

// `YYYY-MM-DD` of a day (days since 1970-01-01), made once per day in use: an export has a few
// thousand distinct days and millions of instants. Days 0..65535 (1970-2149) sit in an array
// (an index is cheaper than a Map lookup); others in a Map.
const DAY_SLOTS = 65_536;
const dateSlots: (Uint8Array | undefined)[] = [];
for (let i = 0; i < DAY_SLOTS; i++) dateSlots.push(undefined);
const dateCache = new Map<number, Uint8Array>();

function dateBytes(days: number): Uint8Array {
	const inSlots = days >= 0 && days < DAY_SLOTS;
	let b = inSlots ? dateSlots[days] : dateCache.get(days);
	if (b === undefined) {
		b = ascii(new Date(days * DAY).toISOString().slice(0, 10));
		if (inSlots) dateSlots[days] = b;
		else {
			if (dateCache.size > 50_000) dateCache.clear();
			dateCache.set(days, b);
		}
	}
	return b;
}

// `HH:MM:SS` of every second of a day (86,400 x 8 bytes), made on first use.
let times: Uint8Array | undefined;

function timeBytes(): Uint8Array {
	if (times) return times;
	times = new Uint8Array(86_400 * 8);
	const two = (n: number, o: number) => {
		times![o] = 48 + ((n / 10) | 0);
		times![o + 1] = 48 + (n % 10);
	};
	for (let s = 0; s < 86_400; s++) {
		const o = s * 8;
		two((s / 3600) | 0, o);
		times[o + 2] = 0x3a;
		two(((s / 60) | 0) % 60, o + 3);
		times[o + 5] = 0x3a;
		two(s % 60, o + 6);
	}
	return times;
}

/**
 * Bytes written into 1 MB buffers. With a `sink`, each full buffer is handed to it and then
 * reused: the sink must copy the bytes before it returns (a Blob does). Without one, the buffers
 * are kept and `parts()` hands them over.
 */
export class ByteWriter {
	#parts: Uint8Array[] = [];
	#buf = new Uint8Array(0);
	/** Where the bytes not handed over yet begin in #buf. */
	#start = 0;
	#pos = 0;

	constructor(private readonly sink?: (bytes: Uint8Array) => void) {}

	/** Room for `n` more bytes in the current buffer. */
	room(n: number): void {
		if (this.#pos + n <= this.#buf.length) return;
		if (this.#pos > this.#start) this.#hand(this.#buf.subarray(this.#start, this.#pos));
		if (this.sink && n <= this.#buf.length) this.#start = this.#pos = 0;
		else {
			this.#buf = new Uint8Array(Math.max(CHUNK, n));
			this.#start = this.#pos = 0;
		}
	}

	#hand(bytes: Uint8Array): void {
		if (this.sink) this.sink(bytes);
		else this.#parts.push(bytes);
	}

	/** Bytes (after `room`). */
	put(b: Uint8Array, from = 0, to = b.length): void {
		const buf = this.#buf;
		let p = this.#pos;
		if (to - from > 64) {
			buf.set(from === 0 && to === b.length ? b : b.subarray(from, to), p);
			p += to - from;
		} else for (let i = from; i < to; i++) buf[p++] = b[i];
		this.#pos = p;
	}

	bytes(b: Uint8Array, from = 0, to = b.length): void {
		this.room(to - from);
		this.put(b, from, to);
	}

	/** Any text, as UTF-8. */
	text(s: string): void {
		this.room(s.length * 3);
		this.#pos += encoder.encodeInto(s, this.#buf.subarray(this.#pos)).written;
	}

	/** `JSON.stringify(s)`'s bytes. */
	jsonString(s: string): void {
		if (!plainAscii(s)) return this.text(JSON.stringify(s));
		this.room(s.length + 2);
		const buf = this.#buf;
		let p = this.#pos;
		buf[p++] = 0x22;
		for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
		buf[p++] = 0x22;
		this.#pos = p;
	}

	/** `s.slice(from, to)`, known to be plain ASCII, in quotes (after `room`). */
	putQuoted(s: string, from: number, to: number): void {
		const buf = this.#buf;
		let p = this.#pos;
		buf[p++] = 0x22;
		for (let i = from; i < to; i++) buf[p++] = s.charCodeAt(i);
		buf[p++] = 0x22;
		this.#pos = p;
	}

	/** `new Date(ms).toISOString()` without its quotes (at most 27 bytes; after `room`). */
	putIso(ms: number): void {
		if (!(ms >= MIN_MS && ms <= MAX_MS) || !Number.isInteger(ms)) {
			// Throws like toISOString for NaN; a six-digit year makes 27 bytes.
			const s = new Date(ms).toISOString();
			for (let i = 0; i < s.length; i++) this.#buf[this.#pos++] = s.charCodeAt(i);
			return;
		}
		const days = Math.floor(ms / DAY);
		const r = ms - days * DAY;
		const sec = (r / 1000) | 0;
		const milli = r - sec * 1000;
		const date = dateBytes(days);
		const time = timeBytes();
		const buf = this.#buf;
		const p = this.#pos;
		for (let k = 0; k < 10; k++) buf[p + k] = date[k];
		buf[p + 10] = 0x54; // T
		const t = sec * 8;
		for (let k = 0; k < 8; k++) buf[p + 11 + k] = time[t + k];
		buf[p + 19] = 0x2e;
		buf[p + 20] = 48 + ((milli / 100) | 0);
		buf[p + 21] = 48 + (((milli / 10) | 0) % 10);
		buf[p + 22] = 48 + (milli % 10);
		buf[p + 23] = 0x5a; // Z
		this.#pos = p + 24;
	}

	/**
	 * Hands the bytes written since the last call to the sink, or returns them as Blob parts
	 * (views; later writes go after them).
	 */
	parts(): Uint8Array[] {
		if (this.#pos > this.#start) this.#hand(this.#buf.subarray(this.#start, this.#pos));
		this.#start = this.#pos;
		const out = this.#parts;
		this.#parts = [];
		return out;
	}
}

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
