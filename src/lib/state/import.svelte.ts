// The import/export page's state: the CSV wizard's steps and choices, the shared-file import,
// and the worker that does the heavy work. Cancel terminates the worker: a write in progress is
// one IndexedDB transaction, which the browser aborts when its context goes away, so nothing
// of a cancelled import is stored.
import * as Comlink from 'comlink';
import { errorText } from '$lib/db/storage-errors';
import { onPageGone } from '$lib/db/transaction-guard';
import type { ActivityType, Origin, RecordListName, Stage } from '$lib/domain/types';
import {
	BUILT_IN_PRESETS,
	guessStage,
	looksLikeWorkbook,
	IMPORT_KINDS,
	mappedColumns,
	valueIn,
	loadUserPresets,
	matchingPresets,
	presetMappingFor,
	problemsToCsv,
	saveUserPreset,
	deleteUserPreset,
	suggestMapping,
	type ColumnMapping,
	type DateOrder,
	type Delimiter,
	type Encoding,
	type ImportKind,
	type ImportPreset,
	type ImportSettings
} from '$lib/io/csv-import';
import type {
	ConvertInfo,
	ImportService,
	Progress,
	ReadInfo,
	SharedInfo
} from '$lib/io/csv-import/import-service';
import type { RecordFilter } from '$lib/io/filter';

export type WizardStep = 'source' | 'map' | 'check' | 'writing' | 'done';
export type Phase = Parameters<Progress>[0];

/** A worker running ImportService, started lazily, replaced after a cancel. */
export class ImportWorker {
	#worker: Worker | null = null;
	#remote: Comlink.Remote<ImportService> | null = null;
	#forget: (() => void) | null = null;

	get service(): Comlink.Remote<ImportService> {
		if (!this.#remote) {
			// Vite bundles a worker only from this literal `new URL(..., import.meta.url)` form.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			this.#worker = new Worker(new URL('../workers/csv-import.worker.ts', import.meta.url), {
				type: 'module',
				name: 'csv-import'
			});
			const remote = (this.#remote = Comlink.wrap<ImportService>(this.#worker));
			this.#forget = onPageGone({
				abort: () => void remote.abortTransactions(),
				close: () => void remote.closeTransactions(),
				reopen: () => void remote.reopenTransactions()
			});
		}
		return this.#remote;
	}

	/** Stops whatever the worker is doing (an unfinished transaction is aborted). */
	terminate(): void {
		this.#forget?.();
		this.#forget = null;
		this.#worker?.terminate();
		this.#worker = null;
		this.#remote = null;
	}
}

function storage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

/** Saves a Blob as a file: through the share sheet on phones that can, else a download. */
export async function saveFile(blob: Blob, fileName: string): Promise<'shared' | 'downloaded'> {
	return saveFiles([{ blob, name: fileName }]);
}

/**
 * Saves several files: on a phone whose browser can share files (or, with `share: 'always'`,
 * on any device that can), all in one share sheet; otherwise each one downloads.
 */
