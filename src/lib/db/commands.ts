// Commands: one user gesture = one command = one Dexie 'rw' transaction = one undo step.
//
// Each function below returns a Command object; nothing happens until it is run, by
// `history.run(cmd)` (an undo step) or `runCommand(db, cmd)` (no history; tests, scripts).
// A command validates at the boundary and throws ValidationError (naming the field); because
// it runs inside the transaction, anything it wrote before the throw is rolled back.
//
// `label` is a stable key for the UI to translate ("Undo: move lead").

import { parseInstant, nowIso } from '../domain/time';
import type {
	Activity,
	ActivityResponse,
	ActivityType,
	Campaign,
	Lead,
	Origin,
	RecordListName,
	RecordOf,
	Records,
	Stage,
	StageEvent
} from '../domain/types';
import { RECORD_LIST_NAMES } from '../domain/types';
import { writeRecordsInTransaction, type WriteMode } from './bulk';
import { bulkUpsertLeads, canBulkUpsert } from './bulk-upsert';
import { ENTITY_LIST_NAMES, blockTable, entityTable, type TragtDatabase } from './database';
import { ValidationError, dropEmptyOptionals, validateRecord } from './validation';
import { runWrite, type WriteContext, type WriteResult } from './write-context';

export { ValidationError } from './validation';

export type CommandLabel =
	| 'createLead'
	| 'updateLead'
	| 'moveLead'
	| 'editStageEvent'
	| 'deleteStageEvent'
	| 'logActivity'
	| 'setActivityResponse'
	| 'updateActivity'
	| 'createRecord'
	| 'updateRecord'
	| 'deleteRecords'
	| 'restoreRecords'
	| 'emptyBin'
	| 'upsertMany'
	| 'loadRecords'
	| 'copyTargets'
	| 'setTargetWindow';

export interface Command<R = unknown> {
	label: CommandLabel;
	/** The list the command is about, when it has one (for labels like "Undo: delete 3 leads"). */
	list?: RecordListName;
	run(ctx: WriteContext): Promise<R>;
}

/** Runs a command in its own transaction, outside any history. */
export async function runCommand<R>(db: TragtDatabase, cmd: Command<R>): Promise<WriteResult<R>> {
	return runWrite(db, (ctx) => cmd.run(ctx));
}

type Row = { id: string; updatedAt: string; deletedAt?: string; [field: string]: unknown };

function newId(): string {
	return crypto.randomUUID();
}

async function mustGet<T>(
	ctx: WriteContext,
	list: RecordListName,
	id: string,
	leadHint?: string | null
) {
	const row = await ctx.get<T>(list, id, leadHint);
	if (!row) throw new ValidationError('id', `no such ${list} record: ${id}`, list, id);
	return row;
}

async function ensureNew(ctx: WriteContext, list: RecordListName, id: string | undefined) {
	if (id === undefined) return;
	if (typeof id !== 'string' || id === '') throw new ValidationError('id', 'must be text', list);
	if (await ctx.get(list, id)) throw new ValidationError('id', `already exists: ${id}`, list, id);
}

function meRep(ctx: WriteContext): string | undefined {
	return ctx.workspace?.meRepId || undefined;
}

// ---- stage rules ----

