// Column-mapping presets: the built-in ones for common CRM exports, and the person's own,
// saved by name. A preset is plain data (JSON), so saving one is a localStorage write.
import type { ActivityType, Origin } from '../../domain/types';
import { normalizeHeader, type ColumnMapping, type ImportKind } from './fields';

/**
 * A preset names each field's column as its vendor writes it. A list gives the variants seen
 * (`Deal - Deal created`, `Deal - Creation date`): those the file has are all kept, tried in
 * that order for each row. Headers compare regardless of case and spacing (normalizeHeader).
 */
export type PresetColumns = string | readonly string[];

export interface ImportPreset {
	id: string;
	name: string;
	kind: ImportKind;
	builtIn?: boolean;
	mapping: Record<string, PresetColumns>;
	stageMap?: Record<string, string>;
	typeMap?: Record<string, ActivityType>;
	closedFromStageId?: string;
	defaultOrigin?: Origin;
	/**
	 * Headers that must all be present for the preset to be suggested for a file; an entry that
	 * is a list is present when any of its variants is.
	 */
	signature: PresetColumns[];
}

// Sources for every header, stage and value below: docs/crm-export-formats.md.

/**
 * Pipedrive's default pipeline (new accounts: Qualified, Contact Made, Demo Scheduled, Proposal
 * Made, Negotiations Started; older ones: Idea/Lead In, Contact Made, Needs Defined, Proposal
 * Made, Negotiations Started), in its own order onto Tragt's: its first stage is where a new
 * deal lands, so "Qualified" there is Tragt's entry stage. Won and lost are its deal statuses.
 */
const PIPEDRIVE_STAGES: Record<string, string> = {
	Idea: 'lead',
	'Lead In': 'lead',
	Qualified: 'lead',
	'Contact Made': 'contacted',
	'Demo Scheduled': 'qualified',
	'Meeting Scheduled': 'qualified',
	'Meeting Arranged': 'qualified',
	'Needs Defined': 'qualified',
	'Proposal Made': 'proposal',
	'Negotiations Started': 'negotiation',
	Won: 'won',
	Lost: 'lost'
};

/** HubSpot's default sales pipeline: labels as the UI shows them and the internal ids. */
const HUBSPOT_DEAL_STAGES: Record<string, string> = {
	'Appointment Scheduled': 'contacted',
	appointmentscheduled: 'contacted',
	'Qualified To Buy': 'qualified',
	qualifiedtobuy: 'qualified',
	'Presentation Scheduled': 'proposal',
	presentationscheduled: 'proposal',
	'Decision Maker Bought-In': 'negotiation',
	decisionmakerboughtin: 'negotiation',
	'Contract Sent': 'negotiation',
	contractsent: 'negotiation',
	'Closed Won': 'won',
	closedwon: 'won',
	'Closed Lost': 'lost',
	closedlost: 'lost'
};

/** HubSpot lifecycle stages of contacts (labels and ids). */
const HUBSPOT_LIFECYCLE: Record<string, string> = {
	Subscriber: 'lead',
	subscriber: 'lead',
	Lead: 'lead',
	lead: 'lead',
	'Marketing Qualified Lead': 'contacted',
	marketingqualifiedlead: 'contacted',
	'Sales Qualified Lead': 'qualified',
	salesqualifiedlead: 'qualified',
	Opportunity: 'proposal',
	opportunity: 'proposal',
	Customer: 'won',
	customer: 'won',
	Evangelist: 'won',
	evangelist: 'won',
	Other: 'lead',
	other: 'lead'
};

/** Salesforce's default opportunity stages, and those of common sample orgs. */
const SALESFORCE_STAGES: Record<string, string> = {
	Prospecting: 'lead',
	Qualification: 'qualified',
	Discovery: 'contacted',
	'Needs Analysis': 'qualified',
	'Value Proposition': 'proposal',
	'Id. Decision Makers': 'proposal',
	'Perception Analysis': 'proposal',
	'Proposal/Quote': 'proposal',
	'Proposal/Price Quote': 'proposal',
	Negotiation: 'negotiation',
	'Negotiation/Review': 'negotiation',
	'Closed Won': 'won',
	'Closed Lost': 'lost'
};

