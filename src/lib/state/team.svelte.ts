// Team sharing without the chores: "my file" sent through the share sheet (or downloaded), and a
// team folder that a sync client keeps in step (OneDrive, Dropbox, Google Drive, a network share),
// linked once through the File System Access API (Chromium): Tragt writes my file there and reads
// every teammate's, shows what each brings, and merges the ones the person accepts in one step.
// The folder's handle is kept in IndexedDB; the browser may ask again for permission to use it.
import type { TragtDatabase } from '$lib/db/database';
import type { Rep } from '$lib/domain/types';
import type { TeamFileInfo } from '$lib/io/csv-import/import-service';
import { folderFileName, isTeamFile, sendFileName, TEAM_FRESHNESS_KEY } from '$lib/io/team-files';
import type { TeamFreshness } from '$lib/io/team-files';
import { nowIso } from '$lib/domain/time';
import { saveFiles, type ImportWorker } from './import.svelte';

/** The settings row that keeps the linked folder's handle (this device only). */
export const TEAM_FOLDER_KEY = 'team-folder';

type Permission = 'granted' | 'prompt' | 'denied';

/** The parts of the File System Access API used here (Chromium; typed loosely on purpose). */
interface FolderHandle {
	readonly name: string;
	readonly kind: 'directory';
	values(): AsyncIterable<{ kind: 'file' | 'directory'; name: string }>;
	getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
	queryPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
	requestPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
}
interface FileHandle {
	getFile(): Promise<File>;
	createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}

type PickFolder = (options: { id: string; mode: 'readwrite' }) => Promise<FolderHandle>;

function picker(): PickFolder | undefined {
	const w = globalThis as unknown as { showDirectoryPicker?: PickFolder };
	return typeof w.showDirectoryPicker === 'function' ? w.showDirectoryPicker.bind(w) : undefined;
}

/** Who "me" is for the file names: my rep's name, else the workspace's. */
export function myName(reps: readonly Rep[], meRepId: string | undefined, fallback: string) {
	return reps.find((r) => r.id === meRepId)?.name ?? fallback;
}

/** Exports my data (my records, all of them) as the shared file. */
async function myFile(worker: ImportWorker, dbName: string, meRepId: string | undefined) {
	return (await worker.service.exportShared(dbName, meRepId ? { repIds: [meRepId] } : {})).blob;
}

/** Sends my file through the system share sheet where files can be shared, else downloads it. */
export async function sendToTeam(
	worker: ImportWorker,
	dbName: string,
	me: { id: string | undefined; name: string }
): Promise<{ how: 'shared' | 'downloaded'; name: string }> {
	const blob = await myFile(worker, dbName, me.id);
	const name = sendFileName(me.name, nowIso());
	const how = await saveFiles([{ blob, name }], { share: 'always' });
	return { how, name };
}

export interface FolderEntry extends TeamFileInfo {
	/** Added, changed or deleted records merging it would bring. */
	changes: number;
	chosen: boolean;
}

/** Where the linked folder's handle is kept. */
export interface HandleStore {
	get(): Promise<FolderHandle | undefined>;
	set(handle: FolderHandle): Promise<void>;
	delete(): Promise<void>;
}

/** The handle in IndexedDB (browsers clone folder handles into it; they stay on this device). */
export function settingsHandleStore(db: () => TragtDatabase): HandleStore {
	return {
		get: async () => (await db().settings.get(TEAM_FOLDER_KEY))?.value as FolderHandle | undefined,
		set: async (handle) => void (await db().settings.put({ key: TEAM_FOLDER_KEY, value: handle })),
		delete: () => db().settings.delete(TEAM_FOLDER_KEY)
	};
}

export class TeamFolder {
	/** This browser can link a folder (Chromium's File System Access API). */
	readonly supported = picker() !== undefined;
	handle = $state.raw<FolderHandle | null>(null);
	permission = $state<Permission | null>(null);
	busy = $state(false);
	error = $state<string | null>(null);
	entries = $state<FolderEntry[]>([]);
	/** When the folder was last read, and what the last merge brought. */
	readAt = $state<string | null>(null);
	merged = $state<{ files: number; rows: number } | null>(null);

