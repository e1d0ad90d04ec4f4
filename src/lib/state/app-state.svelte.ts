// The app's root state: the database, the workspace settings, undo/redo and toasts. Pages and
// components read and write through this class (and the LiveQuery objects it hands out), never
// through Dexie, so the data layer can change underneath without touching the UI.
import { liveQuery } from 'dexie';
import { m } from '$lib/paraglide/messages.js';
import * as commands from '$lib/db/commands';
import { openDatabase, type TragtDatabase } from '$lib/db/database';
import { deviceDefaults, initializeWorkspace, isInitialized } from '$lib/db/first-run';
import { CommandHistory } from '$lib/db/history';
import { watchAllStalls } from '$lib/db/transaction-guard';
import * as repo from '$lib/db/repositories';
import {
	getWorkspaceSettings,
	saveWorkspaceSettings,
	type WorkspaceSettings
} from '$lib/db/settings';
import { nowIso } from '$lib/domain/time';
import type {
	Activity,
	ActivityResponse,
	ActivityType,
	Lead,
	RecordListName
} from '$lib/domain/types';
import { commandLabel } from '$lib/components/labels';
import { HistoryState } from './history.svelte';
import { LiveQuery } from './live-query.svelte';
import * as q from './queries';
import type { ActivityRow, BinEntry, LeadDetail, Lookups } from './queries';
import { ToastState } from './toasts.svelte';

export type AppStatus = 'loading' | 'first-run' | 'ready' | 'error';

export type { ActivityRow, BinEntry, LeadDetail, Lookups, Summary } from './queries';

export class AppState {
	status = $state<AppStatus>('loading');
	error = $state<string | null>(null);
	settings = $state.raw<WorkspaceSettings | undefined>(undefined);
	/** A transaction of this page or of a worker is stuck (db/transaction-guard.ts). */
	storageStalled = $state(false);
	readonly toasts = new ToastState();
	readonly history = new HistoryState();
	readonly deviceDefaults: { currency: string; timeZone: string };

	#db: TragtDatabase | undefined;
	#settingsSub: { unsubscribe(): void } | undefined;
	#commands: CommandHistory | undefined;
	readonly #dbName: string;

	constructor(options: { dbName?: string } = {}) {
		this.#dbName = options.dbName ?? 'tragt';
		const d = deviceDefaults();
		this.deviceDefaults = { currency: d.currency, timeZone: d.timeZone };
	}

