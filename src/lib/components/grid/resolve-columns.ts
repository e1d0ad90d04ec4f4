// Column specs (src/lib/entry/grid-columns.ts) made concrete for the UI: translated headers and
// the current choices of each drop-down (live reps, stages, campaigns, leads).
import type { ColumnDef, Option } from '$lib/entry/cells';
import { GRID_COLUMNS, type GridList, type OptionSource } from '$lib/entry/grid-columns';
import type { Lead } from '$lib/domain/types';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	ORIGINS,
	STAGE_KINDS,
	TARGET_METRICS
} from '$lib/domain/types';
import { m } from '$lib/paraglide/messages.js';
import type { Lookups } from '$lib/state/queries';
import {
	activityTypeLabel,
	originLabel,
	responseLabel,
	stageKindLabel,
	targetMetricLabel
} from '../labels';

const HEADERS: Record<string, () => string> = {
	name: m.entry_col_name,
	company: m.entry_col_company,
	stageId: m.entry_col_stageId,
	value: m.entry_col_value,
	ownerId: m.entry_col_ownerId,
	campaignId: m.entry_col_campaignId,
	origin: m.entry_col_origin,
	createdAt: m.entry_col_createdAt,
	email: m.entry_col_email,
	phone: m.entry_col_phone,
	source: m.entry_col_source,
	expectedCloseDate: m.entry_col_expectedCloseDate,
	lostReason: m.entry_col_lostReason,
	leadId: m.entry_col_leadId,
	at: m.entry_col_at,
	repId: m.entry_col_repId,
	type: m.entry_col_type,
	response: m.entry_col_response,
	note: m.entry_col_note,
	active: m.entry_col_active,
	order: m.entry_col_order,
	kind: m.entry_col_kind,
	probability: m.entry_col_probability,
	qualified: m.entry_col_qualified,
	channel: m.entry_col_channel,
	budget: m.entry_col_budget,
	startDate: m.entry_col_startDate,
	endDate: m.entry_col_endDate,
	since: m.entry_col_since,
	churnedAt: m.entry_col_churnedAt,
	period: m.entry_col_period,
	amount: m.entry_col_amount,
	metric: m.entry_col_metric,
	from: m.entry_col_from,
	to: m.entry_col_to
};

export interface OptionSources {
	lookups: Lookups | undefined;
	leads?: readonly Lead[];
}

function leadOptions(leads: readonly Lead[]): Option[] {
	// Two leads may share a name: the company tells them apart in the list.
	return leads.map((l) => ({
		value: l.id,
		label: l.company ? `${l.name} (${l.company})` : l.name
	}));
}

export function optionsFor(source: OptionSource, from: OptionSources): Option[] {
	const lk = from.lookups;
	switch (source) {
		case 'reps':
			return (lk?.reps ?? []).map((r) => ({ value: r.id, label: r.name }));
		case 'stages':
			return (lk?.stages ?? []).map((s) => ({ value: s.id, label: s.name }));
		case 'campaigns':
			return (lk?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }));
		case 'leads':
			return leadOptions(from.leads ?? []);
		case 'origins':
			return ORIGINS.map((o) => ({ value: o, label: originLabel(o) }));
		case 'activityTypes':
			return ACTIVITY_TYPES.map((t) => ({ value: t, label: activityTypeLabel(t) }));
		case 'responses':
			return ACTIVITY_RESPONSES.map((r) => ({ value: r, label: responseLabel(r) }));
		case 'stageKinds':
			return STAGE_KINDS.map((k) => ({ value: k, label: stageKindLabel(k) }));
		case 'targetMetrics':
			return TARGET_METRICS.map((t) => ({ value: t, label: targetMetricLabel(t) }));
	}
}

/** The grid's columns with headers and choices. Names of deleted reps or stages still show:
 * old records keep pointing at them. */
export function resolveColumns(list: GridList, from: OptionSources): ColumnDef[] {
	const cache = new Map<OptionSource, Option[]>();
	return GRID_COLUMNS[list].map((spec) => {
		let options: Option[] | undefined;
		if (spec.options) {
			options = cache.get(spec.options);
			if (!options) cache.set(spec.options, (options = optionsFor(spec.options, from)));
		}
		return {
			field: spec.field,
			type: spec.type,
			label: HEADERS[spec.field]?.() ?? spec.field,
			required: spec.required,
			hasDefault: spec.hasDefault,
			readonly: spec.readonly,
			size: spec.size,
			options
		};
	});
}

/** Which lists a grid's drop-downs need leads for. */
export function needsLeads(list: GridList): boolean {
	return GRID_COLUMNS[list].some((c) => c.options === 'leads');
}
