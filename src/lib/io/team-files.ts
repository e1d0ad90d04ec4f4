// Names and freshness of the files teammates send each other: "my file" carries who and when in
// its name (tragt-<rep>-<date>.tragt.json, so a folder of them sorts itself), a team folder holds
// one file per rep (tragt-<rep>.tragt.json, written over each time), and a teammate whose newest
// data is more than a week old is stale: the lead knows whom to ask.
import type { RecordListName, SharedFile } from '../domain/types';
import { RECORD_LIST_NAMES } from '../domain/types';

/** After this many days without newer data, a teammate is flagged. */
export const STALE_DAYS = 7;

/** A name as it can stand in a file name: lower case, letters and digits, dashes between. */
export function fileSlug(name: string): string {
	// The Danish letters as Danes write them in plain ASCII; other accents are dropped.
	const s = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return s || 'tragt';
}

/** The file a rep sends: `tragt-<rep>-<YYYY-MM-DD>.tragt.json`. */
export function sendFileName(repName: string, isoDate: string): string {
	return `tragt-${fileSlug(repName)}-${isoDate.slice(0, 10)}.tragt.json`;
}

/** A rep's file in a team folder: one per rep, written over each time. */
export function folderFileName(repName: string): string {
	return `tragt-${fileSlug(repName)}.tragt.json`;
}

/** Files a team folder may hold for Tragt (others, such as a sync client's notes, are left). */
export function isTeamFile(name: string): boolean {
	return /\.json$/i.test(name) && !name.startsWith('.');
}

/** The newest `updatedAt` of any record in the file (its last change), or undefined. */
export function newestChange(file: Pick<SharedFile, RecordListName>): string | undefined {
	let newest: string | undefined;
	let newestMs = -Infinity;
	for (const list of RECORD_LIST_NAMES) {
		for (const r of file[list] as { updatedAt: string }[]) {
			const ms = Date.parse(r.updatedAt);
			if (ms > newestMs) {
				newestMs = ms;
				newest = r.updatedAt;
			}
		}
	}
	return newest;
}

/** Data from `iso` is stale at `now` when it is more than STALE_DAYS old. */
export function isStale(iso: string | undefined, now: number): boolean {
	if (!iso) return true;
	const ms = Date.parse(iso);
	return !Number.isFinite(ms) || now - ms > STALE_DAYS * 86_400_000;
}

/** When each teammate's data last came in: by rep id, the newest export merged from them. */
export type TeamFreshness = Record<
	string,
	{ exportedAt: string; fileName: string; mergedAt: string }
>;

/** The settings row that keeps the team's freshness (local, never in a shared file). */
export const TEAM_FRESHNESS_KEY = 'team-freshness';

/** Who a file brings data from: the reps with records in it (or named in it, if none). */
export function repsOf(file: Pick<SharedFile, RecordListName>): string[] {
	const reps = new Set<string>();
	for (const l of file.leads) reps.add(l.ownerId);
	for (const a of file.activities) reps.add(a.repId);
	for (const e of file.stageEvents) if (e.repId) reps.add(e.repId);
	for (const c of file.customers) if (c.ownerId) reps.add(c.ownerId);
	for (const f of file.forecasts) if (f.repId) reps.add(f.repId);
	for (const t of file.targets) if (t.repId) reps.add(t.repId);
	if (reps.size === 0) for (const r of file.reps) if (!r.deletedAt) reps.add(r.id);
	return [...reps];
}

/** What the freshness needs of a merged file: its export time, its name and its reps. */
export interface MergedFile {
	exportedAt: string;
	fileName: string;
	repIds: readonly string[];
}

/**
 * The freshness after merging files at `mergedAt`: every rep a file brings data from is as
 * fresh as that file's export, unless a merge brought newer data of theirs before.
 */
export function withMerged(
	before: TeamFreshness,
	files: readonly MergedFile[],
	mergedAt: string
): TeamFreshness {
	const out: TeamFreshness = { ...before };
	for (const { exportedAt, fileName, repIds } of files)
		for (const id of repIds) {
			const old: TeamFreshness[string] | undefined = out[id];
			if (old && Date.parse(old.exportedAt) >= Date.parse(exportedAt)) continue;
			out[id] = { exportedAt, fileName, mergedAt };
		}
	return out;
}
