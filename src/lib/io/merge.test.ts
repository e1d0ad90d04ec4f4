import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	emptyRecords,
	type Lead,
	type Records,
	type Rep,
	type SharedFile,
	type Target
} from '../domain/types';
import {
	canonicalJson,
	compareVersions,
	diffMerge,
	mergeLists,
	mergeRecords,
	mergeSharedFiles
} from './merge';
import { recordsArb, sampleFile, validRecordsArb } from './test-data';

function rep(id: string, updatedAt: string, extra: Partial<Rep> = {}): Rep {
	return { id, updatedAt, name: id.toUpperCase(), active: true, ...extra };
}
function records(part: Partial<Records>): Records {
	return { ...emptyRecords(), ...part };
}

describe('merge rules by example', () => {
	it('adds records held on one side only, sorted by id', () => {
		const a = records({ reps: [rep('b', '2026-11-01T00:00:00Z')] });
		const b = records({
			reps: [rep('c', '2026-11-01T00:00:00Z'), rep('a', '2026-11-01T00:00:00Z')]
		});
		expect(mergeRecords(a, b).reps.map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});

	it('keeps the later updatedAt as a whole, not field by field', () => {
		const old = rep('r', '2026-11-01T10:00:00Z', { name: 'Old', email: 'old@x' });
		const newer = rep('r', '2026-11-01T11:00:00Z', { name: 'New' });
		expect(mergeRecords(records({ reps: [old] }), records({ reps: [newer] })).reps).toEqual([
			newer
		]);
		expect(mergeRecords(records({ reps: [newer] }), records({ reps: [old] })).reps).toEqual([
			newer
		]);
	});

	it('compares updatedAt as instants, not as strings', () => {
		// 10:30+01:00 is 09:30Z: earlier, although its text sorts after "10:00:00Z".
		// The earlier one also has the greater JSON, so neither a string nor a tie-break reading
		// would pick the right one.
		const a = rep('r', '2026-11-01T10:30:00+01:00', { name: 'Zed' });
		const b = rep('r', '2026-11-01T10:00:00Z', { name: 'B' });
		expect(mergeRecords(records({ reps: [a] }), records({ reps: [b] })).reps[0].name).toBe('B');
		expect(mergeRecords(records({ reps: [b] }), records({ reps: [a] })).reps[0].name).toBe('B');
		// Fractions: .5 seconds is later than none.
		const c = rep('r', '2026-11-01T10:00:00.500Z', { name: 'C' });
		expect(mergeRecords(records({ reps: [b] }), records({ reps: [c] })).reps[0].name).toBe('C');
	});

	it('breaks a tie of equal instants by the greater JSON with sorted keys', () => {
		// Same instant written two ways. Sorted-key JSON: {"active":true,"id":"r","name":"Ann",...}
		// vs {"active":true,"id":"r","name":"Bo",...}: "Bo" > "Ann", so Bo wins on both orders.
		const ann = rep('r', '2026-11-01T10:00:00Z', { name: 'Ann' });
		const bo = rep('r', '2026-11-01T11:00:00+01:00', { name: 'Bo' });
		expect(mergeRecords(records({ reps: [ann] }), records({ reps: [bo] })).reps[0].name).toBe('Bo');
		expect(mergeRecords(records({ reps: [bo] }), records({ reps: [ann] })).reps[0].name).toBe('Bo');
		// Key order in the objects does not matter: "active":false < "active":true decides first.
		const inactive = { name: 'Zed', active: false, updatedAt: ann.updatedAt, id: 'r' };
		expect(mergeRecords(records({ reps: [inactive] }), records({ reps: [ann] })).reps[0]).toBe(ann);
	});

	it('lets a later tombstone delete, and a later edit revive', () => {
		const live = rep('r', '2026-11-01T10:00:00Z');
		const dead = rep('r', '2026-11-02T10:00:00Z', { deletedAt: '2026-11-02T10:00:00Z' });
		const revived = rep('r', '2026-11-03T10:00:00Z', { name: 'Back' });
		const m1 = mergeRecords(records({ reps: [live] }), records({ reps: [dead] }));
		expect(m1.reps).toEqual([dead]);
		const m2 = mergeRecords(m1, records({ reps: [revived] }));
		expect(m2.reps).toEqual([revived]);
		// A tombstone of a record the other side never had still travels on.
		expect(mergeRecords(emptyRecords(), records({ reps: [dead] })).reps).toEqual([dead]);
		// An older tombstone does not delete a newer edit.
		expect(mergeRecords(records({ reps: [revived] }), records({ reps: [dead] })).reps).toEqual([
			revived
		]);
	});

	it('matches ids per list: the same id in two lists are two records', () => {
		const lead = sampleFile().leads[0];
		const m = mergeRecords(
			records({ reps: [rep('x', '2026-11-01T00:00:00Z')] }),
			records({ leads: [{ ...lead, id: 'x' }] })
		);
		expect(m.reps).toHaveLength(1);
		expect(m.leads).toHaveLength(1);
	});

	it('a record with an unreadable updatedAt loses to a readable one', () => {
		const bad = rep('r', 'garbage', { name: 'Bad' });
		const ok = rep('r', '2000-01-01T00:00:00Z', { name: 'Ok' });
		expect(mergeRecords(records({ reps: [bad] }), records({ reps: [ok] })).reps[0].name).toBe('Ok');
	});
});

describe('canonicalJson', () => {
	it('sorts keys at every depth and leaves out undefined', () => {
		expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
			'{"a":{"d":[{"y":2,"z":1}]},"b":1}'
		);
	});
});

