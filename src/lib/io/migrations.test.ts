import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from './migrations';
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
	it('has no production steps while only version 1 exists', () => {
		expect(SHARED_FILE_VERSION).toBe(1);
		expect(MIGRATIONS.size).toBe(0);
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