export async function saveFiles(
	files: readonly { blob: Blob; name: string }[],
	options: { share?: 'phones' | 'always' } = {}
): Promise<'shared' | 'downloaded'> {
	const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
	const wantShare = options.share === 'always' || coarse;
	if (wantShare && typeof File !== 'undefined' && typeof navigator !== 'undefined') {
		const list = files.map(
			(f) => new File([f.blob], f.name, { type: f.blob.type || 'application/json' })
		);
		if (navigator.canShare?.({ files: list })) {
			try {
				await navigator.share({ files: list, title: files[0]?.name });
				return 'shared';
			} catch (e) {
				// The person closed the share sheet: that is a choice, not a reason to download.
				if (e instanceof DOMException && e.name === 'AbortError') return 'shared';
			}
		}
	}
	for (const f of files) {
		const url = URL.createObjectURL(f.blob);
		const a = document.createElement('a');
		a.href = url;
		a.download = f.name;
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
	return 'downloaded';
}

export class ImportWizard {
	step = $state<WizardStep>('source');
	busy = $state(false);
	error = $state<string | null>(null);
	progress = $state<{ phase: Phase; fraction: number } | null>(null);

	source = $state.raw<File | string | null>(null);
	fileName = $state('');
	read = $state.raw<ReadInfo | null>(null);

	encoding = $state<Encoding | undefined>(undefined);
	delimiter = $state<Delimiter | undefined>(undefined);
	hasHeader = $state<boolean | undefined>(undefined);
	dateOrder = $state<DateOrder>('ymd');
	decimalComma = $state(false);

	/** The file is an Excel workbook (.xlsx), and the sheet read from it. */
	isWorkbook = $state(false);
	sheet = $state<string | undefined>(undefined);

	kind = $state<ImportKind>('leads');
	mapping = $state<ColumnMapping>({});
	stageMap = $state<Record<string, string>>({});
	repMap = $state<Record<string, string>>({});
	campaignMap = $state<Record<string, string>>({});
	typeMap = $state<Record<string, ActivityType>>({});
	closedFromStageId = $state<string | undefined>(undefined);
	defaultOrigin = $state<Origin | undefined>(undefined);
	presetId = $state<string>('');
	userPresets = $state.raw<ImportPreset[]>(loadUserPresets(storage()));

	result = $state.raw<ConvertInfo | null>(null);
	written = $state(0);
	/** Runs after the records are stored (the page forgets the undo history then). */
	onwritten: (() => unknown) | undefined;

	readonly kinds = IMPORT_KINDS;

	constructor(
		private readonly worker: ImportWorker,
		private readonly dbName: string
	) {}

	get presets(): ImportPreset[] {
		return [...BUILT_IN_PRESETS, ...this.userPresets];
	}

	/**
	 * Distinct values of the column(s) mapped to `field` with their row counts (for value
	 * mapping; several columns: their values together).
	 */
	valuesOf(field: string): { value: string; count: number }[] {
		const headers = mappedColumns(this.mapping, field);
		if (!headers.length || !this.read) return [];
		// A plain map: built and read within this call, never kept as state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const counts = new Map<string, number>();
		for (const h of headers) {
			const col = this.read.summary.columns.find((c) => c.header === h);
			for (const v of col?.values ?? []) counts.set(v.value, (counts.get(v.value) ?? 0) + v.count);
		}
		return [...counts].map(([value, count]) => ({ value, count }));
	}

	/**
	 * Stage values of the file that neither the preset, the person nor a known name maps: each
	 * with its guessed stage and row count. They must be confirmed before the file is checked.
	 */
	unconfirmedGuesses(
		stages: readonly Stage[]
	): { value: string; count: number; stageId: string }[] {
		if (this.kind !== 'leads') return [];
		const out: { value: string; count: number; stageId: string }[] = [];
		for (const { value, count } of this.valuesOf('stage')) {
			if (valueIn(this.stageMap, value)) continue;
			const g = guessStage(value, stages);
			if (g?.certainty === 'guess') out.push({ value, count, stageId: g.stageId });
		}
		return out;
	}

	/** Stage values whose guess the person confirmed (still shown as guesses). */
	confirmedGuesses = $state<string[]>([]);

	/** The person confirms the guessed stages as shown: they become this import's mapping. */
	confirmGuesses(stages: readonly Stage[]): void {
		const open = this.unconfirmedGuesses(stages);
		for (const g of open) this.stageMap[g.value] = g.stageId;
		this.confirmedGuesses = [...this.confirmedGuesses, ...open.map((g) => g.value)];
		this.result = null;
	}

	/** Takes the confirmation back: the guesses must be looked at again. */
	unconfirmGuesses(): void {
		for (const v of this.confirmedGuesses) delete this.stageMap[v];
		this.confirmedGuesses = [];
		this.result = null;
	}

	settings(): ImportSettings {
		return {
			kind: this.kind,
			dateOrder: this.dateOrder,
			decimalComma: this.decimalComma,
			mapping: $state.snapshot(this.mapping),
			stageMap: $state.snapshot(this.stageMap),
			repMap: $state.snapshot(this.repMap),
			campaignMap: $state.snapshot(this.campaignMap),
			typeMap: $state.snapshot(this.typeMap),
			closedFromStageId: this.closedFromStageId,
			defaultOrigin: this.defaultOrigin,
			excelDates: !!this.read?.workbook
		};
	}

	#progress = Comlink.proxy((phase: Phase, fraction: number) => {
		this.progress = { phase, fraction };
	});

	async #guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
		this.busy = true;
		this.error = null;
		try {
			return await fn();
		} catch (e) {
			this.error = errorText(e);
			return undefined;
		} finally {
			this.busy = false;
			this.progress = null;
		}
	}

	/** A file (picked or dropped) or pasted text: read it with detection, suggest a mapping. */
	async load(source: File | string, fileName: string): Promise<void> {
		this.source = source;
		this.fileName = fileName;
		this.encoding = undefined;
		this.delimiter = undefined;
		this.hasHeader = undefined;
		this.sheet = undefined;
		this.isWorkbook =
			typeof source !== 'string' &&
			looksLikeWorkbook(fileName, new Uint8Array(await source.slice(0, 4).arrayBuffer()));
		await this.#read(true);
	}

	/** Reads another sheet of the workbook (the mapping is suggested again for its headers). */
	async chooseSheet(name: string): Promise<void> {
		this.sheet = name;
		await this.#read(true);
	}

	/** Reads again with the person's overrides (encoding, delimiter, header row). */
	async reread(): Promise<void> {
		await this.#read(false);
	}

	async #read(fresh: boolean): Promise<void> {
		const source = this.source;
		if (source === null) return;
		const info = await this.#guard(() =>
			this.isWorkbook && typeof source !== 'string'
				? this.worker.service.readWorkbook(
						source,
						this.fileName,
						{ sheet: this.sheet, hasHeader: this.hasHeader },
						this.#progress
					)
				: this.worker.service.readCsv(
						source,
						this.fileName,
						{ encoding: this.encoding, delimiter: this.delimiter, hasHeader: this.hasHeader },
						this.#progress
					)
		);
		if (!info) return;
		this.read = info;
		this.sheet = info.workbook?.sheet;
		this.encoding = info.encoding;
		this.delimiter = info.delimiter;
		this.hasHeader = info.hasHeader;
		this.result = null;
		if (fresh) {
			this.dateOrder = info.summary.dateOrder;
			this.decimalComma = info.summary.decimalComma;
			const preset = matchingPresets(info.headers, this.presets)[0];
			if (preset) this.applyPreset(preset.id);
			else {
				this.presetId = '';
				this.mapping = suggestMapping(info.headers, this.kind);
				this.stageMap = {};
				this.closedFromStageId = undefined;
				this.defaultOrigin = undefined;
			}
		}
		this.step = 'map';
	}

	applyPreset(id: string): void {
		const p = this.presets.find((x) => x.id === id);
		this.presetId = id;
		this.confirmedGuesses = [];
		if (!p || !this.read) return;
		this.kind = p.kind;
		this.mapping = presetMappingFor(p, this.read.headers);
		this.stageMap = { ...(p.stageMap ?? {}) };
		this.typeMap = { ...(p.typeMap ?? {}) };
		this.closedFromStageId = p.closedFromStageId;
		this.defaultOrigin = p.defaultOrigin;
		this.result = null;
	}

	setKind(kind: ImportKind): void {
		this.kind = kind;
		this.presetId = '';
		this.mapping = this.read ? suggestMapping(this.read.headers, kind) : {};
		this.result = null;
	}

	/** Saves the current mapping as a named preset (a new one, or the chosen one of mine). */
	savePreset(name: string): void {
		const store = storage();
		if (!store || !this.read) return;
		const mine = this.userPresets.find((p) => p.id === this.presetId);
		const mapping: Record<string, string | string[]> = {};
		for (const field of Object.keys(this.mapping)) {
			const cols = mappedColumns(this.mapping, field);
			if (cols.length) mapping[field] = cols.length === 1 ? cols[0] : [...cols];
		}
		const preset: ImportPreset = {
			id: mine?.id ?? 'user-' + crypto.randomUUID(),
			name,
			kind: this.kind,
			mapping,
			stageMap: $state.snapshot(this.stageMap),
			typeMap: $state.snapshot(this.typeMap),
			closedFromStageId: this.closedFromStageId,
			defaultOrigin: this.defaultOrigin,
			// Every mapped field's column must be there (for a list: any of them).
			signature: Object.values(mapping)
		};
		this.userPresets = saveUserPreset(store, preset);
		this.presetId = preset.id;
	}

	deletePreset(id: string): void {
		const store = storage();
		if (!store) return;
		this.userPresets = deleteUserPreset(store, id);
		if (this.presetId === id) this.presetId = '';
	}

	/** Converts and checks the whole file in the worker; writes nothing. */
	async check(): Promise<void> {
		const settings = this.settings();
		if (this.#stale) {
			this.#stale = false;
			await this.#read(false);
			if (this.error) return;
		}
		const tragt = this.read?.tragtList;
		const r = await this.#guard(() =>
			tragt
				? this.worker.service.convertTragtTable(tragt, this.dbName)
				: this.worker.service.convert(settings, this.dbName, this.#progress)
		);
		if (!r) return;
		this.result = r;
		this.step = 'check';
	}

	/** Writes the checked records in one transaction. */
	async write(): Promise<boolean> {
		if (!this.result?.ok) return false;
		this.step = 'writing';
		this.progress = { phase: 'write', fraction: 0 };
		const r = await this.#guard(() =>
			this.worker.service.writeConverted(this.dbName, this.#progress)
		);
		if (!r) {
			if (this.step === 'writing') this.step = 'check';
			return false;
		}
		this.written = r.rows;
		this.step = 'done';
		await this.onwritten?.();
		return true;
	}

	/** Stops a read, check or write; nothing of a cancelled write is stored. */
	cancel(): void {
		this.worker.terminate();
		this.#stale = true;
		this.busy = false;
		this.progress = null;
		// The new worker holds neither the table nor the checked records: check again.
		this.result = null;
		this.step = this.read ? 'map' : 'source';
	}

	#stale = false;

	problemsCsv(): Blob {
		return new Blob([problemsToCsv(this.result?.problems ?? [])], {
			type: 'text/csv;charset=utf-8'
		});
	}

	reset(): void {
		this.step = 'source';
		this.source = null;
		this.isWorkbook = false;
		this.sheet = undefined;
		this.read = null;
		this.result = null;
		this.error = null;
		this.fileName = '';
	}
}

export class SharedImport {
	busy = $state(false);
	info = $state.raw<SharedInfo | null>(null);
	error = $state<string | null>(null);
	merged = $state.raw<SharedInfo | null>(null);
	/** Runs after the merge is stored (the page forgets the undo history then). */
	onwritten: (() => unknown) | undefined;

	constructor(
		private readonly worker: ImportWorker,
		private readonly dbName: string
	) {}

	async read(file: File | string, fileName: string): Promise<void> {
		this.busy = true;
		this.error = null;
		this.merged = null;
		try {
			this.info = await this.worker.service.readShared(file, fileName, this.dbName);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.busy = false;
		}
	}

	async write(): Promise<boolean> {
		if (!this.info?.ok) return false;
		this.busy = true;
		try {
			await this.worker.service.writeShared(this.dbName);
			this.merged = this.info;
			this.info = null;
			await this.onwritten?.();
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		} finally {
			this.busy = false;
		}
	}

	dismiss(): void {
		this.info = null;
	}
}

export type ExportScope = RecordFilter;

export const LIST_FILE_NAMES: readonly RecordListName[] = [
	'reps',
	'stages',
	'campaigns',
	'leads',
	'stageEvents',
	'activities',
	'customers',
	'forecasts',
	'targets'
];
