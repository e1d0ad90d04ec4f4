import { describe, expect, it } from 'vitest';
import { StringDictionary } from './columns';

describe('StringDictionary', () => {
	it('numbers values in order of first appearance, also when built from a list with repeats', () => {
		const d = new StringDictionary(['b', 'a', 'b', 'c', 'a', '']);
		expect(d.values).toEqual(['b', 'a', 'c', '']);
		expect(['a', 'b', 'c', ''].map((v) => d.get(v))).toEqual([1, 0, 2, 3]);
		expect(d.index('d')).toBe(4);
		expect(d.index('b')).toBe(0);
		expect(d.get('e')).toBeUndefined();
	});
});
