// Labels for the import wizard's fields, kinds and phases (message functions by key).
import { m } from '$lib/paraglide/messages.js';
import type { ImportKind } from '$lib/io/csv-import';
import type { RecordListName } from '$lib/domain/types';
import type { Phase } from '$lib/state/import.svelte';

const FIELD: Record<string, () => string> = {
	id: m.import_field_id,
	name: m.import_field_name,
	firstName: m.import_field_firstName,
	lastName: m.import_field_lastName,
	company: m.import_field_company,
	email: m.import_field_email,
	phone: m.import_field_phone,
	owner: m.import_field_owner,
	campaign: m.import_field_campaign,
	origin: m.import_field_origin,
	source: m.import_field_source,
	createdAt: m.import_field_createdAt,
	engagedAt: m.import_field_engagedAt,
	closedAt: m.import_field_closedAt,
	wonAt: m.import_field_wonAt,
	lostAt: m.import_field_lostAt,
	stage: m.import_field_stage,
	outcome: m.import_field_outcome,
	isClosed: m.import_field_isClosed,
	isWon: m.import_field_isWon,
	value: m.import_field_value,
	expectedCloseDate: m.import_field_expectedCloseDate,
	lostReason: m.import_field_lostReason,
	type: m.import_field_type,
	at: m.import_field_at,
	leadId: m.import_field_leadId,
	response: m.import_field_response,
	note: m.import_field_note,
	channel: m.import_field_channel,
	budget: m.import_field_budget,
	startDate: m.import_field_startDate,
	endDate: m.import_field_endDate,
	since: m.import_field_since,
	churnedAt: m.import_field_churnedAt,
	period: m.import_field_period,
	amount: m.import_field_amount
};

export function fieldLabel(key: string): string {
	return FIELD[key]?.() ?? key;
}

const KIND: Record<ImportKind, () => string> = {
	leads: m.import_kind_leads,
	activities: m.import_kind_activities,
	campaigns: m.import_kind_campaigns,
	customers: m.import_kind_customers,
	forecasts: m.import_kind_forecasts
};

export function kindLabel(kind: ImportKind): string {
	return KIND[kind]();
}

const PHASE: Record<Phase, () => string> = {
	read: m.import_phase_read,
	parse: m.import_phase_parse,
	check: m.import_phase_check,
	write: m.import_phase_write
};

export function phaseLabel(phase: Phase): string {
	return PHASE[phase]();
}

const LIST: Record<RecordListName, () => string> = {
	reps: m.import_list_reps,
	stages: m.import_list_stages,
	campaigns: m.import_list_campaigns,
	leads: m.import_list_leads,
	stageEvents: m.import_list_stageEvents,
	activities: m.import_list_activities,
	customers: m.import_list_customers,
	forecasts: m.import_list_forecasts,
	targets: m.import_list_targets
};

/** A record list's name in the plural ("Stage events"). */
export function listLabel(list: RecordListName): string {
	return LIST[list]();
}
