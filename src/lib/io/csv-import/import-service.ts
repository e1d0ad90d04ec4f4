// The import worker's work, as a class that Node tests can drive over fake-indexeddb: read a
// CSV (decode, parse in chunks with progress, detect), convert it with a mapping (the whole file
// checked, nothing written), and write the result in one transaction. The same for a shared
// file: parse and check it, show what the merge will do, and write only the records that win.
//
// It keeps the last table and the last conversion between calls, so the large data never
// crosses postMessage: only summaries, previews and problems do.
import type { TragtDatabase } from '../../db/database';
import { writeMerge } from '../../db/merge-write';
import { openDatabase } from '../../db/database';
import {
	abortTransactionsInFlight,
	closeTransactions,
	reopenTransactions
} from '../../db/transaction-guard';
import {
	getWorkspaceSettings,
	readAllRecords,
	readEntityRows,
	readLogColumns
} from '../../db/repositories';
import type { RecordBase, RecordListName, Records, SharedFile } from '../../domain/types';
import { RECORD_LIST_NAMES, SHARED_FILE_VERSION, emptyRecords } from '../../domain/types';
import { nowIso } from '../../domain/time';
import { compareVersions, mergeSharedFiles } from '../merge';
import { newestChange, repsOf, type MergedFile } from '../team-files';
import { planMerge, type HeldRecords } from '../merge-plan';
import { parseCsvTable, recordsToCsvTables } from '../csv-export';
import { RECORD_FIELDS } from '../schema';
import { filterRecords, type RecordFilter } from '../filter';
import { checkFileSize, parseSharedFile } from '../shared-file';
import { sharedFileBytes, sharedFileBytesAsync } from '../shared-file-bytes';
import { readLogBlockBatches } from '../log-blocks';
import { convertTable, type ImportContext, type ImportSettings } from './convert';
import { decodeBytes, type Encoding } from './detect';
import { parseTable, summarize, tableFromRows, type ParsedTable } from './table';
import { pickSheet, readWorkbook, sheetList, type Workbook } from './workbook';
import type {
	ConvertInfo,
	ExportInfo,
	Progress,
	ReadCsvOptions,
	ReadInfo,
	SharedInfo,
	TeamFileInfo
} from './import-info';

// The answers' shapes stay importable from here.
export type {
	ConvertInfo,
	ExportInfo,
	Progress,
	ReadCsvOptions,
	ReadInfo,
	SharedInfo,
	TeamFileInfo
} from './import-info';

const SAMPLE_ROWS = 20;
const PREVIEW_ROWS = 10;

async function bytesOf(input: Blob | Uint8Array | ArrayBuffer): Promise<Uint8Array> {
	// Duck-typed: a test's Uint8Array may come from another realm than the global one.
	if (ArrayBuffer.isView(input))
		return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
	if ('arrayBuffer' in input && typeof input.arrayBuffer === 'function')
		return new Uint8Array(await input.arrayBuffer());
	return new Uint8Array(input as ArrayBuffer);
}

export class ImportService {
	#dbs = new Map<string, TragtDatabase>();
	#text: string | undefined;
	#table: ParsedTable | undefined;
	#workbook: Workbook | undefined;
	#records: Records | undefined;
	#incoming: Records | undefined;
	/** The shared file read last: what the team's freshness needs of it. */
	#incomingFile: MergedFile | undefined;
	/** A team folder's files read last, by name (those that parsed). */
	#team = new Map<string, { file: SharedFile; merged: MergedFile }>();

	constructor(private readonly openDb: (name: string) => TragtDatabase = openDatabase) {}

	/** The page is about to be left: abort this worker's transactions in flight. */
	abortTransactions(): number {
		return abortTransactionsInFlight();
	}

	/** The page is going away: abort this worker's transactions (db/transaction-guard.ts). */
	closeTransactions(): number {
		return closeTransactions();
	}

	/** The page is back from the back/forward cache: transactions run again. */
	reopenTransactions(): void {
		reopenTransactions();
	}

	db(name: string): TragtDatabase {
		let db = this.#dbs.get(name);
		if (!db) {
			db = this.openDb(name);
			this.#dbs.set(name, db);
			// A newer tab upgrading the schema must not be blocked by this connection.
			db.on('versionchange', () => {
				db?.close();
				this.#dbs.delete(name);
			});
		}
		return db;
	}