const ACTIVITY_TYPES: Record<string, ActivityType> = {
	Call: 'call',
	call: 'call',
	'Phone call': 'call',
	Email: 'email',
	email: 'email',
	'E-mail': 'email',
	Meeting: 'meeting',
	meeting: 'meeting',
	Lunch: 'meeting',
	Task: 'other',
	task: 'other',
	Deadline: 'other',
	Prep: 'other',
	Other: 'other'
};

export const BUILT_IN_PRESETS: readonly ImportPreset[] = [
	{
		id: 'maven-crm',
		name: 'Maven CRM (sales_pipeline.csv)',
		kind: 'leads',
		builtIn: true,
		signature: ['opportunity_id', 'sales_agent', 'deal_stage', 'engage_date', 'close_date'],
		mapping: {
			id: 'opportunity_id',
			name: 'account',
			company: 'account',
			owner: 'sales_agent',
			stage: 'deal_stage',
			engagedAt: 'engage_date',
			closedAt: 'close_date',
			value: 'close_value',
			source: 'product'
		},
		stageMap: { Prospecting: 'lead', Engaging: 'qualified', Won: 'won', Lost: 'lost' },
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'salesforce-opportunity',
		name: 'Salesforce: Opportunity',
		kind: 'leads',
		builtIn: true,
		signature: ['Id', 'StageName', 'CloseDate', 'OwnerId'],
		mapping: {
			id: 'Id',
			name: 'Name',
			owner: ['Owner.Name', 'OwnerId'],
			campaign: 'CampaignId',
			source: 'LeadSource',
			createdAt: 'CreatedDate',
			closedAt: 'CloseDate',
			stage: 'StageName',
			isClosed: 'IsClosed',
			isWon: 'IsWon',
			value: 'Amount',
			company: ['Account.Name', 'AccountId']
		},
		stageMap: SALESFORCE_STAGES,
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'salesforce-opportunity-report',
		name: 'Salesforce: Opportunity report',
		kind: 'leads',
		builtIn: true,
		signature: ['Opportunity Name', 'Stage', 'Close Date'],
		mapping: {
			id: ['Opportunity ID', 'Opportunity Id'],
			name: 'Opportunity Name',
			company: 'Account Name',
			owner: ['Opportunity Owner', 'Owner Full Name', 'Owner'],
			source: 'Lead Source',
			createdAt: ['Created Date', 'Create Date'],
			closedAt: 'Close Date',
			stage: 'Stage',
			isClosed: 'Closed',
			isWon: 'Won',
			value: ['Amount', 'Amount (converted)'],
			lostReason: 'Loss Reason'
		},
		stageMap: SALESFORCE_STAGES,
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'salesforce-lead',
		name: 'Salesforce: Lead',
		kind: 'leads',
		builtIn: true,
		signature: ['Id', 'LastName', 'Company', 'Status', 'OwnerId'],
		mapping: {
			id: 'Id',
			name: 'Name',
			firstName: 'FirstName',
			lastName: 'LastName',
			company: 'Company',
			email: 'Email',
			phone: 'Phone',
			owner: 'OwnerId',
			source: 'LeadSource',
			createdAt: 'CreatedDate',
			stage: 'Status'
		},
		stageMap: {
			New: 'lead',
			'Open - Not Contacted': 'lead',
			Working: 'contacted',
			'Working - Contacted': 'contacted',
			Nurturing: 'contacted',
			Qualified: 'qualified',
			'Closed - Converted': 'qualified',
			Unqualified: 'lost',
			'Closed - Not Converted': 'lost'
		},
		defaultOrigin: 'marketing'
	},
	{
		id: 'salesforce-task',
		name: 'Salesforce: Task',
		kind: 'activities',
		builtIn: true,
		signature: ['Id', 'WhoId', 'Subject', 'ActivityDate', 'OwnerId'],
		mapping: {
			id: 'Id',
			type: ['Type__c', 'Type', 'TaskSubtype'],
			at: ['CompletedDateTime', 'ActivityDate'],
			owner: 'OwnerId',
			leadId: ['WhatId', 'WhoId'],
			note: 'Subject'
		},
		typeMap: ACTIVITY_TYPES
	},
	{
		id: 'hubspot-deals',
		name: 'HubSpot: deals',
		kind: 'leads',
		builtIn: true,
		signature: ['Record ID', 'Deal Name', 'Deal Stage'],
		mapping: {
			id: 'Record ID',
			name: 'Deal Name',
			stage: 'Deal Stage',
			value: 'Amount',
			owner: 'Deal owner',
			closedAt: 'Close Date',
			createdAt: 'Create Date',
			isWon: 'Is Closed Won',
			company: ['Associated Company', 'Associated Company (Primary)'],
			source: ['Original Source Type', 'Original Traffic Source'],
			lostReason: 'Closed Lost Reason'
		},
		stageMap: HUBSPOT_DEAL_STAGES,
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'hubspot-contacts',
		name: 'HubSpot: contacts',
		kind: 'leads',
		builtIn: true,
		signature: ['Record ID', 'First Name', 'Last Name', ['Lifecycle Stage', 'Email']],
		mapping: {
			id: 'Record ID',
			firstName: 'First Name',
			lastName: 'Last Name',
			email: 'Email',
			phone: ['Phone Number', 'Mobile Phone Number'],
			company: ['Company Name', 'Associated Company'],
			owner: 'Contact owner',
			createdAt: 'Create Date',
			stage: 'Lifecycle Stage',
			wonAt: 'Became a Customer Date',
			source: ['Original Source', 'Original Traffic Source', 'Original Source Type']
		},
		stageMap: HUBSPOT_LIFECYCLE,
		defaultOrigin: 'marketing'
	},
	{
		id: 'hubspot-activities',
		name: 'HubSpot: activities (calls, emails, meetings)',
		kind: 'activities',
		builtIn: true,
		signature: [
			['Activity date', 'Activity Date'],
			['Activity type', 'Activity Type']
		],
		mapping: {
			id: ['Record ID', 'Activity ID'],
			type: ['Activity type', 'Activity Type'],
			at: ['Activity date', 'Activity Date', 'Create Date'],
			owner: ['Activity assigned to', 'Assigned to', 'Activity owner', 'HubSpot Owner'],
			leadId: ['Associated Deal IDs', 'Associated Deal ID', 'Associated Deal'],
			response: 'Call outcome',
			note: ['Call title', 'Meeting name', 'Email subject', 'Subject', 'Activity body']
		},
		typeMap: {
			...ACTIVITY_TYPES,
			CALL: 'call',
			EMAIL: 'email',
			INCOMING_EMAIL: 'email',
			MEETING: 'meeting',
			TASK: 'other',
			NOTE: 'other'
		}
	},
	{
		id: 'pipedrive-deals',
		name: 'Pipedrive: deals',
		kind: 'leads',
		builtIn: true,
		signature: [
			['Deal - Title', 'Title'],
			['Deal - Stage', 'Deal - Stage (pipeline)', 'Stage']
		],
		mapping: {
			id: ['Deal - ID', 'Deal - Pipedrive System ID', 'ID'],
			name: ['Deal - Title', 'Title'],
			company: ['Deal - Organization', 'Organization', 'Deal - Organization name'],
			value: ['Deal - Value', 'Value'],
			owner: ['Deal - Owner', 'Owner'],
			stage: ['Deal - Stage', 'Deal - Stage (pipeline)', 'Stage'],
			outcome: ['Deal - Status', 'Status'],
			createdAt: [
				'Deal - Deal created',
				'Deal - Creation date',
				'Deal - Deal created on',
				'Deal - Add time',
				'Deal created',
				'Add time'
			],
			closedAt: [
				'Deal - Deal closed on',
				'Deal - Closed on',
				'Deal - Close time',
				'Deal closed on',
				'Close time'
			],
			wonAt: ['Deal - Won time', 'Won time'],
			lostAt: ['Deal - Lost time', 'Lost time'],
			expectedCloseDate: ['Deal - Expected close date', 'Expected close date'],
			lostReason: ['Deal - Lost reason', 'Lost reason'],
			source: ['Deal - Source origin', 'Deal - Source channel', 'Deal - Source']
		},
		stageMap: PIPEDRIVE_STAGES,
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'pipedrive-persons',
		name: 'Pipedrive: people (as leads)',
		kind: 'leads',
		builtIn: true,
		signature: [['Person - Name', 'Person - First name']],
		mapping: {
			id: ['Person - ID', 'Person - Pipedrive System ID'],
			name: 'Person - Name',
			firstName: 'Person - First name',
			lastName: 'Person - Last name',
			company: ['Person - Organization', 'Organization'],
			email: ['Person - Email', 'Person - Email (Work)', 'Person - Email - Work'],
			phone: ['Person - Phone', 'Person - Phone (Work)', 'Person - Phone (Mobile)'],
			owner: 'Person - Owner',
			createdAt: ['Person - Person created', 'Person - Creation date', 'Person - Add time']
		},
		defaultOrigin: 'marketing'
	},
	{
		id: 'pipedrive-activities',
		name: 'Pipedrive: activities',
		kind: 'activities',
		builtIn: true,
		signature: ['Activity - Subject', 'Activity - Type'],
		mapping: {
			id: ['Activity - ID', 'Activity - Pipedrive System ID'],
			type: 'Activity - Type',
			at: ['Activity - Marked as done time', 'Activity - Due date', 'Activity - Creation date'],
			owner: ['Activity - Assigned to user', 'Activity - Owner', 'Activity - User'],
			leadId: ['Activity - Deal ID', 'Deal - ID', 'Deal ID'],
			note: 'Activity - Subject'
		},
		typeMap: ACTIVITY_TYPES
	}
];

