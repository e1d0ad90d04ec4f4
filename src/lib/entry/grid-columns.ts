// Which columns each grid shows, in order, with their types. Option lists and header texts
// come from the UI (they need the lookups and the translations); this file says only what
// each column is, so that the paste planner and the grid agree.
import type { CellType } from './cells';

export type OptionSource =
	| 'reps'
	| 'stages'
	| 'campaigns'
	| 'leads'
	| 'origins'
	| 'activityTypes'
	| 'responses'
	| 'stageKinds'
	| 'targetMetrics';

export interface ColumnSpec {
	field: string;
	type: CellType;
	required?: boolean;
	hasDefault?: boolean;
	readonly?: boolean;
	options?: OptionSource;
	size?: number;
}

export type GridList =
	| 'leads'
	| 'stageEvents'
	| 'activities'
	| 'reps'
	| 'stages'
	| 'campaigns'
	| 'customers'
	| 'forecasts'
	| 'targets';

export const GRID_COLUMNS: Record<GridList, readonly ColumnSpec[]> = {
	leads: [
		{ field: 'name', type: 'text', required: true, size: 200 },
		{ field: 'company', type: 'text', size: 160 },
		{
			field: 'stageId',
			type: 'select',
			options: 'stages',
			required: true,
			hasDefault: true,
			size: 130
		},
		{ field: 'value', type: 'money', size: 110 },
		{
			field: 'ownerId',
			type: 'select',
			options: 'reps',
			required: true,
			hasDefault: true,
			size: 140
		},
		{ field: 'campaignId', type: 'select', options: 'campaigns', size: 150 },
		{
			field: 'origin',
			type: 'select',
			options: 'origins',
			required: true,
			hasDefault: true,
			size: 110
		},
		{ field: 'createdAt', type: 'instant', required: true, hasDefault: true, size: 150 },
		{ field: 'email', type: 'email', size: 180 },
		{ field: 'phone', type: 'text', size: 130 },
		{ field: 'source', type: 'text', size: 120 },
		{ field: 'expectedCloseDate', type: 'date', size: 120 },
		{ field: 'lostReason', type: 'text', size: 160 }
	],
	stageEvents: [
		{ field: 'leadId', type: 'select', options: 'leads', required: true, size: 200 },
		{ field: 'stageId', type: 'select', options: 'stages', required: true, size: 140 },
		{ field: 'at', type: 'instant', required: true, hasDefault: true, size: 160 },
		{ field: 'repId', type: 'select', options: 'reps', hasDefault: true, size: 150 }
	],
	activities: [
		{ field: 'at', type: 'instant', required: true, hasDefault: true, size: 160 },
		{ field: 'leadId', type: 'select', options: 'leads', size: 200 },
		{ field: 'type', type: 'select', options: 'activityTypes', required: true, size: 110 },
		{ field: 'response', type: 'select', options: 'responses', size: 110 },
		{
			field: 'repId',
			type: 'select',
			options: 'reps',
			required: true,
			hasDefault: true,
			size: 150
		},
		{ field: 'note', type: 'text', size: 260 }
	],
	reps: [
		{ field: 'name', type: 'text', required: true, size: 200 },
		{ field: 'email', type: 'email', size: 220 },
		{ field: 'active', type: 'boolean', required: true, hasDefault: true, size: 90 }
	],
	stages: [
		{ field: 'name', type: 'text', required: true, size: 180 },
		{ field: 'order', type: 'integer', required: true, hasDefault: true, size: 80 },
		{
			field: 'kind',
			type: 'select',
			options: 'stageKinds',
			required: true,
			hasDefault: true,
			size: 100
		},
		{ field: 'probability', type: 'percent', required: true, hasDefault: true, size: 110 },
		{ field: 'qualified', type: 'boolean', required: true, hasDefault: true, size: 100 }
	],
	campaigns: [
		{ field: 'name', type: 'text', required: true, size: 200 },
		{ field: 'channel', type: 'text', size: 130 },
		{
			field: 'origin',
			type: 'select',
			options: 'origins',
			required: true,
			hasDefault: true,
			size: 110
		},
		{ field: 'budget', type: 'money', required: true, hasDefault: true, size: 120 },
		{ field: 'startDate', type: 'date', size: 120 },
		{ field: 'endDate', type: 'date', size: 120 }
	],
	customers: [
		{ field: 'name', type: 'text', required: true, size: 200 },
		{ field: 'ownerId', type: 'select', options: 'reps', size: 150 },
		{ field: 'leadId', type: 'select', options: 'leads', size: 200 },
		{ field: 'since', type: 'date', required: true, hasDefault: true, size: 120 },
		{ field: 'churnedAt', type: 'date', size: 120 }
	],
	forecasts: [
		{ field: 'period', type: 'period', required: true, size: 110 },
		{ field: 'repId', type: 'select', options: 'reps', size: 160 },
		{ field: 'amount', type: 'money', required: true, size: 130 }
	],
	// The window has a default: the page's preset (this month or this quarter) fills it in.
	targets: [
		{
			field: 'metric',
			type: 'select',
			options: 'targetMetrics',
			required: true,
			hasDefault: true,
			size: 150
		},
		{ field: 'repId', type: 'select', options: 'reps', size: 160 },
		{ field: 'from', type: 'date', required: true, hasDefault: true, size: 120 },
		{ field: 'to', type: 'date', required: true, hasDefault: true, size: 120 },
		{ field: 'amount', type: 'money', required: true, size: 130 }
	]
};
