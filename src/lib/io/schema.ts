// The fields of each record list, in the order the file and the CSV tables write them.
// One table drives validation, serialization and CSV columns, so they cannot drift apart.

import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	ORIGINS,
	STAGE_KINDS,
	TARGET_METRICS,
	type RecordListName
} from '../domain/types';

export type FieldType =
	| 'text' // any string, empty allowed (a person may clear a name in the grid)
	| 'id' // a non-empty string: a record's id or a reference to another record
	| 'bool'
	| 'int'
	| 'money' // finite number >= 0
	| 'probability' // number in 0..1
	| 'instant' // ISO 8601 with an offset or Z
	| 'date' // YYYY-MM-DD
	| 'dateOrInstant'
	| 'period' // YYYY-MM, YYYY-Qn or YYYY
	| { enum: readonly string[] };

export interface FieldSpec {
	name: string;
	type: FieldType;
	optional?: boolean;
}

const BASE: FieldSpec[] = [
	{ name: 'id', type: 'id' },
	{ name: 'updatedAt', type: 'instant' },
	{ name: 'deletedAt', type: 'instant', optional: true }
];

export const RECORD_FIELDS: Record<RecordListName, readonly FieldSpec[]> = {
	reps: [
		...BASE,
		{ name: 'name', type: 'text' },
		{ name: 'email', type: 'text', optional: true },
		{ name: 'active', type: 'bool' }
	],
	stages: [
		...BASE,
		{ name: 'name', type: 'text' },
		{ name: 'order', type: 'int' },
		{ name: 'kind', type: { enum: STAGE_KINDS } },
		{ name: 'probability', type: 'probability' },
		{ name: 'qualified', type: 'bool' }
	],
	campaigns: [
		...BASE,
		{ name: 'name', type: 'text' },
		{ name: 'channel', type: 'text', optional: true },
		{ name: 'origin', type: { enum: ORIGINS } },
		{ name: 'budget', type: 'money' },
		{ name: 'startDate', type: 'date', optional: true },
		{ name: 'endDate', type: 'date', optional: true }
	],
	leads: [
		...BASE,
		{ name: 'name', type: 'text' },
		{ name: 'company', type: 'text', optional: true },
		{ name: 'email', type: 'text', optional: true },
		{ name: 'phone', type: 'text', optional: true },
		{ name: 'ownerId', type: 'id' },
		{ name: 'campaignId', type: 'id', optional: true },
		{ name: 'origin', type: { enum: ORIGINS } },
		{ name: 'source', type: 'text', optional: true },
		{ name: 'createdAt', type: 'dateOrInstant' },
		{ name: 'stageId', type: 'id' },
		{ name: 'value', type: 'money', optional: true },
		{ name: 'expectedCloseDate', type: 'date', optional: true },
		{ name: 'lostReason', type: 'text', optional: true }
	],
	stageEvents: [
		...BASE,
		{ name: 'leadId', type: 'id' },
		{ name: 'stageId', type: 'id' },
		{ name: 'at', type: 'dateOrInstant' },
		{ name: 'repId', type: 'id', optional: true }
	],
	activities: [
		...BASE,
		// Text, not id: the KPI spec treats an empty leadId like an absent one.
		{ name: 'leadId', type: 'text', optional: true },
		{ name: 'repId', type: 'id' },
		{ name: 'type', type: { enum: ACTIVITY_TYPES } },
		{ name: 'at', type: 'dateOrInstant' },
		{ name: 'response', type: { enum: ACTIVITY_RESPONSES }, optional: true },
		{ name: 'note', type: 'text', optional: true }
	],
	customers: [
		...BASE,
		{ name: 'name', type: 'text' },
		{ name: 'ownerId', type: 'id', optional: true },
		{ name: 'leadId', type: 'id', optional: true },
		{ name: 'since', type: 'dateOrInstant' },
		{ name: 'churnedAt', type: 'dateOrInstant', optional: true }
	],
	forecasts: [
		...BASE,
		{ name: 'period', type: 'period' },
		{ name: 'repId', type: 'id', optional: true },
		{ name: 'amount', type: 'money' }
	],
	targets: [
		...BASE,
		{ name: 'metric', type: { enum: TARGET_METRICS } },
		// Absent, null or '' (a cleared drop-down): the whole team's target.
		{ name: 'repId', type: 'id', optional: true },
		{ name: 'from', type: 'date' },
		{ name: 'to', type: 'date' },
		{ name: 'amount', type: 'money' }
	]
};

/** Field names per list, in file order. */
export const RECORD_COLUMNS: Record<RecordListName, readonly string[]> = Object.fromEntries(
	Object.entries(RECORD_FIELDS).map(([list, fields]) => [list, fields.map((f) => f.name)])
) as unknown as Record<RecordListName, readonly string[]>;

export const PERIOD_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;
