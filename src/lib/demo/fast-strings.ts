// Flat strings built from character codes. A million activities need two million instants and
// a million ids; `toISOString().slice()` and template literals make sliced and cons strings that
// cost several times more to create, to keep and to JSON.stringify than one flat string.

const DAY = 86_400_000;
// 1000-01-01 and 9999-12-31: four-digit years only; anything else falls back to toISOString.
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

const dayPrefixes = new Map<number, Uint8Array>();

function dayPrefix(day: number): Uint8Array {
	let p = dayPrefixes.get(day);
	if (p === undefined) {
		const s = new Date(day * DAY).toISOString().slice(0, 11); // `YYYY-MM-DDT`
		p = new Uint8Array(11);
		for (let i = 0; i < 11; i++) p[i] = s.charCodeAt(i);
		dayPrefixes.set(day, p);
	}
	return p;
}

/** `YYYY-MM-DDTHH:MM:SSZ` in UTC; milliseconds are dropped (the demo works in whole seconds). */
export function isoSeconds(ms: number): string {
	if (!(ms >= MIN_MS && ms <= MAX_MS)) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const day = Math.floor(ms / DAY);
	const p = dayPrefix(day);
	let s = Math.floor((ms - day * DAY) / 1000);
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	s -= m * 60;
	return String.fromCharCode(
		p[0],
		p[1],
		p[2],
		p[3],
		p[4],
		p[5],
		p[6],
		p[7],
		p[8],
		p[9],
		p[10],
		48 + Math.floor(h / 10),
		48 + (h % 10),
		58,
		48 + Math.floor(m / 10),
		48 + (m % 10),
		58,
		48 + Math.floor(s / 10),
		48 + (s % 10),
		90
	);
}

/** Makes ids `prefix` + a zero-padded sequence number, as flat strings. */
export class IdMaker {
	private readonly codes: number[];
	private readonly prefixLength: number;

	constructor(
		readonly prefix: string,
		readonly width: number
	) {
		this.prefixLength = prefix.length;
		this.codes = new Array<number>(prefix.length + width);
		for (let i = 0; i < prefix.length; i++) this.codes[i] = prefix.charCodeAt(i);
	}

	/** The id for `n` (a non-negative integer; wider numbers than `width` are not cut). */
	make(n: number): string {
		if (n >= 10 ** this.width) return this.prefix + String(n);
		const codes = this.codes;
		for (let i = codes.length - 1; i >= this.prefixLength; i--) {
			codes[i] = 48 + (n % 10);
			n = Math.floor(n / 10);
		}
		return String.fromCharCode.apply(null, codes);
	}
}
