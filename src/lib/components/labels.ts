// Translated names of the data format's enum values.
import { m } from '$lib/paraglide/messages.js';
import type {
	ActivityResponse,
	ActivityType,
	Origin,
	RecordListName,
	StageKind,
	TargetMetric
} from '$lib/domain/types';

export function activityTypeLabel(type: ActivityType): string {
	switch (type) {
		case 'call':
			return m.activity_call();
		case 'email':
			return m.activity_email();
		case 'meeting':
			return m.activity_meeting();
		default:
			return m.activity_other();
	}
}

export function responseLabel(response: ActivityResponse): string {
	switch (response) {
		case 'positive':
			return m.response_positive();
		case 'negative':
			return m.response_negative();
		default:
			return m.response_neutral();
	}
}

export function originLabel(origin: Origin): string {
	return origin === 'marketing' ? m.origin_marketing() : m.origin_sales();
}

export function stageKindLabel(kind: StageKind): string {
	return kind === 'won'
		? m.stage_kind_won()
		: kind === 'lost'
			? m.stage_kind_lost()
			: m.stage_kind_open();
}

const TARGET_METRIC_LABELS: Record<TargetMetric, () => string> = {
	wonValue: m.target_metric_wonValue,
	won: m.target_metric_won,
	newLeads: m.target_metric_newLeads,
	opportunities: m.target_metric_opportunities,
	activities: m.target_metric_activities
};

export function targetMetricLabel(metric: TargetMetric): string {
	return (TARGET_METRIC_LABELS[metric] ?? (() => metric))();
}

export function recordListLabel(list: RecordListName): string {
	const labels: Record<RecordListName, () => string> = {
		reps: m.record_reps,
		stages: m.record_stages,
		campaigns: m.record_campaigns,
		leads: m.record_leads,
		stageEvents: m.record_stageEvents,
		activities: m.record_activities,
		customers: m.record_customers,
		forecasts: m.record_forecasts,
		targets: m.record_targets
	};
	return labels[list]();
}

const COMMAND_LABELS: Record<string, () => string> = {
	createLead: m.cmd_createLead,
	updateLead: m.cmd_updateLead,
	moveLead: m.cmd_moveLead,
	editStageEvent: m.cmd_editStageEvent,
	deleteStageEvent: m.cmd_deleteStageEvent,
	logActivity: m.cmd_logActivity,
	setActivityResponse: m.cmd_setActivityResponse,
	updateActivity: m.cmd_updateActivity,
	createRecord: m.cmd_createRecord,
	updateRecord: m.cmd_updateRecord,
	deleteRecords: m.cmd_deleteRecords,
	restoreRecords: m.cmd_restoreRecords,
	emptyBin: m.cmd_emptyBin,
	upsertMany: m.cmd_upsertMany,
	loadRecords: m.cmd_loadRecords,
	copyTargets: m.cmd_copyTargets,
	setTargetWindow: m.cmd_setTargetWindow
};

/** The data layer names its undo steps with codes; people read these words instead. */
export function commandLabel(label: string | null | undefined): string | null {
	if (!label) return null;
	return (COMMAND_LABELS[label] ?? m.cmd_other)();
}
