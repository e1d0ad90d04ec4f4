// The records of ../shared/spec/data-format.md, field for field.
// Pure types: no Svelte, Dexie or DOM, so Node, workers and the command line load them.

/** ISO 8601 instant with an offset or `Z`, e.g. `2026-11-27T10:00:00Z`. */
export type IsoInstant = string;
/** Date-only value `YYYY-MM-DD`: the start of that day in the workspace time zone. */
export type IsoDate = string;
/** An instant or a date-only value (fields such as `createdAt` and `at` accept both). */
export type IsoDateOrInstant = string;

export type StageKind = 'open' | 'won' | 'lost';
export type Origin = 'marketing' | 'sales';
export type ActivityType = 'call' | 'email' | 'meeting' | 'other';
export type ActivityResponse = 'positive' | 'negative' | 'neutral';

export const STAGE_KINDS: readonly StageKind[] = ['open', 'won', 'lost'];
export const ORIGINS: readonly Origin[] = ['marketing', 'sales'];
export const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'email', 'meeting', 'other'];
export const ACTIVITY_RESPONSES: readonly ActivityResponse[] = ['positive', 'negative', 'neutral'];

/** Fields every record carries. */
export interface RecordBase {
	id: string;
	/** Set on every change; the later one wins a merge. */
	updatedAt: IsoInstant;
	/** A tombstone: the record is deleted but kept so the delete travels to teammates. */
	deletedAt?: IsoInstant;
}

export interface Rep extends RecordBase {
	name: string;
	email?: string;
	active: boolean;
}

export interface Stage extends RecordBase {
	name: string;
	order: number;
	kind: StageKind;
	/** 0..1; won = 1, lost = 0. */
	probability: number;
	/** Reaching it makes a lead an opportunity. */
	qualified: boolean;
}

export interface Campaign extends RecordBase {
	name: string;
	channel?: string;
	origin: Origin;
	budget: number;
	startDate?: IsoDate;
	/** Inclusive. */
	endDate?: IsoDate;
}

export interface Lead extends RecordBase {
	name: string;
	company?: string;
	email?: string;
	phone?: string;
	ownerId: string;
	campaignId?: string;
	origin: Origin;
	source?: string;
	/** When the team learned of the lead. */
	createdAt: IsoDateOrInstant;
	/** Current stage, kept equal to the last stage event. */
	stageId: string;
	value?: number;
	expectedCloseDate?: IsoDate;
	lostReason?: string;
}

export interface StageEvent extends RecordBase {
	leadId: string;
	/** The stage entered. */
	stageId: string;
	at: IsoDateOrInstant;
	repId?: string;
}

export interface Activity extends RecordBase {
	leadId?: string | null;
	repId: string;
	type: ActivityType;
	at: IsoDateOrInstant;
	response?: ActivityResponse;
	note?: string;
}

export interface Customer extends RecordBase {
	name: string;
	ownerId?: string;
	/** The won lead it came from. */
	leadId?: string;
	since: IsoDateOrInstant;
	churnedAt?: IsoDateOrInstant;
}

export interface Forecast extends RecordBase {
	/** `2026-11`, `2026-Q4` or `2026`. */
	period: string;
	/** Absent: the whole team. */
	repId?: string;
	amount: number;
}

export type TargetMetric = 'wonValue' | 'won' | 'newLeads' | 'opportunities' | 'activities';
export const TARGET_METRICS: readonly TargetMetric[] = [
	'wonValue',
	'won',
	'newLeads',
	'opportunities',
	'activities'
];

/** A goal for a metric over a window of days (file version 2; spec/targets-and-forecast.md). */
export interface Target extends RecordBase {
	metric: TargetMetric;
	/** Absent, null or empty: the whole team. */
	repId?: string | null;
	/** First day of the window, included. */
	from: IsoDate;
	/** Last day of the window, included; not before `from`. */
	to: IsoDate;
	/** >= 0: money for `wonValue`, a count otherwise. */
	amount: number;
}

/** The record lists of the shared file and of the database, in file order. */
export interface Records {
	reps: Rep[];
	stages: Stage[];
	campaigns: Campaign[];
	leads: Lead[];
	stageEvents: StageEvent[];
	activities: Activity[];
	customers: Customer[];
	forecasts: Forecast[];
	/** File version 2 on. */
	targets: Target[];
}

export type RecordListName = keyof Records;

export const RECORD_LIST_NAMES: readonly RecordListName[] = [
	'reps',
	'stages',
	'campaigns',
	'leads',
	'stageEvents',
	'activities',
	'customers',
	'forecasts',
	'targets'
];

/** Any one record, by list. */
export type RecordOf<K extends RecordListName> = Records[K][number];

export interface Workspace {
	name: string;
	/** ISO 4217 code, e.g. `DKK`. */
	currency: string;
	/** IANA zone, e.g. `Europe/Copenhagen`. */
	timeZone: string;
}

/** The shared JSON file (`format: "tragt"`). */
export interface SharedFile extends Records {
	format: 'tragt';
	version: number;
	exportedAt: IsoInstant;
	workspace: Workspace;
}

/** The shape version this code writes. */
export const SHARED_FILE_VERSION = 2;

export function emptyRecords(): Records {
	return {
		reps: [],
		stages: [],
		campaigns: [],
		leads: [],
		stageEvents: [],
		activities: [],
		customers: [],
		forecasts: [],
		targets: []
	};
}
