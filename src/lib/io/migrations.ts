// Migrations of older shared files, one function per version step.
//
// A file claiming a version older than the chain reaches is refused with a clear message. When
// the shape changes, bump SHARED_FILE_VERSION in domain/types.ts and add a step `n -> n + 1`
// to MIGRATIONS with its own test.

import { SHARED_FILE_VERSION } from '../domain/types';

/** Turns the parsed JSON of a version-n file into the JSON of version n + 1. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 -> 2: version 2 added the `targets` list (spec/targets-and-forecast.md). A version-1
 * file has no targets; a `targets` key in one was no list of the format then (a hand-made or
 * foreign field), so it is replaced rather than read as version-2 targets.
 */
export const v1ToV2: Migration = (file) => ({ ...file, targets: [] });

/** Steps keyed by the version they read. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[1, v1ToV2]]);

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
