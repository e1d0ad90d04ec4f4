import { describe, expect, it } from 'vitest';
import { PackedIds } from './logs';

describe('PackedIds', () => {
	it('reads the ids of packed, plain and empty parts by row, in any order', () => {
		// As blocks store them: '\n'-joined, or a plain array when an id holds a '\n'.
		const ids = new PackedIds(['a1\na2\na3', '', ['b\n1', 'b2'], 'c1', '\nd2'], [3, 0, 2, 1, 2]);
		const all = ['a1', 'a2', 'a3', 'b\n1', 'b2', 'c1', '', 'd2'];
		const order = [7, 0, 3, 6, 1, 5, 2, 4, 4, 0];
		for (const r of order) expect(ids.at(r)).toBe(all[r]);
		expect(ids.at(8)).toBeUndefined();
		expect(ids.at(-1)).toBeUndefined();
	});
});