	// Getters: the component's props may change after it creates this.
	constructor(
		private readonly handles: HandleStore,
		private readonly worker: () => ImportWorker,
		private readonly dbName: () => string
	) {}

	/** The folder linked earlier on this device, and whether it may be used without asking. */
	async load(): Promise<void> {
		if (!this.supported) return;
		const handle = (await this.handles.get()) ?? null;
		this.handle = handle;
		this.permission = handle
			? ((await handle.queryPermission?.({ mode: 'readwrite' })) ?? 'granted')
			: null;
	}

	async link(): Promise<void> {
		const pick = picker();
		if (!pick) return;
		await this.#guard(async () => {
			const handle = await pick({ id: 'tragt-team', mode: 'readwrite' });
			await this.handles.set(handle);
			this.handle = handle;
			this.permission = 'granted';
			this.entries = [];
			this.merged = null;
		});
	}

	async unlink(): Promise<void> {
		await this.handles.delete();
		this.handle = null;
		this.permission = null;
		this.entries = [];
	}

	/** Asks the browser again for the folder (it forgets the permission between visits). */
	async allow(): Promise<boolean> {
		const h = this.handle;
		if (!h) return false;
		this.permission = (await h.requestPermission?.({ mode: 'readwrite' })) ?? 'granted';
		return this.permission === 'granted';
	}

	/** Writes my file into the folder (one per rep, written over each time). */
	async writeMine(me: { id: string | undefined; name: string }): Promise<string | undefined> {
		const h = this.handle;
		if (!h) return undefined;
		return this.#guard(async () => {
			const blob = await myFile(this.worker(), this.dbName(), me.id);
			const name = folderFileName(me.name);
			const file = await h.getFileHandle(name, { create: true });
			const out = await file.createWritable();
			await out.write(blob);
			await out.close();
			return name;
		});
	}

	/** Reads every teammate's file in the folder (mine left out) and what each would bring. */
	async read(me: { name: string }): Promise<void> {
		const h = this.handle;
		if (!h) return;
		await this.#guard(async () => {
			const mine = folderFileName(me.name);
			const files: { name: string; blob: Blob }[] = [];
			for await (const entry of h.values()) {
				if (entry.kind !== 'file' || !isTeamFile(entry.name) || entry.name === mine) continue;
				const file = await (await h.getFileHandle(entry.name)).getFile();
				files.push({ name: entry.name, blob: file });
			}
			files.sort((a, b) => a.name.localeCompare(b.name));
			const infos = await this.worker().service.readTeamFiles(files, this.dbName());
			this.entries = infos.map((info) => {
				const changes = info.counts
					? Object.values(info.counts).reduce((n, c) => n + c.added + c.updated + c.deleted, 0)
					: 0;
				return { ...info, changes, chosen: info.ok && changes > 0 };
			});
			this.readAt = nowIso();
			this.merged = null;
		});
	}

	/** Merges the chosen files in one step (one transaction). */
	async mergeChosen(): Promise<void> {
		const names = this.entries.filter((e) => e.ok && e.chosen).map((e) => e.fileName);
		if (!names.length) return;
		await this.#guard(async () => {
			const { rows } = await this.worker().service.mergeTeamFiles(this.dbName(), names);
			this.merged = { files: names.length, rows };
			this.entries = this.entries.filter((e) => !names.includes(e.fileName));
		});
	}

	async #guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
		this.busy = true;
		this.error = null;
		try {
			return await fn();
		} catch (e) {
			// Closing the folder picker is a choice, not an error.
			if (e instanceof DOMException && e.name === 'AbortError') return undefined;
			this.error = e instanceof Error ? e.message : String(e);
			return undefined;
		} finally {
			this.busy = false;
		}
	}
}

/** The team's freshness as kept by the merges (db/merge-write.ts). */
export async function readFreshness(db: TragtDatabase): Promise<TeamFreshness> {
	return ((await db.settings.get(TEAM_FRESHNESS_KEY))?.value as TeamFreshness | undefined) ?? {};
}
