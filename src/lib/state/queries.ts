// The reads behind the app's live queries: plain async functions of the database, so that
// AppState wraps them in liveQuery and tests can call them directly.
import * as repo from '../db/repositories';
import type { TragtDatabase } from '../db/database';
import { parseInstant } from '../domain/time';
import type { Activity, Campaign, Lead, Rep, Stage, StageEvent } from '../domain/types';

export type BinEntry = repo.BinEntry;

/** Names for ids, to show reps, stages and campaigns in lists. */
export interface Lookups {
	/** Live reps by name. */
	reps: Rep[];
	/** Live stages in pipeline order. */
	stages: Stage[];
	campaigns: Campaign[];
	/** Deleted reps, stages and campaigns still name old records, so the maps keep them. */
	repById: ReadonlyMap<string, Rep>;
	stageById: ReadonlyMap<string, Stage>;
	campaignById: ReadonlyMap<string, Campaign>;
}

export interface Summary {
	leads: number;
	openLeads: number;
	activities: number;
	/** Sum of `value` of open leads (a plain sum until the KPI engine's figures land). */
	openValue: number;
}

export interface LeadDetail {
	lead: Lead;
	/** Stage history in order. */
	events: StageEvent[];
	/** Newest first. */
	activities: Activity[];
}

export interface ActivityRow {
	activity: Activity;
	leadName: string | null;
}

export async function summary(db: TragtDatabase): Promise<Summary> {
	const [leads, stages, activities] = await Promise.all([
		repo.listLeads(db),
		db.stages.toArray(),
		repo.countActivities(db)
	]);
	const open = new Set(stages.filter((s) => !s.deletedAt && s.kind === 'open').map((s) => s.id));
	let openLeads = 0;
	let openValue = 0;
	for (const l of leads) {
		if (!open.has(l.stageId)) continue;
		openLeads++;
		openValue += l.value ?? 0;
	}
	return { leads: leads.length, openLeads, activities, openValue };
}

export async function lookups(db: TragtDatabase): Promise<Lookups> {
	const [reps, stages, campaigns] = await Promise.all([
		db.reps.toArray(),
		db.stages.toArray(),
		db.campaigns.toArray()
	]);
	return {
		reps: reps.filter((r) => !r.deletedAt).sort((a, b) => a.name.localeCompare(b.name)),
		stages: stages
			.filter((s) => !s.deletedAt)
			.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
		campaigns: campaigns.filter((c) => !c.deletedAt),
		repById: new Map(reps.map((r) => [r.id, r])),
		stageById: new Map(stages.map((s) => [s.id, s])),
		campaignById: new Map(campaigns.map((c) => [c.id, c]))
	};
}

/** Live leads, newest `createdAt` first (ties: id descending, so the order is stable). */
export async function leadsNewestFirst(db: TragtDatabase, timeZone: string): Promise<Lead[]> {
	const leads = await repo.listLeads(db);
	const at = new Map(leads.map((l) => [l.id, parseInstant(l.createdAt, timeZone)]));
	return leads.sort((a, b) => (at.get(b.id) ?? 0) - (at.get(a.id) ?? 0) || (a.id < b.id ? 1 : -1));
}

export async function leadDetail(db: TragtDatabase, id: string): Promise<LeadDetail | null> {
	const lead = await repo.getLead(db, id);
	if (!lead || lead.deletedAt) return null;
	const [events, activities] = await Promise.all([
		repo.stageEventsOfLead(db, id),
		repo.activitiesOfLead(db, id)
	]);
	return { lead, events, activities };
}

export async function newestActivities(db: TragtDatabase, limit: number): Promise<ActivityRow[]> {
	const activities = await repo.listActivities(db, { limit });
	const ids = [...new Set(activities.map((a) => a.leadId).filter((x): x is string => !!x))];
	const leads = await db.leads.bulkGet(ids);
	const names = new Map(leads.filter((l): l is Lead => !!l).map((l) => [l.id, l.name]));
	return activities.map((activity) => ({
		activity,
		leadName: activity.leadId ? (names.get(activity.leadId) ?? null) : null
	}));
}
