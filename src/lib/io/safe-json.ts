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
	let pos: number | undefined;
	const m = /at position (\d+)/.exec(raw);
	if (m) pos = Number(m[1]);
	else if (/end of (JSON )?input|Unterminated/i.test(raw)) pos = text.length;
	// Drop V8's own position and its echo of the text; we say it better below.
	let detail = raw
		.replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '')
		.replace(/,\s*".*" is not valid JSON$/s, '')
		.trim();
	if (!detail) detail = 'syntax error';
	if (pos === undefined) return `is not valid JSON: ${detail}`;
	const { line, column } = lineAndColumn(text, pos);
	return `is not valid JSON: ${detail} at line ${line}, column ${column}`;
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
	const found: JsonPath[] = [];
	const stack: { v: unknown; path: JsonPath }[] = [{ v: value, path: [] }];
	while (stack.length > 0 && found.length < limit) {
		const { v, path } = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (Array.isArray(v)) {
			for (let i = v.length - 1; i >= 0; i--) {
				const c = v[i];
				if (typeof c === 'object' && c !== null) stack.push({ v: c, path: [...path, i] });
			}
			continue;
		}
		const keys = Object.keys(v);
		for (let i = keys.length - 1; i >= 0; i--) {
			const k = keys[i];
			if (FORBIDDEN_KEYS.has(k)) found.push([...path, k]);
			const c = (v as Record<string, unknown>)[k];
			if (typeof c === 'object' && c !== null) stack.push({ v: c, path: [...path, k] });
		}
	}
	return found;
}
