// The byte writer of the shared file's bytes (shared-file-bytes.ts says why bytes): reused 1 MB
// buffers, ASCII pieces copied as bytes, instants written as digits from the epoch ms.

const CHUNK = 1 << 20;
const encoder = new TextEncoder();

/** The bytes of an ASCII string. */
export function ascii(s: string): Uint8Array {
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
export const PACKED_PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e\n]*$/;

/** Strings as their JSON bytes, quotes included, in one buffer (`start[k]..start[k+1]`). */
export interface EncodedStrings {
	bytes: Uint8Array;
	start: Int32Array;
}

export function encodeStrings(values: readonly string[]): EncodedStrings {
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