/** Orders stage events as the KPI spec's stage history: by `at`, ties broken by id. */
export function compareEvents(a: StageEvent, b: StageEvent, timeZone: string): number {
	const d = parseInstant(a.at, timeZone) - parseInstant(b.at, timeZone);
	if (d !== 0) return d;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Keeps lead.stageId equal to the stage of its latest live event (by at, then id). */
async function syncLeadStage(ctx: WriteContext, leadId: string, now: string): Promise<void> {
	const lead = await ctx.get<Lead>('leads', leadId);
	if (!lead) return;
	const live = (await ctx.logRowsOfLead<StageEvent>('stageEvents', leadId)).filter(
		(e) => !e.deletedAt
	);
	if (live.length === 0) return; // No events: the lead's own stageId is its implicit history.
	live.sort((a, b) => compareEvents(a, b, ctx.timeZone));
	const stageId = live[live.length - 1].stageId;
	if (lead.stageId !== stageId) await ctx.put('leads', { ...lead, stageId, updatedAt: now });
}

async function firstOpenStage(ctx: WriteContext): Promise<string> {
	const stages = (await ctx.all<Stage>('stages')).filter((s) => !s.deletedAt && s.kind === 'open');
	stages.sort((a, b) => a.order - b.order);
	if (!stages.length)
		throw new ValidationError('stageId', 'the pipeline has no open stage', 'leads');
	return stages[0].id;
}

// ---- leads ----

export interface NewLead {
	id?: string;
	name: string;
	ownerId?: string;
	campaignId?: string;
	origin?: Origin;
	createdAt?: string;
	stageId?: string;
	value?: number;
	company?: string;
	email?: string;
	phone?: string;
	source?: string;
	expectedCloseDate?: string;
	lostReason?: string;
}

async function doCreateLead(ctx: WriteContext, input: NewLead, now: string): Promise<Lead> {
	await ensureNew(ctx, 'leads', input.id);
	let origin = input.origin;
	if (!origin && input.campaignId) {
		const c = await ctx.get<Campaign>('campaigns', input.campaignId);
		origin = c?.origin;
	}
	const lead = dropEmptyOptionals('leads', {
		...input,
		id: input.id ?? newId(),
		updatedAt: now,
		ownerId: input.ownerId || meRep(ctx) || '',
		origin: origin ?? 'sales',
		createdAt: input.createdAt || now,
		stageId: input.stageId || (await firstOpenStage(ctx))
	} as Row) as unknown as Lead;
	await validateRecord(ctx, 'leads', lead as unknown as Row);
	await ctx.put('leads', lead as unknown as Row, { isNew: input.id === undefined });
	const event: StageEvent = {
		id: newId(),
		updatedAt: now,
		leadId: lead.id,
		stageId: lead.stageId,
		at: lead.createdAt,
		repId: lead.ownerId
	};
	await ctx.put('stageEvents', event as unknown as Row, { isNew: true });
	return lead;
}

/** Creates a lead and its first stage event (at createdAt). Defaults: owner = the workspace's
 * me-rep, origin = the campaign's else 'sales', stage = the first open stage, createdAt = now. */
export function createLead(input: NewLead): Command<Lead> {
	return { label: 'createLead', list: 'leads', run: (ctx) => doCreateLead(ctx, input, nowIso()) };
}

export type LeadPatch = Partial<Omit<Lead, 'id' | 'stageId' | 'updatedAt' | 'deletedAt'>>;

export async function doUpdateEntity<T extends Row>(
	ctx: WriteContext,
	list: RecordListName,
	id: string,
	patch: Record<string, unknown>,
	now: string
): Promise<T> {
	const old = await mustGet<T>(ctx, list, id);
	const clean = { ...patch };
	delete clean.id;
	delete clean.updatedAt;
	delete clean.deletedAt;
	const row = dropEmptyOptionals(list, { ...old, ...clean, id, updatedAt: now } as Row) as T;
	await validateRecord(ctx, list, row, new Set(Object.keys(clean)));
	await ctx.put(list, row);
	return row;
}

/** Edits lead fields. The stage is not a field: use moveLead (it keeps the history). */
export function updateLead(id: string, patch: LeadPatch): Command<Lead> {
	return {
		label: 'updateLead',
		list: 'leads',
		run: async (ctx) => {
			if ('stageId' in patch)
				throw new ValidationError('stageId', 'use moveLead to change the stage', 'leads', id);
			return doUpdateEntity<Lead & Row>(ctx, 'leads', id, patch, nowIso());
		}
	};
}

export interface MoveOptions {
	/** When the move happened (default now); may be in the past. */
	at?: string;
	/** Who moved it (default the workspace's me-rep). */
	repId?: string;
	lostReason?: string;
}

async function doMoveLead(
	ctx: WriteContext,
	leadId: string,
	stageId: string,
	opts: MoveOptions,
	now: string
): Promise<StageEvent> {
	const lead = await mustGet<Lead>(ctx, 'leads', leadId);
	if (lead.deletedAt) throw new ValidationError('leadId', 'the lead is deleted', 'stageEvents');
	const event = dropEmptyOptionals('stageEvents', {
		id: newId(),
		updatedAt: now,
		leadId,
		stageId,
		at: opts.at || now,
		repId: opts.repId || meRep(ctx)
	} as Row) as unknown as StageEvent;
	await validateRecord(ctx, 'stageEvents', event as unknown as Row);
	await ctx.put('stageEvents', event as unknown as Row, { isNew: true });
	if (opts.lostReason !== undefined) {
		await doUpdateEntity(ctx, 'leads', leadId, { lostReason: opts.lostReason }, now);
	}
	await syncLeadStage(ctx, leadId, now);
	return event;
}

/** Appends a stage event; lead.stageId follows the latest event (a past move may not change it). */
export function moveLead(
	leadId: string,
	stageId: string,
	opts: MoveOptions = {}
): Command<StageEvent> {
	return {
		label: 'moveLead',
		list: 'stageEvents',
		run: (ctx) => doMoveLead(ctx, leadId, stageId, opts, nowIso())
	};
}

async function doEditStageEvent(
	ctx: WriteContext,
	id: string,
	patch: { stageId?: string; at?: string; repId?: string },
	now: string,
	leadHint?: string
): Promise<StageEvent> {
	const old = await mustGet<StageEvent>(ctx, 'stageEvents', id, leadHint);
	const clean: Record<string, unknown> = {};
	for (const k of ['stageId', 'at', 'repId'] as const) if (k in patch) clean[k] = patch[k];
	const event = dropEmptyOptionals('stageEvents', {
		...old,
		...clean,
		updatedAt: now
	} as Row) as unknown as StageEvent;
	await validateRecord(ctx, 'stageEvents', event as unknown as Row, new Set(Object.keys(clean)));
	await ctx.put('stageEvents', event as unknown as Row, { leadHints: [old.leadId] });
	await syncLeadStage(ctx, event.leadId, now);
	return event;
}

/** Changes an event's stage or time; the lead's stage follows. `leadId`: a hint that saves a
 * scan of every block when the caller knows the event's lead. */
export function editStageEvent(
	id: string,
	patch: { stageId?: string; at?: string; repId?: string },
	leadId?: string
): Command<StageEvent> {
	return {
		label: 'editStageEvent',
		list: 'stageEvents',
		run: (ctx) => doEditStageEvent(ctx, id, patch, nowIso(), leadId)
	};
}

/** Tombstones a stage event; the lead's stage follows its latest remaining event. */
export function deleteStageEvent(id: string, leadId?: string): Command<void> {
	return {
		label: 'deleteStageEvent',
		list: 'stageEvents',
		run: async (ctx) => {
			await setDeleted(ctx, 'stageEvents', [id], true, nowIso(), leadId);
		}
	};
}

// ---- activities ----

export interface NewActivity {
	id?: string;
	leadId?: string | null;
	repId?: string;
	type: ActivityType;
	at?: string;
	response?: ActivityResponse;
	note?: string;
}

async function doLogActivity(
	ctx: WriteContext,
	input: NewActivity,
	now: string
): Promise<Activity> {
	if (input.id !== undefined) {
		if (await ctx.get('activities', input.id, input.leadId))
			throw new ValidationError('id', `already exists: ${input.id}`, 'activities', input.id);
	}
	const activity = dropEmptyOptionals('activities', {
		...input,
		id: input.id ?? newId(),
		updatedAt: now,
		repId: input.repId || meRep(ctx) || '',
		at: input.at || now
	} as Row) as unknown as Activity;
	await validateRecord(ctx, 'activities', activity as unknown as Row);
	await ctx.put('activities', activity as unknown as Row, { isNew: input.id === undefined });
	return activity;
}

/** Logs an activity (rep defaults to the me-rep, `at` to now). */
export function logActivity(input: NewActivity): Command<Activity> {
	return {
		label: 'logActivity',
		list: 'activities',
		run: (ctx) => doLogActivity(ctx, input, nowIso())
	};
}

export type ActivityPatch = Partial<Omit<Activity, 'id' | 'updatedAt' | 'deletedAt'>>;

async function doUpdateActivity(
	ctx: WriteContext,
	id: string,
	patch: ActivityPatch,
	now: string,
	leadHint?: string | null
): Promise<Activity> {
	const old = await mustGet<Activity>(ctx, 'activities', id, leadHint);
	const clean: Record<string, unknown> = { ...patch };
	delete clean.id;
	delete clean.updatedAt;
	delete clean.deletedAt;
	const row = dropEmptyOptionals('activities', {
		...old,
		...clean,
		updatedAt: now
	} as Row) as unknown as Activity;
	await validateRecord(ctx, 'activities', row as unknown as Row, new Set(Object.keys(clean)));
	await ctx.put('activities', row as unknown as Row, { leadHints: [old.leadId] });
	return row;
}

/** Sets (or, with undefined, clears) an activity's response. */
export function setActivityResponse(
	id: string,
	response: ActivityResponse | undefined,
	leadId?: string | null
): Command<Activity> {
	return {
		label: 'setActivityResponse',
		list: 'activities',
		run: (ctx) => doUpdateActivity(ctx, id, { response }, nowIso(), leadId)
	};
}

/** Edits an activity; changing its lead moves it to that lead's block. */
export function updateActivity(
	id: string,
	patch: ActivityPatch,
	leadId?: string | null
): Command<Activity> {
	return {
		label: 'updateActivity',
		list: 'activities',
		run: (ctx) => doUpdateActivity(ctx, id, patch, nowIso(), leadId)
	};
}

// ---- other records ----

export type SimpleListName =
	'reps' | 'stages' | 'campaigns' | 'customers' | 'forecasts' | 'targets';
type Input<K extends SimpleListName> = Partial<Omit<RecordOf<K>, 'updatedAt' | 'deletedAt'>>;

async function defaultsFor(
	ctx: WriteContext,
	list: RecordListName,
	input: Record<string, unknown>,
	now: string
): Promise<Record<string, unknown>> {
	switch (list) {
		case 'reps':
			return { active: true };
		case 'stages': {
			const kind = (input.kind as string) ?? 'open';
			const stages = await ctx.all<Stage>('stages');
			const order = stages.reduce((m, s) => Math.max(m, s.order), 0) + 1;
			return { kind, order, probability: kind === 'won' ? 1 : 0, qualified: kind === 'won' };
		}
		case 'campaigns':
			return { origin: 'marketing', budget: 0 };
		case 'customers':
			return { since: now };
		case 'targets':
			// The window has no default: it depends on the time zone (the grid's presets give one).
			return { metric: 'wonValue', amount: 0 };
		default:
			return {};
	}
}

export async function doCreateRecord(
	ctx: WriteContext,
	list: SimpleListName,
	input: Record<string, unknown>,
	now: string
): Promise<Row> {
	await ensureNew(ctx, list, input.id as string | undefined);
	const isNew = input.id === undefined;
	const defaults = await defaultsFor(ctx, list, input, now);
	const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
	const row = dropEmptyOptionals(list, {
		...defaults,
		...given,
		id: (input.id as string | undefined) ?? newId(),
		updatedAt: now
	} as Row);
	delete row.deletedAt;
	await validateRecord(ctx, list, row);
	await ctx.put(list, row, { isNew });
	return row;
}

const SIMPLE_LISTS: readonly RecordListName[] = [
	'reps',
	'stages',
	'campaigns',
	'customers',
	'forecasts',
	'targets'
];

function assertSimple(list: RecordListName): asserts list is SimpleListName {
	if (!SIMPLE_LISTS.includes(list))
		throw new ValidationError('list', `use the ${list} commands for ${list}`, list);
}

/** Creates a rep, stage, campaign, customer, forecast or target (defaults: rep active; stage after the
 * last, probability by kind; campaign origin 'marketing', budget 0; customer since now). */
export function createRecord<K extends SimpleListName>(
	list: K,
	input: Input<K>
): Command<RecordOf<K>> {
	return {
		label: 'createRecord',
		list,
		run: async (ctx) => {
			assertSimple(list);
			return (await doCreateRecord(
				ctx,
				list,
				input as Record<string, unknown>,
				nowIso()
			)) as unknown as RecordOf<K>;
		}
	};
}

/** Edits a rep, stage, campaign, customer, forecast or target. */
export function updateRecord<K extends SimpleListName>(
	list: K,
	id: string,
	patch: Input<K>
): Command<RecordOf<K>> {
	return {
		label: 'updateRecord',
		list,
		run: async (ctx) => {
			assertSimple(list);
			return (await doUpdateEntity(
				ctx,
				list,
				id,
				patch as Record<string, unknown>,
				nowIso()
			)) as unknown as RecordOf<K>;
		}
	};
}

async function setDeleted(
	ctx: WriteContext,
	list: RecordListName,
	ids: readonly string[],
	deleted: boolean,
	now: string,
	leadHint?: string
): Promise<number> {
	let n = 0;
	const leads = new Set<string>();
	for (const id of ids) {
		const old = await mustGet<Row>(ctx, list, id, leadHint);
		if (!!old.deletedAt === deleted) continue;
		const row = { ...old, updatedAt: now } as Row;
		if (deleted) row.deletedAt = now;
		else delete row.deletedAt;
		await ctx.put(list, row, { leadHints: [old.leadId as string | undefined] });
		if (list === 'stageEvents') leads.add(old.leadId as string);
		n++;
	}
	for (const leadId of leads) await syncLeadStage(ctx, leadId, now);
	return n;
}

/** Moves records to the bin (deletedAt). Deleting a lead keeps its activities and events. */
export function deleteRecords(list: RecordListName, ids: readonly string[]): Command<number> {
	return { label: 'deleteRecords', list, run: (ctx) => setDeleted(ctx, list, ids, true, nowIso()) };
}

/** Takes records out of the bin. */
export function restoreRecords(list: RecordListName, ids: readonly string[]): Command<number> {
	return {
		label: 'restoreRecords',
		list,
		run: (ctx) => setDeleted(ctx, list, ids, false, nowIso())
	};
}

/** Removes every tombstoned record for good (undoable until the history forgets it). */
export function emptyBin(): Command<number> {
	return {
		label: 'emptyBin',
		run: async (ctx) => {
			let n = 0;
			for (const list of ENTITY_LIST_NAMES) {
				const ids = (await entityTable(ctx.db, list)
					.where('deletedAt')
					.above('')
					.primaryKeys()) as string[];
				for (const id of ids) await ctx.remove(list, id);
				n += ids.length;
			}
			for (const log of ['activities', 'stageEvents'] as const) {
				for (const r of await ctx.logTombstones(log)) {
					await ctx.remove(log, r.id, r.leadId);
					n++;
				}
			}
			return n;
		}
	};
}

/**
 * Creates or edits many rows of one list in one step (a paste). A row whose id exists is a
 * patch of that record; any other row is created with the list's defaults. For leads, a patch
 * that changes stageId moves the lead (appends a stage event now).
 */
export function upsertMany(
	list: RecordListName,
	rows: readonly Record<string, unknown>[]
): Command<string[]> {
	return {
		label: 'upsertMany',
		list,
		run: async (ctx) => {
			const now = nowIso();
			// Leads in bulk: one read of each lookup, one bulkPut, events appended to their blocks.
			if (list === 'leads' && canBulkUpsert(rows))
				return bulkUpsertLeads(ctx, rows, now, (c, id, stageId, at) =>
					doMoveLead(c, id, stageId, {}, at)
				);
			const ids: string[] = [];
			for (const [index, input] of rows.entries()) {
				try {
					ids.push(await upsertOne(ctx, list, input, now));
				} catch (e) {
					if (e instanceof ValidationError)
						throw new ValidationError(e.field, `row ${index + 1}: ${e.message}`, list, e.id);
					throw e;
				}
			}
			return ids;
		}
	};
}

async function upsertOne(
	ctx: WriteContext,
	list: RecordListName,
	input: Record<string, unknown>,
	now: string
): Promise<string> {
	const id = input.id as string | undefined;
	const hint = input.leadId as string | undefined;
	const existing = id ? await ctx.get<Row>(list, id, hint) : undefined;
	if (!existing) {
		if (list === 'leads') return (await doCreateLead(ctx, input as unknown as NewLead, now)).id;
		if (list === 'activities')
			return (await doLogActivity(ctx, input as unknown as NewActivity, now)).id;
		if (list === 'stageEvents') {
			const e = input as unknown as StageEvent;
			await ensureNew(ctx, list, id);
			const ev = await doMoveLead(ctx, e.leadId, e.stageId, { at: e.at, repId: e.repId }, now);
			return ev.id;
		}
		assertSimple(list);
		return (await doCreateRecord(ctx, list, input, now)).id;
	}
	if (list === 'leads') {
		const { stageId, ...rest } = input;
		if (Object.keys(rest).some((k) => k !== 'id'))
			await doUpdateEntity(ctx, list, existing.id, rest, now);
		if (typeof stageId === 'string' && stageId !== existing.stageId)
			await doMoveLead(ctx, existing.id, stageId, {}, now);
		return existing.id;
	}
	if (list === 'activities')
		return (await doUpdateActivity(ctx, existing.id, input as ActivityPatch, now, hint)).id;
	if (list === 'stageEvents')
		return (await doEditStageEvent(ctx, existing.id, input, now, hint)).id;
	return (await doUpdateEntity(ctx, list, existing.id, input, now)).id;
}

/** Loads at most this many rows (incoming + stored) as an undoable step; above, history clears. */
export const UNDOABLE_LOAD_LIMIT = 5000;

export interface LoadResult {
	/** False: the load was too large to undo, and the undo history was cleared. */
	undoable: boolean;
	rows: number;
}

/**
 * Demo data or an import as one step. Small loads are undoable as a whole; large ones are
 * written as whole blocks and clear the undo history (the result says so).
 */
export function loadRecords(records: Records, mode: WriteMode): Command<LoadResult> {
	return {
		label: 'loadRecords',
		run: async (ctx) => {
			const incoming = RECORD_LIST_NAMES.reduce((n, l) => n + records[l].length, 0);
			let stored = 0;
			for (const list of ENTITY_LIST_NAMES) stored += await entityTable(ctx.db, list).count();
			for (const log of ['activities', 'stageEvents'] as const) {
				const blocks = await blockTable(ctx.db, log).toArray();
				for (const b of blocks) stored += b.count;
			}
			if (incoming + (mode === 'replace' ? stored : 0) > UNDOABLE_LOAD_LIMIT) {
				await writeRecordsInTransaction(ctx.db, records, mode, ctx.timeZone);
				ctx.full = true;
				ctx.undoable = false;
				return { undoable: false, rows: incoming };
			}
			if (mode === 'replace') {
				for (const list of ENTITY_LIST_NAMES) {
					const ids = (await entityTable(ctx.db, list).toCollection().primaryKeys()) as string[];
					for (const id of ids) await ctx.remove(list, id);
				}
				for (const log of ['activities', 'stageEvents'] as const)
					for (const r of await ctx.allLogRows(log)) await ctx.remove(log, r.id, r.leadId);
			}
			for (const list of RECORD_LIST_NAMES)
				for (const row of records[list]) await ctx.put(list, row as unknown as Row);
			return { undoable: true, rows: incoming };
		}
	};
}
