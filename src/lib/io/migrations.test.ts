import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, v1ToV2, type Migration } from './migrations';
import { SHARED_FILE_VERSION } from '../domain/types';

// Synthetic steps: version 0 kept "owner" on leads, version 1 renamed it "ownerId"; version 2
// added a workspace time zone. They exist only here, to test the chain mechanism.
const zeroToOne: Migration = (f) => ({
	...f,
	leads: (f.leads as Record<string, unknown>[]).map(({ owner, ...rest }) => ({
		...rest,
		ownerId: owner
	}))
});
const oneToTwo: Migration = (f) => ({
	...f,
	workspace: { ...(f.workspace as object), timeZone: 'UTC' }
});
const chain = new Map<number, Migration>([
	[0, zeroToOne],
	[1, oneToTwo]
]);

describe('migration chain', () => {
	it('has one production step per version below the current one', () => {
		expect(SHARED_FILE_VERSION).toBe(2);
		expect([...MIGRATIONS.keys()]).toEqual([1]);
	});

	it('reads a version-1 file as version 2 with no targets, every other list as it was', () => {
		const v1 = {
			format: 'tragt',
			version: 1,
			exportedAt: '2026-11-27T10:00:00Z',
			workspace: { name: 'w', currency: 'DKK', timeZone: 'UTC' },
			reps: [{ id: 'r', updatedAt: '2026-11-01T00:00:00Z', name: 'R', active: true }],
			forecasts: [{ id: 'f', updatedAt: '2026-11-01T00:00:00Z', period: '2026', amount: 1 }]
		};
		expect(migrate(v1, 1)).toEqual({
			ok: true,
			steps: [1],
			file: { ...v1, version: 2, targets: [] }
		});
		// A stray `targets` key in a version-1 file is no target list of that version.
		expect(v1ToV2({ ...v1, targets: [{ id: 'x' }] }).targets).toEqual([]);
	});

	it('runs each step in order from the file version to the target', () => {
		const v0 = {
			format: 'tragt',
			version: 0,
			workspace: { name: 'w' },
			leads: [{ id: 'l', owner: 'r' }]
		};
		const r = migrate(v0, 0, chain, 2);
		expect(r).toEqual({
			ok: true,
			steps: [0, 1],
			file: {
				format: 'tragt',
				version: 2,
				workspace: { name: 'w', timeZone: 'UTC' },
				leads: [{ id: 'l', ownerId: 'r' }]
			}
		});
		// The input is not changed: a failed import leaves nothing half-migrated.
		expect(v0.leads[0]).toEqual({ id: 'l', owner: 'r' });
	});

	it('starts in the middle of the chain', () => {
		const r = migrate({ version: 1, workspace: {} }, 1, chain, 2);
		expect(r.ok && r.steps).toEqual([1]);
	});

	it('does nothing for a file already at the target', () => {
		const f = { version: 2 };
		expect(migrate(f, 2, chain, 2)).toEqual({ ok: true, file: f, steps: [] });
	});

	it('refuses a version below the oldest step, naming the versions it reads', () => {
		expect(migrate({}, -1, chain, 2)).toEqual({
			ok: false,
			message: 'is version -1, which this Tragt cannot read (it reads versions 0 to 2)'
		});
	});

	it('reports a step that fails', () => {
		const bad = new Map<number, Migration>([
			[
				0,
				() => {
					throw new Error('leads is not a list');
				}
			]
		]);
		expect(migrate({}, 0, bad, 1)).toEqual({
			ok: false,
			message: 'could not be upgraded from version 0 to 1: leads is not a list'
		});
	});
});