describe('mergeSharedFiles', () => {
	function file(exportedAt: string, name: string, reps: Rep[]): SharedFile {
		return {
			format: 'tragt',
			version: 1,
			exportedAt,
			workspace: { name, currency: 'DKK', timeZone: 'Europe/Copenhagen' },
			...records({ reps })
		};
	}

	it('merges the records of all files and takes the workspace of the latest export', () => {
		const a = file('2026-11-27T10:00:00Z', 'Alpha', [rep('a', '2026-11-01T00:00:00Z')]);
		const b = file('2026-11-27T09:00:00Z', 'Beta', [rep('b', '2026-11-01T00:00:00Z')]);
		const c = file('2026-11-26T09:00:00Z', 'Gamma', []);
		for (const order of [
			[a, b, c],
			[c, b, a],
			[b, a, c]
		]) {
			const m = mergeSharedFiles(order);
			expect(m.workspace.name).toBe('Alpha');
			expect(m.exportedAt).toBe('2026-11-27T10:00:00Z');
			expect(m.reps.map((r) => r.id)).toEqual(['a', 'b']);
		}
	});

	it('on equal export instants takes the greater workspace name', () => {
		const a = file('2026-11-27T10:00:00Z', 'Alpha', []);
		const b = file('2026-11-27T11:00:00+01:00', 'Beta', []);
		expect(mergeSharedFiles([a, b]).workspace.name).toBe('Beta');
		expect(mergeSharedFiles([b, a]).workspace.name).toBe('Beta');
	});

	it('refuses an empty list', () => {
		expect(() => mergeSharedFiles([])).toThrow(RangeError);
	});
});

describe('diffMerge', () => {
	const t = (h: number) => `2026-11-01T${String(h).padStart(2, '0')}:00:00Z`;
	it('counts added, updated, deleted and unchanged per list', () => {
		const current = records({
			reps: [
				rep('same', t(1)),
				rep('older-here', t(1)),
				rep('newer-here', t(5)),
				rep('to-delete', t(1)),
				rep('dead', t(1), { deletedAt: t(1) }),
				rep('dead2', t(1), { deletedAt: t(1) })
			]
		});
		const incoming = records({
			reps: [
				rep('same', t(1)),
				rep('older-here', t(2), { name: 'changed' }),
				rep('newer-here', t(2)),
				rep('to-delete', t(3), { deletedAt: t(3) }),
				rep('dead', t(4)), // revived
				rep('dead2', t(4), { deletedAt: t(4) }), // stays deleted, newer tombstone
				rep('new', t(1)),
				rep('new-tombstone', t(1), { deletedAt: t(1) })
			]
		});
		const d = diffMerge(current, incoming);
		expect(d.reps).toEqual({ added: 2, updated: 2, deleted: 1, unchanged: 3 });
		expect(d.leads).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 0 });
	});

	it('counts and merges targets like any other list', () => {
		const target = (id: string, updatedAt: string, extra: Partial<Target> = {}): Target => ({
			id,
			updatedAt,
			metric: 'won',
			from: '2026-11-01',
			to: '2026-11-30',
			amount: 10,
			...extra
		});
		const current = records({
			targets: [target('same', t(1)), target('edited', t(1)), target('to-delete', t(1))]
		});
		const incoming = records({
			targets: [
				target('same', t(1)),
				target('edited', t(2), { amount: 12 }),
				target('to-delete', t(3), { deletedAt: t(3) }),
				target('new', t(1), { repId: 'r1', metric: 'wonValue' })
			]
		});
		expect(diffMerge(current, incoming).targets).toEqual({
			added: 1,
			updated: 1,
			deleted: 1,
			unchanged: 1
		});
		const merged = mergeRecords(current, incoming);
		expect(merged.targets.map((x) => [x.id, x.amount, x.deletedAt])).toEqual([
			['edited', 12, undefined],
			['new', 10, undefined],
			['same', 10, undefined],
			['to-delete', 10, t(3)]
		]);
		expect(mergeRecords(incoming, current)).toEqual(merged);
		expect(diffMerge(merged, incoming).targets).toEqual({
			added: 0,
			updated: 0,
			deleted: 0,
			unchanged: 4
		});
	});

	it('says nothing changes when the same file is imported again', () => {
		fc.assert(
			fc.property(validRecordsArb, validRecordsArb, (a, b) => {
				const merged = mergeRecords(a, b);
				const again = diffMerge(merged, b);
				for (const counts of Object.values(again)) {
					expect(counts.added + counts.updated + counts.deleted).toBe(0);
				}
			}),
			{ numRuns: 100 }
		);
	});
});

