// Migrations of older shared files, one function per version step.
//
// There is only version 1 today, so the production chain is empty: a file claiming an older
// version is refused with a clear message. When the shape changes, bump SHARED_FILE_VERSION
// in domain/types.ts and add `MIGRATIONS.set(n, fromNtoNPlus1)` with its own test.

import { SHARED_FILE_VERSION } from '../domain/types';

/** Turns the parsed JSON of a version-n file into the JSON of version n + 1. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/** Steps keyed by the version they read. Empty until version 2 exists. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map();

export type MigrationResult =
	{ ok: true; file: Record<string, unknown>; steps: number[] } | { ok: false; message: string };

/**
 * Runs the chain from `from` up to `target`. `migrations` and `target` are parameters so that
 * the chain mechanism is tested with synthetic steps without adding them to production.
 */
export function migrate(
	file: Record<string, unknown>,
	from: number,
	migrations: ReadonlyMap<number, Migration> = MIGRATIONS,
	target: number = SHARED_FILE_VERSION
): MigrationResult {
	let current = file;
	const steps: number[] = [];
	for (let v = from; v < target; v++) {
		const step = migrations.get(v);
		if (!step) {
			return {
				ok: false,
				message: `is version ${from}, which this Tragt cannot read (${readableRange(migrations, target)})`
			};
		}
		try {
			current = { ...step(current), version: v + 1 };
		} catch (e) {
			return {
				ok: false,
				message: `could not be upgraded from version ${v} to ${v + 1}: ${e instanceof Error ? e.message : String(e)}`
			};
		}
		steps.push(v);
	}
	return { ok: true, file: current, steps };
}

/** The versions the chain reaches `target` from, as words. */
function readableRange(migrations: ReadonlyMap<number, Migration>, target: number): string {
	let v = target;
	while (migrations.has(v - 1)) v--;
	return v === target ? `it reads version ${target}` : `it reads versions ${v} to ${target}`;
}
