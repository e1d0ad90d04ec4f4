// JSON parsing for untrusted files: syntax errors with line and column, and no object keys
// that could alter prototypes anywhere in the tree.
//
// Why not a JSON.parse reviver: a reviver is called bottom-up without the path, so it cannot
// name where the key is, and calling it for every value of a 200 MB file roughly doubles the
// parse time. JSON.parse itself defines `__proto__` as an own data property (no pollution), so
// checking the parsed tree before anything reads it is just as safe. A text scan skips that
// walk for the usual file: a key can only decode to one of the names if the text holds the name
// literally or a `\u` escape.

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);
const MAY_HOLD_FORBIDDEN = /__proto__|constructor|prototype|\\u/;

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON; on a syntax error the message gives the line and column. */
export function parseJson(text: string): JsonResult {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		const raw = e instanceof Error ? e.message : String(e);
		return { ok: false, message: describeSyntaxError(raw, text) };
	}
}

function describeSyntaxError(raw: string, text: string): string {
	// Engines word these differently and V8 gives no position for "Unexpected token": find the
	// offset ourselves, and keep the engine's words only as the detail.
	let pos = jsonErrorOffset(text);
	if (pos === undefined) {
		const m = /at position (\d+)/.exec(raw);
		if (m) pos = Number(m[1]);
	}
	const detail =
		raw
			.replace(/\s*(?:in JSON )?at position \d+(\s*\(line \d+ column \d+\))?/, '')
			.replace(/,\s*".*" is not valid JSON$/s, '')
			.replace(/^JSON\.parse:\s*/, '')
			.replace(/\s*at line \d+ column \d+ of the JSON data$/, '')
			.trim() || 'syntax error';
	if (pos === undefined) return `is not valid JSON: ${detail}`;
	const { line, column } = lineAndColumn(text, pos);
	return `is not valid JSON: ${detail} at line ${line}, column ${column}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;

/**
 * Offset of the first character where `s` stops being JSON (a recursive scanner, run only after
 * JSON.parse has failed); undefined if it finds none or the nesting is too deep for the stack.
 */
export function jsonErrorOffset(s: string): number | undefined {
	let i = 0;
	const n = s.length;
	const fail = (): never => {
		throw new JsonOffset(i);
	};
	const ws = () => {
		while (i < n) {
			const c = s.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
	};
	const string = () => {
		i++; // opening quote
		for (;;) {
			if (i >= n) fail();
			const c = s.charCodeAt(i);
			if (c === 34) {
				i++;
				return;
			}
			if (c < 0x20) fail();
			if (c === 92) {
				i++;
				const e = s[i];
				if (e === 'u') {
					i++;
					for (let k = 0; k < 4; k++, i++) if (!HEX.test(s[i] ?? '')) fail();
					continue;
				}
				if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
			}
			i++;
		}
	};
	const value = (): void => {
		ws();
		const c = s[i];
		if (c === '{') {
			i++;
			ws();
			if (s[i] === '}') return void i++;
			for (;;) {
				ws();
				if (s[i] !== '"') fail();
				string();
				ws();
				if (s[i] !== ':') fail();
				i++;
				value();
				ws();
				if (s[i] === ',') i++;
				else if (s[i] === '}') return void i++;
				else fail();
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (s[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (s[i] === ',') i++;
				else if (s[i] === ']') return void i++;
				else fail();
			}
		}
		if (c === '"') return string();
		if (c === '-' || (c >= '0' && c <= '9')) {
			NUMBER.lastIndex = i;
			if (!NUMBER.test(s)) fail();
			i = NUMBER.lastIndex;
			return;
		}
		for (const lit of ['true', 'false', 'null']) {
			if (c !== lit[0]) continue;
			for (let k = 0; k < lit.length; k++, i++) if (s[i] !== lit[k]) fail();
			return;
		}
		fail();
	};
	try {
		value();
		ws();
		if (i < n) fail();
		return undefined;
	} catch (e) {
		return e instanceof JsonOffset ? e.offset : undefined;
	}
}

class JsonOffset {
	constructor(readonly offset: number) {}
}

/** 1-based line and column of offset `pos` in `text`. */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(pos, text.length);
	for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: end - lineStart + 1 };
}

/** A path into parsed JSON: keys and array indexes. */
export type JsonPath = (string | number)[];

/**
 * Paths of every forbidden key in `value` (iterative, so deeply nested input cannot overflow
 * the stack). `text` is the source, used to skip the walk when it cannot hold such a key.
 */
export function findForbiddenKeys(value: unknown, text?: string, limit = 1000): JsonPath[] {
	if (text !== undefined && !MAY_HOLD_FORBIDDEN.test(text)) return [];
	// Each entry links to its parent instead of copying its path: a deep file stays linear.
	interface Entry {
		v: unknown;
		key: string | number;
		parent: Entry | undefined;
	}
	const pathOf = (e: Entry | undefined, last: string): JsonPath => {
		const path: JsonPath = [last];
		for (; e && e.parent; e = e.parent) path.push(e.key);
		return path.reverse();
	};
	const found: JsonPath[] = [];
	const stack: Entry[] = [{ v: value, key: '', parent: undefined }];
	while (stack.length > 0 && found.length < limit) {
		const entry = stack.pop()!;
		const v = entry.v;
		if (typeof v !== 'object' || v === null) continue;
		if (Array.isArray(v)) {
			for (let i = v.length - 1; i >= 0; i--) {
				const c = v[i];
				if (typeof c === 'object' && c !== null) stack.push({ v: c, key: i, parent: entry });
			}
			continue;
		}
		const obj = v as Record<string, unknown>;
		const keys = Object.keys(obj);
		for (let i = keys.length - 1; i >= 0; i--) {
			const k = keys[i];
			if (FORBIDDEN_KEYS.has(k)) found.push(pathOf(entry, k));
			const c = obj[k];
			if (typeof c === 'object' && c !== null) stack.push({ v: c, key: k, parent: entry });
		}
	}
	return found;
}
