import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenKeys, jsonErrorOffset, lineAndColumn, parseJson } from './safe-json';

describe('parseJson', () => {
	it.each([
		['abc', 1, 1],
		['{"a":1,}', 1, 8],
		['{\n  "a": tru}', 2, 11],
		['[1] x', 1, 5],
		['{\n"a": "\\q"}', 2, 8],
		['["\\u12G4"]', 1, 7],
		['[1,2', 1, 5],
		['', 1, 1]
	])('places the error in %j at line %i, column %i', (text, line, column) => {
		const r = parseJson(text);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.message).toMatch(
				new RegExp(`^is not valid JSON: .+ at line ${line}, column ${column}$`)
			);
	});

	it('finds an error exactly when JSON.parse does', () => {
		const near = fc.stringMatching(/^[\s[\]{}",:0-9a-z\\.eE+-]{0,20}$/);
		fc.assert(
			fc.property(fc.oneof(near, fc.json(), fc.string({ maxLength: 20 })), (text) => {
				let valid = true;
				try {
					JSON.parse(text);
				} catch {
					valid = false;
				}
				const offset = jsonErrorOffset(text);
				expect(offset === undefined).toBe(valid);
				if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
			}),
			{ numRuns: 3000 }
		);
	});

	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
		expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
	});
});

describe('findForbiddenKeys', () => {
	it('takes any JSON value', () => {
		for (const v of [null, 1, 'x', true, []]) expect(findForbiddenKeys(v)).toEqual([]);
	});

	it('finds keys at any depth, even past the JS stack limit, with their paths', () => {
		let deep: unknown = JSON.parse('{"constructor":1}');
		for (let i = 0; i < 20_000; i++) deep = [deep];
		const path = findForbiddenKeys(deep)[0];
		expect(path).toHaveLength(20_001);
		expect(path[path.length - 1]).toBe('constructor');
	});
});
