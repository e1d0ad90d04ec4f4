// What a CSV column can be mapped to, per kind of import, and suggestions from the headers.
// Field keys are stable (they are saved in presets); labels come from the message files.

export type ImportKind = 'leads' | 'activities' | 'campaigns' | 'customers' | 'forecasts';
export const IMPORT_KINDS: readonly ImportKind[] = [
	'leads',
	'activities',
	'campaigns',
	'customers',
	'forecasts'
];

export type FieldKind =
	| 'text'
	| 'date'
	| 'day'
	| 'number'
	| 'boolean'
	| 'stage'
	| 'rep'
	| 'campaign'
	| 'type'
	| 'origin'
	| 'response'
	| 'period';

export interface TargetField {
	key: string;
	kind: FieldKind;
	/** Needed for every row (after fallbacks). */
	required?: boolean;
	/** Lower-case header names (and fragments) that suggest this field. */
	hints: readonly string[];
}

const id: TargetField = {
	key: 'id',
	kind: 'text',
	hints: ['id', 'record id', 'opportunity_id', 'deal id', 'mql_id']
};

export const TARGET_FIELDS: Record<ImportKind, readonly TargetField[]> = {
	leads: [
		id,
		{
			key: 'name',
			kind: 'text',
			hints: ['name', 'deal name', 'title', 'deal - title', 'opportunity name', 'lead name', 'navn']
		},
		{ key: 'firstName', kind: 'text', hints: ['firstname', 'first name', 'first_name'] },
		{ key: 'lastName', kind: 'text', hints: ['lastname', 'last name', 'last_name'] },
		{
			key: 'company',
			kind: 'text',
			hints: ['company', 'account', 'organization', 'organisation', 'organization - name', 'firma']
		},
		{ key: 'email', kind: 'text', hints: ['email', 'e-mail', 'mail'] },
		{ key: 'phone', kind: 'text', hints: ['phone', 'telephone', 'telefon', 'mobile'] },
		{
			key: 'owner',
			kind: 'rep',
			hints: [
				'owner',
				'ownerid',
				'deal owner',
				'sales_agent',
				'sales agent',
				'rep',
				'sælger',
				'deal - owner',
				'sr_id'
			]
		},
		{ key: 'campaign', kind: 'campaign', hints: ['campaign', 'campaignid', 'kampagne'] },
		{ key: 'origin', kind: 'origin', hints: ['origin type'] },
		{
			key: 'source',
			kind: 'text',
			hints: ['source', 'leadsource', 'lead source', 'origin', 'kilde']
		},
		{
			key: 'createdAt',
			kind: 'date',
			hints: [
				'createddate',
				'created',
				'create date',
				'created at',
				'deal created',
				'first_contact_date',
				'deal - deal created',
				'oprettet'
			]
		},
		{ key: 'engagedAt', kind: 'date', hints: ['engage_date', 'engaged', 'engage date'] },
		{
			key: 'closedAt',
			kind: 'date',
			hints: [
				'close_date',
				'closedate',
				'close date',
				'closed',
				'deal - deal closed on',
				'deal closed on',
				'closed on',
				'close time',
				'lukket'
			]
		},
		// Pipedrive writes when a deal was won and when it was lost in two columns: a won deal's
		// close is its won time, a lost deal's its lost time (the close date above is the fallback).
		{
			key: 'wonAt',
			kind: 'date',
			hints: ['deal - won time', 'won time', 'won_date', 'won date', 'became a customer date']
		},
		{ key: 'lostAt', kind: 'date', hints: ['deal - lost time', 'lost time', 'lost date'] },
		{
			key: 'stage',
			kind: 'stage',
			hints: ['stage', 'stagename', 'deal_stage', 'deal stage', 'status', 'deal - stage', 'fase']
		},
		{ key: 'outcome', kind: 'text', hints: ['deal - status', 'outcome'] },
		{ key: 'isClosed', kind: 'boolean', hints: ['isclosed', 'is closed'] },
		{ key: 'isWon', kind: 'boolean', hints: ['iswon', 'is won'] },
		{
			key: 'value',
			kind: 'number',
			hints: ['amount', 'value', 'close_value', 'deal - value', 'deal value', 'beløb', 'værdi']
		},
		{
			key: 'expectedCloseDate',
			kind: 'day',
			hints: ['expected close', 'expected close date', 'deal - expected close date']
		},
		{
			key: 'lostReason',
			kind: 'text',
			hints: ['lost reason', 'lost_reason', 'deal - lost reason', 'closed lost reason']
		}
	],
	activities: [
		id,
		{
			key: 'type',
			kind: 'type',
			hints: ['type', 'type__c', 'activity type', 'tasksubtype', 'activity - type']
		},
		{
			key: 'at',
			kind: 'date',
			required: true,
			hints: ['activitydate', 'date', 'at', 'due date', 'activity - due date', 'dato']
		},
		{
			key: 'owner',
			kind: 'rep',
			hints: ['owner', 'ownerid', 'rep', 'assigned to', 'activity - assigned to user']
		},
		{ key: 'leadId', kind: 'text', hints: ['whoid', 'lead', 'leadid', 'lead id', 'deal id'] },
		{ key: 'response', kind: 'response', hints: ['response', 'outcome', 'svar'] },
		{
			key: 'note',
			kind: 'text',
			hints: ['subject', 'note', 'description', 'activity - subject', 'notat']
		}
	],
	campaigns: [
		id,
		{ key: 'name', kind: 'text', required: true, hints: ['name', 'campaign', 'campaign name'] },
		{ key: 'channel', kind: 'text', hints: ['type', 'channel', 'kanal'] },
		{ key: 'origin', kind: 'origin', hints: ['origin'] },
		{
			key: 'budget',
			kind: 'number',
			hints: ['budget', 'budgetedcost', 'actualcost', 'cost', 'spend']
		},
		{ key: 'startDate', kind: 'day', hints: ['startdate', 'start date', 'start'] },
		{ key: 'endDate', kind: 'day', hints: ['enddate', 'end date', 'end'] }
	],
	customers: [
		id,
		{
			key: 'name',
			kind: 'text',
			required: true,
			hints: ['name', 'account', 'account_name', 'customer', 'kunde']
		},
		{ key: 'owner', kind: 'rep', hints: ['owner', 'ownerid'] },
		{ key: 'leadId', kind: 'text', hints: ['lead', 'leadid', 'mql_id'] },
		{
			key: 'since',
			kind: 'date',
			required: true,
			hints: ['since', 'signup_date', 'start_date', 'won_date', 'customer since']
		},
		{ key: 'churnedAt', kind: 'date', hints: ['churned', 'churn_date', 'end_date', 'churnedat'] }
	],
	forecasts: [
		id,
		{
			key: 'period',
			kind: 'period',
			required: true,
			hints: ['period', 'month', 'quarter', 'periode']
		},
		{ key: 'owner', kind: 'rep', hints: ['rep', 'owner', 'sælger'] },
		{ key: 'amount', kind: 'number', required: true, hints: ['amount', 'forecast', 'beløb'] }
	]
};

