// Column-mapping presets: the built-in ones for common CRM exports, and the person's own,
// saved by name. A preset is plain data (JSON), so saving one is a localStorage write.
import type { ActivityType, Origin } from '../../domain/types';
import type { ColumnMapping, ImportKind } from './fields';

export interface ImportPreset {
	id: string;
	name: string;
	kind: ImportKind;
	builtIn?: boolean;
	mapping: ColumnMapping;
	stageMap?: Record<string, string>;
	typeMap?: Record<string, ActivityType>;
	closedFromStageId?: string;
	defaultOrigin?: Origin;
	/** Headers that must all be present for the preset to be suggested for a file. */
	signature: string[];
}

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
			owner: 'OwnerId',
			campaign: 'CampaignId',
			source: 'LeadSource',
			createdAt: 'CreatedDate',
			closedAt: 'CloseDate',
			stage: 'StageName',
			isClosed: 'IsClosed',
			isWon: 'IsWon',
			value: 'Amount'
		},
		stageMap: {
			Prospecting: 'lead',
			Qualification: 'qualified',
			Discovery: 'contacted',
			'Needs Analysis': 'qualified',
			'Proposal/Quote': 'proposal',
			'Proposal/Price Quote': 'proposal',
			Negotiation: 'negotiation',
			'Negotiation/Review': 'negotiation',
			'Closed Won': 'won',
			'Closed Lost': 'lost'
		},
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
			type: 'Type__c',
			at: 'ActivityDate',
			owner: 'OwnerId',
			leadId: 'WhoId',
			note: 'Subject'
		},
		typeMap: { Call: 'call', Email: 'email', Meeting: 'meeting', Prep: 'other', Other: 'other' }
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
			company: 'Associated Company',
			source: 'Original Source Type'
		},
		stageMap: {
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
		},
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	},
	{
		id: 'pipedrive-deals',
		name: 'Pipedrive: deals',
		kind: 'leads',
		builtIn: true,
		signature: ['Deal - Title', 'Deal - Stage'],
		mapping: {
			id: 'Deal - ID',
			name: 'Deal - Title',
			company: 'Deal - Organization',
			value: 'Deal - Value',
			owner: 'Deal - Owner',
			stage: 'Deal - Stage',
			outcome: 'Deal - Status',
			createdAt: 'Deal - Deal created',
			closedAt: 'Deal - Deal closed on',
			expectedCloseDate: 'Deal - Expected close date',
			lostReason: 'Deal - Lost reason',
			source: 'Deal - Source origin'
		},
		stageMap: {
			'Lead In': 'lead',
			'Contact Made': 'contacted',
			'Needs Defined': 'qualified',
			Qualified: 'qualified',
			'Proposal Made': 'proposal',
			'Negotiations Started': 'negotiation',
			Won: 'won',
			Lost: 'lost'
		},
		closedFromStageId: 'qualified',
		defaultOrigin: 'sales'
	}
];

/** The presets whose signature headers are all in `headers`, best (longest signature) first. */
export function matchingPresets(
	headers: readonly string[],
	presets: readonly ImportPreset[]
): ImportPreset[] {
	const have = new Set(headers.map((h) => h.trim().toLowerCase()));
	return presets
		.filter((p) => p.signature.every((h) => have.has(h.toLowerCase())))
		.sort((a, b) => b.signature.length - a.signature.length);
}

/** Only the mapping entries whose columns the file has (a preset may name optional ones). */
export function presetMappingFor(preset: ImportPreset, headers: readonly string[]): ColumnMapping {
	const byLower = new Map(headers.map((h) => [h.trim().toLowerCase(), h]));
	const out: ColumnMapping = {};
	for (const [field, header] of Object.entries(preset.mapping)) {
		const h = header ? byLower.get(header.toLowerCase()) : undefined;
		if (h) out[field] = h;
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