const variants = (c: PresetColumns): readonly string[] => (typeof c === 'string' ? [c] : c);

/**
 * The presets whose signature headers are all in `headers`, best first: the most signature
 * entries, then the most mapped fields the file has.
 */
export function matchingPresets(
	headers: readonly string[],
	presets: readonly ImportPreset[]
): ImportPreset[] {
	const have = new Set(headers.map(normalizeHeader));
	const score = (p: ImportPreset) => Object.keys(presetMappingFor(p, headers)).length;
	return presets
		.filter((p) =>
			p.signature.every((entry) => variants(entry).some((h) => have.has(normalizeHeader(h))))
		)
		.sort((a, b) => b.signature.length - a.signature.length || score(b) - score(a));
}

/**
 * The preset's mapping for this file's headers: each field gets the columns the file has, in
 * the preset's order (one header, or a list tried in order per row); fields the file lacks are
 * left out.
 */
export function presetMappingFor(preset: ImportPreset, headers: readonly string[]): ColumnMapping {
	const byNorm = new Map<string, string>();
	for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);
	const out: ColumnMapping = {};
	for (const [field, cols] of Object.entries(preset.mapping)) {
		const found: string[] = [];
		for (const v of variants(cols)) {
			const h = byNorm.get(normalizeHeader(v));
			if (h && !found.includes(h)) found.push(h);
		}
		if (found.length) out[field] = found.length === 1 ? found[0] : found;
	}
	return out;
}

