import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable, idIndex } from './id-index';

describe('idIndex', () => {
	it('answers like a Map of id to its last position (property)', () => {
		// Few distinct characters, so ids repeat and collide; plus ids that are not held.
		const idArb = fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é', '\n'), maxLength: 4 });
		fc.assert(
			fc.property(fc.array(idArb, { maxLength: 200 }), fc.array(idArb), (ids, probes) => {
				const expected = new Map<string, number>();
				ids.forEach((id, i) => expected.set(id, i));
				const index = idIndex(ids);
				for (const id of [...ids, ...probes]) expect(index.get(id)).toBe(expected.get(id));
			})
		);
	});

	it('finds every one of many ids, and no other', () => {
		const ids = Array.from({ length: 50_000 }, (_, i) => `lead-${i}`);
		const index = idIndex(ids);
		expect(index.get('lead-0')).toBe(0);
		expect(index.get('lead-49999')).toBe(49_999);
		expect(index.get('lead-31337')).toBe(31_337);
		expect(index.get('lead-50000')).toBeUndefined();
		expect(index.get('')).toBeUndefined();
		expect(idIndex([]).get('x')).toBeUndefined();
	});
});

describe('IdTable', () => {
	it('keeps the first position of each id when asked to, like a duplicate check (property)', () => {
		const idArb = fc.string({ unit: fc.constantFrom('x', 'y', '1'), maxLength: 3 });
		fc.assert(
			fc.property(fc.array(idArb, { maxLength: 100 }), (ids) => {
				const table = new IdTable(
					ids.length,
					ids.map((id) => ({ id })),
					true
				);
				const first = new Map<string, number>();
				ids.forEach((id, i) => {
					expect(table.put(id, i, false)).toBe(first.get(id));
					if (!first.has(id)) first.set(id, i);
				});
				for (const [id, i] of first) expect(table.get(id)).toBe(i);
			})
		);
	});
});