	get db(): TragtDatabase {
		if (!this.#db) throw new Error('Database not open yet');
		return this.#db;
	}

	get currency(): string {
		return this.settings?.currency ?? this.deviceDefaults.currency;
	}

	get timeZone(): string {
		return this.settings?.timeZone ?? this.deviceDefaults.timeZone;
	}

	async open(): Promise<void> {
		// Marks for the dashboard bench's breakdown (navigation -> app state -> figures).
		performance.mark?.('tragt:app-open');
		try {
			const db = openDatabase(this.#dbName);
			watchAllStalls((stalled) => (this.storageStalled = stalled));
			await db.open();
			this.#db = db;
			const history = new CommandHistory(db);
			this.#commands = history;
			this.history.follow({
				get canUndo() {
					return history.canUndo;
				},
				get canRedo() {
					return history.canRedo;
				},
				get undoLabel() {
					return commandLabel(history.undoLabel);
				},
				get redoLabel() {
					return commandLabel(history.redoLabel);
				},
				subscribe: (fn) => history.subscribe(fn)
			});
			if (await isInitialized(db)) await this.#ready();
			else this.status = 'first-run';
			performance.mark?.('tragt:app-state');
		} catch (err) {
			this.error = err instanceof Error ? err.message : String(err);
			this.status = 'error';
		}
	}

	close(): void {
		this.#settingsSub?.unsubscribe();
		this.history.stop();
		this.#db?.close();
	}

	async #ready(): Promise<void> {
		this.settings = await getWorkspaceSettings(this.db);
		this.status = 'ready';
		// Keep the settings current when they change elsewhere: an export stamping
		// lastExportAt, an import, or another tab.
		this.#settingsSub?.unsubscribe();
		const db = this.db;
		this.#settingsSub = liveQuery(() => getWorkspaceSettings(db)).subscribe({
			next: (value) => {
				if (value) this.settings = value;
			},
			error: () => {
				// A failed refresh keeps the last settings; the next change retries.
			}
		});
	}

	async startWorkspace(values: {
		repName: string;
		currency: string;
		timeZone: string;
		workspaceName?: string;
	}): Promise<void> {
		// Without a workspace name the data layer names the workspace after the person.
		await initializeWorkspace(this.db, values);
		await this.#ready();
	}

	/** Fills the database with the small demo team (its own reps and stages). */
	async loadDemo(): Promise<void> {
		// Loaded on demand: nobody who starts with their own data needs the generator.
		const { generateDemo } = await import('$lib/demo/generate-demo');
		const timeZone = this.deviceDefaults.timeZone;
		const file = generateDemo({ size: 'S', now: nowIso(), timeZone });
		await repo.writeRecords(this.db, file, 'replace');
		await saveWorkspaceSettings(this.db, {
			name: file.workspace.name,
			currency: file.workspace.currency,
			timeZone: file.workspace.timeZone,
			meRepId: file.reps[0]?.id ?? ''
		});
		// A bulk replace is not an undo step; older steps would point at rows that are gone.
		this.#commands?.clear();
		await this.#ready();
		this.toasts.show(m.demo_loaded());
	}

	async saveSettings(next: WorkspaceSettings): Promise<void> {
		await saveWorkspaceSettings(this.db, next);
		this.settings = await getWorkspaceSettings(this.db);
	}

	/** Renames the rep who is "me" (an undoable data edit, unlike the settings). */
	async renameMe(name: string): Promise<void> {
		const id = this.settings?.meRepId;
		if (!id) return;
		await this.#run(commands.updateRecord('reps', id, { name }));
	}

	// --- undo / redo -------------------------------------------------------------------

	async undo(): Promise<void> {
		const label = this.history.undoLabel;
		if (!this.#commands?.canUndo) return;
		if (await this.#commands.undo()) this.toasts.show(m.undone({ label: label ?? '' }));
	}

	async redo(): Promise<void> {
		const label = this.history.redoLabel;
		if (!this.#commands?.canRedo) return;
		if (await this.#commands.redo()) this.toasts.show(m.redone({ label: label ?? '' }));
	}

	#run<R>(cmd: commands.Command<R>): Promise<R> {
		if (!this.#commands) throw new Error('Database not open yet');
		return this.#commands.run(cmd);
	}

	/** Runs any data-layer command as one undo step (the grids and the board build their own:
	 * a paste is one upsertMany, a drag one moveLead). */
	run<R>(cmd: commands.Command<R>): Promise<R> {
		return this.#run(cmd);
	}

	// --- commands (one per gesture, one undo step each) --------------------------------

	/** A lead from a name alone: owner = me, created now, origin = the campaign's else 'sales'. */
	async createLead(name: string, opts: { campaignId?: string } = {}): Promise<string> {
		const lead = await this.#run(
			commands.createLead({
				name,
				ownerId: this.settings?.meRepId,
				createdAt: nowIso(),
				campaignId: opts.campaignId || undefined
			})
		);
		return lead.id;
	}

	async renameLead(id: string, name: string): Promise<void> {
		await this.#run(commands.updateLead(id, { name }));
	}

	async moveLead(id: string, stageId: string): Promise<void> {
		await this.#run(commands.moveLead(id, stageId, { at: nowIso() }));
	}

	async logActivity(leadId: string, type: ActivityType): Promise<Activity> {
		return this.#run(
			commands.logActivity({ leadId, type, at: nowIso(), repId: this.settings?.meRepId })
		);
	}

	async setResponse(activity: Activity, response: ActivityResponse): Promise<void> {
		await this.#run(commands.setActivityResponse(activity.id, response, activity.leadId));
	}

	/** Moves a lead to the bin and offers Undo in a toast. */
	async deleteLead(id: string): Promise<void> {
		await this.#run(commands.deleteRecords('leads', [id]));
		this.toasts.show(m.lead_deleted(), { action: { label: m.undo(), run: () => this.undo() } });
	}

	async restore(list: RecordListName, ids: string[]): Promise<void> {
		await this.#run(commands.restoreRecords(list, ids));
	}

	async emptyBin(): Promise<number> {
		return this.#run(commands.emptyBin());
	}

	// --- live queries (create during component initialisation) -------------------------

	liveLookups(): LiveQuery<Lookups> {
		return new LiveQuery(() => q.lookups(this.db));
	}

	/** Live leads, newest first (by `createdAt`, ties by id). */
	liveLeads(): LiveQuery<Lead[]> {
		return new LiveQuery(() => q.leadsNewestFirst(this.db, this.timeZone));
	}

	/** One live lead with its history; null when it is missing or in the bin. */
	liveLead(id: () => string): LiveQuery<LeadDetail | null> {
		return new LiveQuery(() => q.leadDetail(this.db, id()), id);
	}

	/** The newest `limit` live activities with their leads' names. */
	liveActivities(limit: number): LiveQuery<ActivityRow[]> {
		return new LiveQuery(() => q.newestActivities(this.db, limit));
	}

	/** The `n` live leads changed most recently. */
	liveRecentLeads(n: number): LiveQuery<Lead[]> {
		return new LiveQuery(() => repo.recentLeads(this.db, n));
	}

	liveBin(): LiveQuery<BinEntry[]> {
		return new LiveQuery(() => repo.listDeleted(this.db));
	}
}