/**
 * Source column per field key: one header, or several tried in order (a row takes the first
 * that is not empty: Pipedrive's `Deal - Deal created`, else `Deal - Add time`). Absent, '' or
 * an empty list means not mapped.
 */
export type ColumnMapping = Record<string, string | string[] | undefined>;

/** The columns mapped to `field`, in order (none: []). */
export function mappedColumns(mapping: ColumnMapping, field: string): string[] {
	const v = mapping[field];
	if (v === undefined || v === '') return [];
	return Array.isArray(v) ? v.filter((h) => h !== '') : [v];
}

/**
 * A header as the presets and suggestions compare it: case, surrounding and repeated spaces and
 * an import template's required-mark (`Deal - Title*`) do not count.
 */
export function normalizeHeader(h: string): string {
	return h
		.trim()
		.replace(/\s*\*$/, '')
		.toLowerCase()
		.replace(/\s+/g, ' ');
}

const norm = normalizeHeader;

/**
 * Suggests a column for each field from the headers: an exact (case-insensitive) hint first,
 * then a header containing a hint of four letters or more. A header is used for one field only,
 * in field order, so `Name` goes to the name and not to the campaign's name.
 */
export function suggestMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
	const out: ColumnMapping = {};
	const used = new Set<string>();
	const normalized = headers.map(norm);
	const fields = TARGET_FIELDS[kind];
	for (const pass of ['exact', 'contains'] as const) {
		for (const f of fields) {
			if (out[f.key]) continue;
			for (const hint of f.hints) {
				const i = normalized.findIndex(
					(h, j) =>
						!used.has(headers[j]) &&
						(pass === 'exact' ? h === hint : hint.length >= 4 && h.includes(hint))
				);
				if (i >= 0) {
					out[f.key] = headers[i];
					used.add(headers[i]);
					break;
				}
			}
		}
	}
	return out;
}