// An independent reading of the merge rule, written as directly as possible from the spec:
// for each id take every version, order by (instant, sorted-key JSON), keep the last.
function oracleMerge<T extends { id: string; updatedAt: string }>(...lists: T[][]): T[] {
	const all = lists.flat();
	const ids = [...new Set(all.map((r) => r.id))].sort();
	return ids.map((id) => {
		const versions = all
			.filter((r) => r.id === id)
			.map((r) => ({ r, t: Date.parse(r.updatedAt), j: sortedJson(r) }))
			.sort((x, y) => x.t - y.t || (x.j < y.j ? -1 : x.j > y.j ? 1 : 0));
		return versions[versions.length - 1].r;
	});
}
function sortedJson(v: unknown): string {
	return JSON.stringify(v, (_k, val) =>
		val && typeof val === 'object' && !Array.isArray(val)
			? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: val
	);
}

describe('merge properties', () => {
	const norm = (r: Records) => mergeRecords(r, emptyRecords());

	it('agrees with an independent reading of the rule', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, (a, b) => {
				const m = mergeRecords(a, b);
				expect(m.reps).toEqual(oracleMerge(a.reps, b.reps));
				expect(m.leads).toEqual(oracleMerge<Lead>(a.leads, b.leads));
				expect(m.activities).toEqual(oracleMerge(a.activities, b.activities));
			}),
			{ numRuns: 200 }
		);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, (a, b) => {
				expect(mergeRecords(a, a)).toEqual(norm(a));
				const ab = mergeRecords(a, b);
				expect(mergeRecords(ab, b)).toEqual(ab);
				expect(mergeRecords(ab, a)).toEqual(ab);
			}),
			{ numRuns: 200 }
		);
	});

	it('normalizing a valid list only sorts it by id', () => {
		fc.assert(
			fc.property(validRecordsArb, (a) => {
				const sorted = [...a.leads].sort((x, y) => (x.id < y.id ? -1 : 1));
				expect(norm(a).leads).toEqual(sorted);
			}),
			{ numRuns: 100 }
		);
	});

	it('is commutative', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, (a, b) => {
				expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
			}),
			{ numRuns: 200 }
		);
	});

	it('is associative', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, recordsArb, (a, b, c) => {
				expect(mergeRecords(mergeRecords(a, b), c)).toEqual(mergeRecords(a, mergeRecords(b, c)));
			}),
			{ numRuns: 200 }
		);
	});

	it('does not depend on the order of records within a list', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, (a, b) => {
				const reversed = { ...a, reps: [...a.reps].reverse(), leads: [...a.leads].reverse() };
				expect(mergeRecords(reversed, b)).toEqual(mergeRecords(a, b));
			}),
			{ numRuns: 100 }
		);
	});

	it('merging files in any order gives the same file', () => {
		const fileArb = fc.tuple(
			recordsArb,
			fc.constantFrom('2026-11-27T10:00:00Z', '2026-11-27T11:00:00+01:00', '2026-11-28T00:00:00Z'),
			fc.constantFrom('A', 'B')
		);
		fc.assert(
			fc.property(fileArb, fileArb, fileArb, (x, y, z) => {
				const files = [x, y, z].map(([recs, at, name]): SharedFile => ({
					format: 'tragt',
					version: 1,
					exportedAt: at,
					workspace: { name, currency: 'EUR', timeZone: 'UTC' },
					...recs
				}));
				expect(mergeSharedFiles(files)).toEqual(mergeSharedFiles([files[2], files[0], files[1]]));
			}),
			{ numRuns: 100 }
		);
	});

	it('compareVersions is antisymmetric', () => {
		fc.assert(
			fc.property(recordsArb, recordsArb, (a, b) => {
				for (const x of a.reps)
					for (const y of b.reps)
						expect(Math.sign(compareVersions(x, y))).toBe(-Math.sign(compareVersions(y, x)) || 0);
			}),
			{ numRuns: 100 }
		);
	});

	it('mergeLists keeps one record per id', () => {
		fc.assert(
			fc.property(recordsArb, (a) => {
				const ids = mergeLists(a.stages).map((s) => s.id);
				expect(new Set(ids).size).toBe(ids.length);
			}),
			{ numRuns: 50 }
		);
	});
});