const STORAGE_KEY = 'tragt.import-presets';

/** The person's own presets, from storage (bad JSON reads as none). */
export function loadUserPresets(storage: Pick<Storage, 'getItem'> | undefined): ImportPreset[] {
	try {
		const raw = storage?.getItem(STORAGE_KEY);
		const list = raw ? (JSON.parse(raw) as unknown) : [];
		return Array.isArray(list) ? list.filter(isPreset) : [];
	} catch {
		return [];
	}
}

function isPreset(v: unknown): v is ImportPreset {
	if (typeof v !== 'object' || v === null) return false;
	const p = v as Record<string, unknown>;
	return (
		typeof p.id === 'string' &&
		typeof p.name === 'string' &&
		typeof p.kind === 'string' &&
		typeof p.mapping === 'object' &&
		p.mapping !== null &&
		Array.isArray(p.signature)
	);
}

/** Saves (adds or replaces by id) one preset; returns the new list. */
export function saveUserPreset(
	storage: Pick<Storage, 'getItem' | 'setItem'>,
	preset: ImportPreset
): ImportPreset[] {
	const list = loadUserPresets(storage).filter((p) => p.id !== preset.id);
	list.push({ ...preset, builtIn: false });
	list.sort((a, b) => a.name.localeCompare(b.name));
	storage.setItem(STORAGE_KEY, JSON.stringify(list));
	return list;
}

export function deleteUserPreset(
	storage: Pick<Storage, 'getItem' | 'setItem'>,
	id: string
): ImportPreset[] {
	const list = loadUserPresets(storage).filter((p) => p.id !== id);
	storage.setItem(STORAGE_KEY, JSON.stringify(list));
	return list;
}