	/** Reads a CSV file or pasted text; `options` override what detection would choose. */
	async readCsv(
		input: Blob | Uint8Array | ArrayBuffer | string,
		fileName: string,
		options: ReadCsvOptions = {},
		progress?: Progress
	): Promise<ReadInfo> {
		this.#records = undefined;
		this.#workbook = undefined;
		let encoding: Encoding = 'utf-8';
		let bom = false;
		if (typeof input === 'string') {
			this.#text = input;
			bom = input.charCodeAt(0) === 0xfeff;
		} else {
			progress?.('read', 0);
			const decoded = decodeBytes(await bytesOf(input), options.encoding);
			this.#text = decoded.text;
			encoding = decoded.encoding;
			bom = decoded.bom;
		}
		const table = parseTable(this.#text, options, (f) => progress?.('parse', f));
		this.#table = table;
		const summary = summarize(table);
		return {
			fileName,
			encoding,
			bom,
			delimiter: table.delimiter,
			hasHeader: table.hasHeader,
			headers: table.headers,
			sample: table.rows.slice(0, SAMPLE_ROWS),
			rowCount: table.rows.length,
			summary,
			csvErrors: table.csvErrors.slice(0, 100),
			tragtList: tragtListOf(table.headers)
		};
	}

	/**
	 * Reads an Excel workbook (.xlsx): every sheet once, then the chosen one (by default the first
	 * with rows) as a table, detected like a CSV. A later call with only `sheet` re-reads from the
	 * workbook already read.
	 */
	async readWorkbook(
		input: Blob | Uint8Array | ArrayBuffer | undefined,
		fileName: string,
		options: { sheet?: string; hasHeader?: boolean } = {},
		progress?: Progress
	): Promise<ReadInfo> {
		this.#records = undefined;
		this.#text = undefined;
		if (input !== undefined) {
			progress?.('read', 0);
			this.#workbook = await readWorkbook(input);
		}
		if (!this.#workbook) throw new Error('No workbook read yet');
		const sheet = pickSheet(this.#workbook, options.sheet);
		progress?.('parse', 0);
		const table: ParsedTable = {
			...tableFromRows(sheet.data, options),
			delimiter: ',',
			csvErrors: []
		};
		this.#table = table;
		const summary = summarize(table);
		return {
			fileName,
			encoding: 'utf-8',
			bom: false,
			delimiter: ',',
			hasHeader: table.hasHeader,
			headers: table.headers,
			sample: table.rows.slice(0, SAMPLE_ROWS),
			rowCount: table.rows.length,
			summary,
			csvErrors: [],
			workbook: { sheets: sheetList(this.#workbook), sheet: sheet.name }
		};
	}

	/** The import context from the database: its zone, reps, stages, campaigns and "me". */
	async context(dbName: string, now = nowIso()): Promise<ImportContext> {
		const db = this.db(dbName);
		const [ws, rows] = await Promise.all([getWorkspaceSettings(db), readEntityRows(db)]);
		return {
			timeZone: ws?.timeZone || 'UTC',
			now,
			stages: rows.stages,
			reps: rows.reps,
			campaigns: rows.campaigns,
			meRepId: ws?.meRepId || undefined
		};
	}

	/** What the database holds, as a merge compares it: entity rows and the logs' columns. */
	async held(dbName: string): Promise<{ held: HeldRecords; timeZone: string }> {
		const db = this.db(dbName);
		const [ws, entities, logs] = await Promise.all([
			getWorkspaceSettings(db),
			readEntityRows(db),
			readLogColumns(db)
		]);
		return { held: { ...entities, ...logs }, timeZone: ws?.timeZone || 'UTC' };
	}

	/** Converts and checks the whole table read last; writes nothing. */
	async convert(
		settings: ImportSettings,
		dbName: string,
		progress?: Progress
	): Promise<ConvertInfo> {
		if (!this.#table) throw new Error('No file read yet');
		progress?.('check', 0);
		const ctx = await this.context(dbName);
		const r = convertTable(this.#table, settings, ctx);
		progress?.('check', 1);
		const ok = r.problemCount === 0 && this.#table.csvErrors.length === 0;
		const problems = [
			...this.#table.csvErrors.map((e) => ({
				row: e.row,
				column: '',
				value: '',
				message: e.message
			})),
			...r.problems
		];
		this.#records = ok ? r.records : undefined;
		const counts: Partial<Record<RecordListName, number>> = {};
		const preview: Partial<Records> = {};
		for (const list of RECORD_LIST_NAMES) {
			if (!r.records[list].length) continue;
			counts[list] = r.records[list].length;
			(preview as Record<string, unknown>)[list] = r.records[list].slice(0, PREVIEW_ROWS);
		}
		return {
			ok,
			problems,
			problemCount: r.problemCount + this.#table.csvErrors.length,
			rows: r.rows,
			counts,
			newReps: r.records.reps.map((x) => x.name),
			newCampaigns: r.records.campaigns
				.filter(() => settings.kind !== 'campaigns')
				.map((x) => x.name),
			preview
		};
	}

	/**
	 * Reads the file as one of Tragt's own CSV tables (exported by exportCsv): every column
	 * typed by the list's schema and checked like the shared file. On writing, a record only
	 * replaces the stored one if it is newer (the merge rule of the shared file).
	 */
	async convertTragtTable(list: RecordListName, dbName: string): Promise<ConvertInfo> {
		if (this.#text === undefined) throw new Error('No file read yet');
		const parsed = parseCsvTable(list, this.#text);
		if (!parsed.ok) {
			this.#records = undefined;
			const problems = parsed.problems.map((p) => ({
				row: p.index === undefined ? 1 : p.index + 2,
				column: p.field ?? '',
				value: '',
				message: p.message
			}));
			return {
				ok: false,
				problems,
				problemCount: problems.length,
				rows: this.#table?.rows.length ?? 0,
				counts: {},
				newReps: [],
				newCampaigns: [],
				preview: {}
			};
		}
		const incoming = emptyRecords();
		(incoming as unknown as Record<string, unknown[]>)[list] = parsed.records;
		const { held, timeZone } = await this.held(dbName);
		this.#records = planMerge(held, incoming, timeZone).writes;
		return {
			ok: true,
			problems: [],
			problemCount: 0,
			rows: parsed.records.length,
			counts: { [list]: parsed.records.length },
			newReps: [],
			newCampaigns: [],
			preview: { [list]: parsed.records.slice(0, PREVIEW_ROWS) }
		};
	}

	/** The problem list of the last conversion is what the page downloads; this writes. */
	async writeConverted(dbName: string, progress?: Progress): Promise<{ rows: number }> {
		const records = this.#records;
		if (!records) throw new Error('Nothing checked to write');
		progress?.('write', 0);
		await writeMerge(this.db(dbName), records);
		progress?.('write', 1);
		this.#records = undefined;
		return { rows: RECORD_LIST_NAMES.reduce((n, l) => n + records[l].length, 0) };
	}

	/** Parses and checks a shared file, and counts what merging it would do. */
	async readShared(
		input: Blob | Uint8Array | string,
		fileName: string,
		dbName: string
	): Promise<SharedInfo> {
		this.#incoming = undefined;
		// Duck-typed (as in bytesOf): a test's Uint8Array may come from another realm.
		const isBytes = typeof input !== 'string' && ArrayBuffer.isView(input);
		const size =
			typeof input === 'string'
				? input.length
				: isBytes
					? (input as Uint8Array).length
					: (input as Blob).size;
		const tooBig = checkFileSize(size, fileName);
		if (tooBig) return { ok: false, problems: [tooBig], warnings: [], fileName, reps: [] };
		// Ask IndexedDB for the held data first: the database reads it while this thread decodes
		// and parses the file (a refused file just drops the answer).
		const heldRead = this.held(dbName);
		heldRead.catch(() => undefined);
		// A Blob decodes itself (UTF-8, BOM dropped, bad bytes replaced: decodeBytes' answer for
		// 'utf-8') without a 250 MB copy of its bytes in this heap first.
		const text =
			typeof input === 'string'
				? input
				: isBytes
					? decodeBytes(await bytesOf(input), 'utf-8').text
					: await (input as Blob).text();
		// Bytes were measured above: the parser need not count them again (a string's code units
		// may be fewer than its bytes, so text is still counted there).
		const parsed = parseSharedFile(
			text,
			fileName,
			typeof input === 'string' ? {} : { maxBytes: Infinity }
		);
		if (!parsed.ok)
			return { ok: false, problems: parsed.problems, warnings: [], fileName, reps: [] };
		const file: SharedFile = parsed.file;
		const { held, timeZone } = await heldRead;
		const plan = planMerge(held, file, timeZone, { uniqueIds: true });
		this.#incoming = plan.writes;
		this.#incomingFile = { exportedAt: file.exportedAt, fileName, repIds: repsOf(file) };
		return {
			ok: true,
			problems: [],
			warnings: parsed.warnings,
			fileName,
			version: file.version,
			workspace: file.workspace,
			exportedAt: file.exportedAt,
			reps: file.reps.filter((r) => !r.deletedAt).map((r) => ({ id: r.id, name: r.name })),
			counts: plan.counts
		};
	}

	/** Writes the records of the last shared file that win the merge, in one transaction. */
	async writeShared(dbName: string): Promise<{ rows: number }> {
		const incoming = this.#incoming;
		if (!incoming) throw new Error('No shared file read yet');
		const merged = this.#incomingFile ? [this.#incomingFile] : [];
		await writeMerge(this.db(dbName), incoming, { merged, mergedAt: nowIso() });
		this.#incoming = undefined;
		this.#incomingFile = undefined;
		return { rows: RECORD_LIST_NAMES.reduce((n, l) => n + incoming[l].length, 0) };
	}

	/**
	 * Reads a team folder's files: each parsed and checked on its own, with what merging it alone
	 * would add, change and delete, its export time and its newest change. A file that does not
	 * parse is listed with its problems and kept out of any merge.
	 */
	async readTeamFiles(
		files: readonly { name: string; blob: Blob }[],
		dbName: string
	): Promise<TeamFileInfo[]> {
		this.#team.clear();
		const { held, timeZone } = await this.held(dbName);
		const out: TeamFileInfo[] = [];
		for (const { name, blob } of files) {
			const tooBig = checkFileSize(blob.size, name);
			if (tooBig) {
				out.push({ fileName: name, ok: false, problems: [tooBig], reps: [] });
				continue;
			}
			const parsed = parseSharedFile(await blob.text(), name, { maxBytes: Infinity });
			if (!parsed.ok) {
				out.push({ fileName: name, ok: false, problems: parsed.problems.slice(0, 5), reps: [] });
				continue;
			}
			const file = parsed.file;
			const plan = planMerge(held, file, timeZone, { uniqueIds: true });
			this.#team.set(name, {
				file,
				merged: { exportedAt: file.exportedAt, fileName: name, repIds: repsOf(file) }
			});
			out.push({
				fileName: name,
				ok: true,
				problems: [],
				exportedAt: file.exportedAt,
				newestChange: newestChange(file),
				reps: file.reps.filter((r) => !r.deletedAt).map((r) => ({ id: r.id, name: r.name })),
				counts: plan.counts
			});
		}
		return out;
	}

	/**
	 * Merges the chosen files of the team folder read last, in one transaction: the files merged
	 * together first (the shared file's rule, so their order never matters), then into the data.
	 */
	async mergeTeamFiles(dbName: string, names: readonly string[]): Promise<{ rows: number }> {
		const chosen = names.map((n) => this.#team.get(n)).filter((f) => f !== undefined);
		if (chosen.length === 0) return { rows: 0 };
		const combined = mergeSharedFiles(chosen.map((c) => c.file));
		const { held, timeZone } = await this.held(dbName);
		const plan = planMerge(held, combined, timeZone, { uniqueIds: true });
		await writeMerge(this.db(dbName), plan.writes, {
			merged: chosen.map((c) => c.merged),
			mergedAt: nowIso()
		});
		for (const n of names) this.#team.delete(n);
		return { rows: RECORD_LIST_NAMES.reduce((n, l) => n + plan.writes[l].length, 0) };
	}

	/**
	 * The shared file of the workspace (or of some reps and/or a period) as a Blob made here:
	 * reading, serializing and encoding a large workspace never block the page, and only the
	 * Blob (a handle, not a copy of its bytes) crosses to the page. The whole workspace is written
	 * from the logs' stored columns, without turning them into records first.
	 */
	async exportShared(
		dbName: string,
		filter: RecordFilter = {},
		now = nowIso()
	): Promise<ExportInfo> {
		const db = this.db(dbName);
		const ws = await getWorkspaceSettings(db);
		const timeZone = ws?.timeZone || 'UTC';
		const workspace = { name: ws?.name ?? '', currency: ws?.currency ?? 'EUR', timeZone };
		// Each filled 1 MB buffer becomes a small Blob at once (a copy the browser keeps outside
		// this heap) and the buffer is reused, so the 250 MB of an L file never sit in this heap.
		const blobs: Blob[] = [];
		const sink = (bytes: Uint8Array) => blobs.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
		const head = { version: SHARED_FILE_VERSION, exportedAt: now, workspace };
		let counts: Record<RecordListName, number>;
		if (isEmptyFilter(filter)) {
			// Everything is asked for at once; the file is written list by list as it arrives,
			// the logs straight from their stored blocks.
			const entities = readEntityRows(db);
			entities.catch(() => undefined);
			const logs = readLogBlockBatches(db);
			const list = <K extends keyof Awaited<typeof entities>>(k: K) => entities.then((e) => e[k]);
			counts = await sharedFileBytesAsync(
				{
					...head,
					lists: {
						reps: list('reps'),
						stages: list('stages'),
						campaigns: list('campaigns'),
						leads: list('leads'),
						stageEvents: { batches: logs.stageEvents },
						activities: { batches: logs.activities },
						customers: list('customers'),
						forecasts: list('forecasts'),
						targets: list('targets')
					}
				},
				sink
			);
			await logs.done;
		} else {
			const filtered = filterRecords(await readAllRecords(db), filter, timeZone);
			sharedFileBytes({ ...head, lists: filtered }, sink);
			counts = countsOf(filtered);
		}
		return { blob: new Blob(blobs, { type: 'application/json' }), workspace, counts };
	}

	/** One CSV per record list (formula-escaped, with a BOM for spreadsheets). */
	async exportCsv(
		dbName: string,
		filter: RecordFilter = {}
	): Promise<Record<RecordListName, string>> {
		const db = this.db(dbName);
		const [ws, all] = await Promise.all([getWorkspaceSettings(db), readAllRecords(db)]);
		const filtered = isEmptyFilter(filter)
			? all
			: filterRecords(all, filter, ws?.timeZone || 'UTC');
		return recordsToCsvTables(filtered);
	}

	close(): void {
		for (const db of this.#dbs.values()) db.close();
		this.#dbs.clear();
	}
}

/** The record list whose exported CSV has exactly these columns (in any order), if any. */
export function tragtListOf(headers: readonly string[]): RecordListName | undefined {
	const have = new Set(headers);
	if (!have.has('id') || !have.has('updatedAt')) return undefined;
	return RECORD_LIST_NAMES.find((l) => {
		const names = RECORD_FIELDS[l].map((f) => f.name);
		return names.length === have.size && names.every((n) => have.has(n));
	});
}

function isEmptyFilter(f: RecordFilter): boolean {
	return !f.repIds && f.from === undefined && f.to === undefined;
}

function countsOf(r: Records): Record<RecordListName, number> {
	const out = {} as Record<RecordListName, number>;
	for (const l of RECORD_LIST_NAMES) out[l] = r[l].length;
	return out;
}

/** The incoming records that win over what is held (the merge's writes, nothing else). */
export function winningRecords(current: Records, incoming: Records): Records {
	const out = emptyRecords();
	for (const list of RECORD_LIST_NAMES) {
		const held = new Map<string, RecordBase>();
		for (const r of current[list] as RecordBase[]) held.set(r.id, r);
		const wins = new Map<string, RecordBase>();
		for (const r of incoming[list] as RecordBase[]) {
			const best = wins.get(r.id) ?? held.get(r.id);
			if (best === undefined || compareVersions(r, best) > 0) wins.set(r.id, r);
		}
		(out as unknown as Record<string, RecordBase[]>)[list] = [...wins.values()];
	}
	return out;
}
