// Writes the shared file as a list of text chunks (about 1 MB each) instead of one string: a
// Blob takes the chunks as they are, so the export of 1.4M records never builds a 250 MB string,
// and never sends one between threads. The two logs are written straight from their stored
// columns (readLogColumns), without first becoming 1.4M record objects.
//
// The text is exactly serializeSharedFile's (shared-file.ts): fixed key order, one record per
// line, fields that are undefined or null left out. shared-file-writer.test.ts checks that.

import type { ActivityColumns, StageEventColumns } from '../domain/columns';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	RECORD_LIST_NAMES,
	type RecordListName,
	type Records,
	type SharedFile,
	type Workspace
} from '../domain/types';
import { RECORD_COLUMNS } from './schema';

const CHUNK = 1 << 20;

class ChunkWriter {
	readonly chunks: string[] = [];
	#parts: string[] = [];
	#size = 0;

	write(s: string): void {
		this.#parts.push(s);
		this.#size += s.length;
		// join() copies the pieces into one flat string, so each record's many small
		// intermediate strings die young (cheap to collect) instead of living on inside a rope.
		if (this.#size >= CHUNK) this.#flush();
	}

	#flush(): void {
		this.chunks.push(this.#parts.join(''));
		this.#parts = [];
		this.#size = 0;
	}

	end(): string[] {
		if (this.#size) this.#flush();
		return this.chunks;
	}
}

/** One record as JSON: the list's fields in schema order, undefined and null left out. */
export function recordJson(r: Record<string, unknown>, cols: readonly string[]): string {
	// One JSON.stringify of an ordered copy is several times faster than one per field.
	const o: Record<string, unknown> = {};
	for (const c of cols) {
		const v = r[c];
		if (v !== undefined && v !== null) o[c] = v;
	}
	return JSON.stringify(o);
}

const DAY = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();
// Years 0000-9999: outside them toISOString writes six-digit years.
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

/** `new Date(ms).toISOString()`, without a Date per value (3M of them for the L workspace). */
export function isoOf(ms: number): string {
	if (!(ms >= MIN_MS && ms <= MAX_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
	const day = Math.floor(ms / DAY);
	let prefix = dayPrefixes.get(day);
	if (prefix === undefined) {
		prefix = new Date(day * DAY).toISOString().slice(0, 11);
		if (dayPrefixes.size > 20_000) dayPrefixes.clear();
		dayPrefixes.set(day, prefix);
	}
	const r = ms - day * DAY;
	const sec = Math.floor(r / 1000);
	return (
		prefix +
		TWO[Math.floor(sec / 3600)] +
		':' +
		TWO[Math.floor(sec / 60) % 60] +
		':' +
		TWO[sec % 60] +
		'.' +
		THREE[r - sec * 1000] +
		'Z'
	);
}

const iso = isoOf;

function writeActivities(w: ChunkWriter, c: ActivityColumns): void {
	// Dictionary entries are quoted once, not once per row.
	const leads = c.leadDict.map((s) => JSON.stringify(s));
	const reps = c.repDict.map((s) => JSON.stringify(s));
	const types = ACTIVITY_TYPES.map((s) => `,"type":"${s}"`);
	const responses = ['', ...ACTIVITY_RESPONSES.map((s) => `,"response":"${s}"`)];
	for (let i = 0; i < c.count; i++) {
		const u = c.updatedAt[i];
		const d = c.deletedAt[i];
		const lead = c.lead[i];
		const note = c.note[i];
		const at = c.at[i];
		w.write(
			(i === 0 ? '\t\t{"id":' : ',\n\t\t{"id":') +
				JSON.stringify(c.id[i]) +
				',"updatedAt":"' +
				iso(u) +
				(Number.isNaN(d) ? '"' : '","deletedAt":"' + iso(d) + '"') +
				(lead >= 0 ? ',"leadId":' + leads[lead] : '') +
				',"repId":' +
				reps[c.rep[i]] +
				types[c.type[i]] +
				',"at":"' +
				(at === u ? iso(u) : iso(at)) +
				'"' +
				responses[c.response[i]] +
				(note === undefined || note === null ? '}' : ',"note":' + JSON.stringify(note) + '}')
		);
	}
}

function writeStageEvents(w: ChunkWriter, c: StageEventColumns): void {
	const leads = c.leadDict.map((s) => JSON.stringify(s));
	const stages = c.stageDict.map((s) => JSON.stringify(s));
	const reps = c.repDict.map((s) => JSON.stringify(s));
	for (let i = 0; i < c.count; i++) {
		const d = c.deletedAt[i];
		const rep = c.rep[i];
		w.write(
			(i === 0 ? '\t\t{"id":' : ',\n\t\t{"id":') +
				JSON.stringify(c.id[i]) +
				',"updatedAt":"' +
				iso(c.updatedAt[i]) +
				(Number.isNaN(d) ? '"' : '","deletedAt":"' + iso(d) + '"') +
				',"leadId":' +
				leads[c.lead[i]] +
				',"stageId":' +
				stages[c.stage[i]] +
				',"at":"' +
				iso(c.at[i]) +
				(rep >= 0 ? '","repId":' + reps[rep] + '}' : '"}')
		);
	}
}

/** A shared file whose logs may be given as stored columns instead of rows. */
export interface SharedFileSource {
	version: number;
	exportedAt: string;
	workspace: Workspace;
	lists: {
		[K in RecordListName]: K extends 'activities'
			? Records[K] | ActivityColumns
			: K extends 'stageEvents'
				? Records[K] | StageEventColumns
				: Records[K];
	};
}

function isColumns(v: unknown): v is { count: number } {
	return !Array.isArray(v) && typeof v === 'object' && v !== null && 'count' in v;
}

/** The shared file as chunks of text; `chunks.join('')` is serializeSharedFile's text. */
export function sharedFileChunks(src: SharedFileSource): string[] {
	const w = new ChunkWriter();
	w.write('{\n');
	w.write(`\t"format": "tragt",\n`);
	w.write(`\t"version": ${JSON.stringify(src.version)},\n`);
	w.write(`\t"exportedAt": ${JSON.stringify(src.exportedAt)},\n`);
	const ws = src.workspace;
	w.write(
		`\t"workspace": ${JSON.stringify({ name: ws.name, currency: ws.currency, timeZone: ws.timeZone })}`
	);
	for (const list of RECORD_LIST_NAMES) {
		const value = src.lists[list] ?? [];
		const count = isColumns(value) ? value.count : value.length;
		if (count === 0) {
			w.write(`,\n\t"${list}": []`);
			continue;
		}
		w.write(`,\n\t"${list}": [\n`);
		if (isColumns(value)) {
			if (list === 'activities') writeActivities(w, value as ActivityColumns);
			else writeStageEvents(w, value as StageEventColumns);
		} else {
			const rows = value as unknown as Record<string, unknown>[];
			const cols = RECORD_COLUMNS[list];
			for (let i = 0; i < rows.length; i++)
				w.write((i === 0 ? '\t\t' : ',\n\t\t') + recordJson(rows[i], cols));
		}
		w.write('\n\t]');
	}
	w.write('\n}\n');
	return w.end();
}

/** The chunks of a whole file held as records. */
export function sharedFileChunksOf(file: SharedFile): string[] {
	const lists = {} as SharedFileSource['lists'];
	for (const l of RECORD_LIST_NAMES) (lists as Record<string, unknown>)[l] = file[l];
	return sharedFileChunks({
		version: file.version,
		exportedAt: file.exportedAt,
		workspace: file.workspace,
		lists
	});
}
