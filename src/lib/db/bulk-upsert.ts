// The bulk path of upsertMany for leads (a paste of hundreds or thousands of rows).
//
// Same rules as creating and editing leads one by one (createLead, updateLead, moveLead in
// commands.ts), with the per-row costs taken out: the reps, stages and campaigns that checks and
// defaults need are read once, the existing leads with one bulkGet, every lead row written with
// one bulkPut, and the first stage events of new leads appended to their blocks' columns
// (WriteContext.appendLogRows). Stage changes of existing leads go through the one-by-one move,
// which reads the lead's history to keep stageId = its latest event.

import type { Campaign, RecordListName, Rep, Stage, StageEvent } from '../domain/types';
import type { EntityListName } from './database';
import { entityTable } from './database';
import { ValidationError, dropEmptyOptionals, validateRecord } from './validation';
import type { WriteContext } from './write-context';

type Row = { id: string; updatedAt: string; deletedAt?: string; [field: string]: unknown };

/** Moves an existing lead (commands.ts's doMoveLead), passed in to keep the modules acyclic. */
export type MoveFn = (
	ctx: WriteContext,
	leadId: string,
	stageId: string,
	now: string
) => Promise<unknown>;

function newId(): string {
	return crypto.randomUUID();
}

/** A stand-in for the context that answers validateRecord's reference lookups from memory. */
function memoryRefs(ctx: WriteContext, tables: Partial<Record<RecordListName, Map<string, Row>>>) {
	return {
		get: (list: RecordListName, id: string) => {
			const t = tables[list];
			return t ? t.get(id) : ctx.get(list, id);
		}
	} as unknown as WriteContext;
}

function rowError(e: unknown, index: number): unknown {
	if (e instanceof ValidationError)
		return new ValidationError(e.field, `row ${index + 1}: ${e.message}`, 'leads', e.id);
	return e;
}

/** True when the rows can take the bulk path (no id named twice: later rows see earlier ones). */
export function canBulkUpsert(rows: readonly Record<string, unknown>[]): boolean {
	const seen = new Set<unknown>();
	for (const r of rows) {
		if (r.id === undefined) continue;
		if (seen.has(r.id)) return false;
		seen.add(r.id);
	}
	return true;
}

export async function bulkUpsertLeads(
	ctx: WriteContext,
	rows: readonly Record<string, unknown>[],
	now: string,
	move: MoveFn
): Promise<string[]> {
	const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
	// Side by side: each read is a trip to the storage process, slow on a busy machine.
	const [repList, stageList, campaignList] = await Promise.all([
		ctx.all<Rep>('reps'),
		ctx.all<Stage>('stages'),
		ctx.all<Campaign>('campaigns')
	]);
	const reps = byId(repList);
	const stages = byId(stageList);
	const campaigns = byId(campaignList);
	const refs = memoryRefs(ctx, {
		reps: reps as unknown as Map<string, Row>,
		stages: stages as unknown as Map<string, Row>,
		campaigns: campaigns as unknown as Map<string, Row>
	});
	const table = entityTable(ctx.db, 'leads' as EntityListName);
	const givenIds = rows.map((r) => (typeof r.id === 'string' && r.id !== '' ? r.id : undefined));
	const wanted = givenIds.filter((id): id is string => id !== undefined);
	const found = wanted.length ? await table.bulkGet(wanted) : [];
	const existing = new Map<string, Row>();
	wanted.forEach((id, i) => {
		if (found[i]) existing.set(id, found[i] as Row);
	});
	let firstOpen: string | undefined;
	const firstOpenStage = () => {
		if (firstOpen) return firstOpen;
		const open = [...stages.values()].filter((s) => !s.deletedAt && s.kind === 'open');
		open.sort((a, b) => a.order - b.order);
		if (!open.length)
			throw new ValidationError('stageId', 'the pipeline has no open stage', 'leads');
		return (firstOpen = open[0].id);
	};
	const me = ctx.workspace?.meRepId || undefined;

	const out: Row[] = [];
	const before: (Row | undefined)[] = [];
	const events: (StageEvent | undefined)[] = [];
	const moves: { index: number; id: string; stageId: string }[] = [];
	const ids: string[] = [];
	// Checks run side by side and are awaited once: a long chain of awaits that make no
	// IndexedDB request lets the transaction commit under us (Dexie's PrematureCommitError).
	const checks: Promise<void>[] = [];
	const checked: number[] = [];
	for (const [index, input] of rows.entries()) {
		try {
			const id = givenIds[index];
			const old = id ? existing.get(id) : undefined;
			if (!old) {
				if (input.id !== undefined && id === undefined)
					throw new ValidationError('id', 'must be text', 'leads');
				const campaignId = input.campaignId as string | undefined;
				const origin =
					(input.origin as string | undefined) ||
					(campaignId ? campaigns.get(campaignId)?.origin : undefined) ||
					'sales';
				const lead = dropEmptyOptionals('leads', {
					...input,
					id: id ?? newId(),
					updatedAt: now,
					ownerId: (input.ownerId as string) || me || '',
					origin,
					createdAt: (input.createdAt as string) || now,
					stageId: (input.stageId as string) || firstOpenStage()
				} as Row);
				checks.push(validateRecord(refs, 'leads', lead));
				checked.push(index);
				out.push(lead);
				before.push(undefined);
				events.push({
					id: newId(),
					updatedAt: now,
					leadId: lead.id,
					stageId: lead.stageId as string,
					at: lead.createdAt as string,
					repId: lead.ownerId as string
				});
				ids.push(lead.id);
				continue;
			}
			const { stageId, ...rest } = input;
			const clean: Record<string, unknown> = { ...rest };
			delete clean.id;
			delete clean.updatedAt;
			delete clean.deletedAt;
			if (Object.keys(clean).length) {
				const lead = dropEmptyOptionals('leads', { ...old, ...clean, id: old.id, updatedAt: now });
				checks.push(validateRecord(refs, 'leads', lead, new Set(Object.keys(clean))));
				checked.push(index);
				out.push(lead);
				before.push(old);
				events.push(undefined);
			}
			if (typeof stageId === 'string' && stageId !== old.stageId)
				moves.push({ index, id: old.id, stageId });
			ids.push(old.id);
		} catch (e) {
			throw rowError(e, index);
		}
	}
	const settled = await Promise.allSettled(checks);
	const failed = settled.findIndex((r) => r.status === 'rejected');
	if (failed >= 0)
		throw rowError((settled[failed] as PromiseRejectedResult).reason, checked[failed]);
	await ctx.putEntities('leads', out, before, { log: 'stageEvents', rows: events });
	for (const m of moves) {
		try {
			await move(ctx, m.id, m.stageId, now);
		} catch (e) {
			throw rowError(e, m.index);
		}
	}
	return ids;
}
