// The KPI engine's columnar dataset: built once from the records (entity rows as objects, the
// two large logs as columns), so that computeKpis is a few linear passes over typed arrays.
//
// Everything the spec calls "history as it is now" is derived here once per lead: the sorted
// live stage history, closedAt and outcome, first contact, cycle start, opportunityAt and the
// stages reached. Only live records are kept (tombstones, orphans and events into unknown
// stages are dropped here, so no KPI has to test for them again).

import {
	activitiesToColumns,
	stageEventsToColumns,
	StringDictionary,
	type ActivityColumns,
	type StageEventColumns
} from '../domain/columns';
import { daysInMonth, isIsoDate } from '../domain/time';
import type { Campaign, Customer, Forecast, Lead, Records, Rep, Stage } from '../domain/types';
import { forecastPeriodBounds, monthTableFor } from './buckets';
import { instantParser } from './fast-instant';
import {
	activityViews,
	buildLogs,
	cloneLogs,
	filledStrings,
	updateLogs,
	type IdList,
	type LogIndex,
	type LogsChange,
	type LogsUpdate
} from './logs';
import { patchDataset, planPatch } from './patch';

export interface DatasetInput {
	timeZone: string;
	reps: Rep[];
	stages: Stage[];
	campaigns: Campaign[];
	leads: Lead[];
	customers: Customer[];
	forecasts: Forecast[];
	activities: ActivityColumns;
	stageEvents: StageEventColumns;
	/**
	 * The activities' ids, when not in `activities.id` (then left empty): e.g. PackedIds of the
	 * stored blocks, split only when read.
	 */
	activityIds?: IdList;
	/** liveActivityOrder(activities), when worked out beforehand. */
	activityOrder?: Int32Array;
}

export const KIND_OPEN = 0;
export const KIND_WON = 1;
export const KIND_LOST = 2;

export const OUTCOME_OPEN = 0;
export const OUTCOME_WON = 1;
export const OUTCOME_LOST = 2;

/** Figures that depend on the zone used to cut calendars; cached per zone. */
export interface ZoneDerived {
	/** Per forecast: [start, end) of its period, NaN for a malformed period. */
	forecastStart: Float64Array;
	forecastEnd: Float64Array;
	/** Per campaign: [startDate, endDate + 1 day), +-Infinity when open-ended. */
	campaignStart: Float64Array;
	campaignEnd: Float64Array;
	/** Per rep index: live activities by calendar month, rep * 12 + (month - 1). */
	seasonByRep: Int32Array;
}

export interface KpiDataset {
	/** The workspace zone the records' date-only values were resolved in. */
	timeZone: string;

	/** Every rep id any record names (reps, owners, activity and forecast reps). */
	repIds: string[];
	repIndex: Map<string, number>;

	/** Live stages in record order. */
	stageIds: string[];
	stageIndex: Map<string, number>;
	stageKind: Uint8Array;
	stageOrder: Float64Array;
	stageProbability: Float64Array;
	stageQualified: Uint8Array;
	/** Open stages sorted by order, then id. */
	openStages: Int32Array;
	/** The first won stage by order (then id), -1 if the pipeline has none. */
	firstWonStage: number;

	/** Live campaigns in record order, with their all-time figures (no period, no filter). */
	campaignIds: string[];
	campaignBudget: Float64Array;
	campaignStartDate: (string | undefined)[];
	campaignEndDate: (string | undefined)[];
	campaignLeads: Int32Array;
	campaignOpportunities: Int32Array;
	campaignWon: Int32Array;
	campaignWonValue: Float64Array;

	/** Live leads in record order. */
	leadCount: number;
	/** Each lead's key in the log index's lead dictionary. */
	leadKey: Int32Array;
	/** The live lead and customer records, to reuse parsed instants of unchanged records. */
	leadRecords: Lead[];
	customerRecords: Customer[];
	leadIds: string[];
	/** Lead index of each key of the log index's lead dictionary, -1 for none. */
	keyToLead: Int32Array;
	leadOwner: Int32Array;
	/** 0 marketing, 1 sales. */
	leadOrigin: Uint8Array;
	/** Index of a live campaign, -1 when none. */
	leadCampaign: Int32Array;
	leadCreatedAt: Float64Array;
	/** A missing value is 0. */
	leadValue: Float64Array;
	/** Month number (year * 12 + month - 1) of expectedCloseDate, -1 when none. */
	leadExpectedMonth: Int32Array;

	/** Stage history, CSR: lead i's events are evStart[i] .. evStart[i + 1] - 1, sorted. */
	evStart: Int32Array;
	/** Stage index, -1 for the implicit event of a lead whose stage is unknown. */
	evStage: Int32Array;
	evAt: Float64Array;

	/** NaN when open. */
	closedAt: Float64Array;
	outcome: Uint8Array;
	/** NaN when the lead has no live activity. */
	firstContactAt: Float64Array;
	cycleStart: Float64Array;
	/** NaN when the lead never became an opportunity. */
	opportunityAt: Float64Array;
	/** Highest order among the open stages the lead entered, -Infinity if none. */
	reachedOrder: Float64Array;
	reachedWon: Uint8Array;
	/**
	 * Won leads sorted by closedAt (then record order), and their closedAt: KPI 11's period
	 * sums. Also grouped by owner (CSR over rep indexes: wonOwnerStart[r] .. [r + 1] - 1).
	 */
	wonByClose: Int32Array;
	wonCloseAt: Float64Array;
	wonOwnerStart: Int32Array;
	wonByOwner: Int32Array;
	wonOwnerCloseAt: Float64Array;

	/** Live activities (lead live or none), sorted by `at`. */
	actCount: number;
	actAt: Float64Array;
	actRep: Int32Array;
	actType: Uint8Array;
	/** 0 none, else 1 + index in ACTIVITY_RESPONSES. */
	actResponse: Uint8Array;
	/** Lead key (-1: none) and id of each activity: idPools[actPool[k]].at(actPoolRow[k]). */
	actLead: Int32Array;
	actPool: Uint16Array;
	actPoolRow: Int32Array;
	idPools: IdList[];

	/** Live customers in record order. */
	customerIds: string[];
	customerOwner: Int32Array;
	customerSince: Float64Array;
	/** NaN when not churned. */
	customerChurnedAt: Float64Array;

	/** Live forecasts sorted by id. */
	forecastIds: string[];
	forecastPeriod: string[];
	/** -1 for a team forecast. */
	forecastRep: Int32Array;
	forecastAmount: Float64Array;

	zoneCache: Map<string, ZoneDerived>;

	/** What the dataset was derived from, for updateDataset. */
	logs: LogIndex;
	entities: DatasetEntities;
}

/** The entity lists of a dataset (records as stored, tombstones included). */
export type DatasetEntities = Pick<
	DatasetInput,
	'reps' | 'stages' | 'campaigns' | 'leads' | 'customers' | 'forecasts'
>;

/**
 * A change to apply with updateDataset. Entity lists, when given, replace the old ones whole
 * (the worker keeps them in maps; passing a list of 100k references is cheap). `logs` replaces
 * every activity and stage event of the leads it names (in `leadIds` or in its rows; '' stands
 * for the activities without a lead) with its rows: give all current rows of those leads, e.g.
 * the rewritten blocks of the storage layout. A lead that is created, deleted or revived need
 * not be named: rows are kept whatever their lead's state.
 */
export interface DatasetChange {
	reps?: Rep[];
	stages?: Stage[];
	campaigns?: Campaign[];
	leads?: Lead[];
	/**
	 * With `leads`, optional: the records of `leads` that are new or differ from the previous
	 * list. The caller promises that every other record is the same object in the same order
	 * (new leads come last), so the update does not look at 100k leads to find the edited one.
	 */
	changedLeads?: Lead[];
	customers?: Customer[];
	forecasts?: Forecast[];
	/** See LogsUpdate (logs.ts), also for a delta of the rows without a lead. */
	logs?: LogsUpdate;
}

export interface UpdateOptions {
	/**
	 * Change `ds` in place: its arrays are reused and it must not be used afterwards (the worker
	 * keeps only the latest dataset). Saves copying the activity log (~25 MB at L) on every edit.
	 */
	inPlace?: boolean;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function isLive(r: { deletedAt?: string }): boolean {
	return !r.deletedAt;
}

export function datasetFromRecords(records: Records, timeZone: string): KpiDataset {
	return buildDataset({
		timeZone,
		reps: records.reps,
		stages: records.stages,
		campaigns: records.campaigns,
		leads: records.leads,
		customers: records.customers,
		forecasts: records.forecasts,
		activities: activitiesToColumns(records.activities, timeZone),
		stageEvents: stageEventsToColumns(records.stageEvents, timeZone)
	});
}

export function buildDataset(input: DatasetInput): KpiDataset {
	const repKeys = new StringDictionary();
	for (const r of input.reps) if (isLive(r)) repKeys.index(r.id);
	const liveLeadIds: string[] = [];
	for (const l of input.leads) if (isLive(l)) liveLeadIds.push(l.id);
	return deriveDataset(
		buildLogs(
			input.activities,
			input.stageEvents,
			repKeys,
			liveLeadIds,
			input.activityIds ?? input.activities.id,
			input.activityOrder
		),
		input,
		input.timeZone
	);
}

/** The lead keys of the live leads, as the attached set of the log index. */
function liveKeys(logs: LogIndex, leads: Lead[]): Uint8Array {
	const keys: number[] = [];
	for (const l of leads) if (isLive(l)) keys.push(logs.leadKeys.index(l.id));
	const mask = new Uint8Array(logs.leadKeys.values.length);
	for (const key of keys) mask[key] = 1;
	return mask;
}

/**
 * The dataset after `change`, without re-sorting the logs: after an edit of a few leads the
 * cost is a few linear passes over typed arrays. The old dataset stays valid unless
 * `options.inPlace`. A different time zone needs buildDataset, since the columns' date-only
 * values were resolved in the old one.
 */
export function updateDataset(
	ds: KpiDataset,
	change: DatasetChange,
	options: UpdateOptions = {}
): KpiDataset {
	const inPlace = options.inPlace === true;
	const entities: DatasetEntities = {
		reps: change.reps ?? ds.entities.reps,
		stages: change.stages ?? ds.entities.stages,
		campaigns: change.campaigns ?? ds.entities.campaigns,
		leads: change.leads ?? ds.entities.leads,
		customers: change.customers ?? ds.entities.customers,
		forecasts: change.forecasts ?? ds.entities.forecasts
	};
	const logs = inPlace ? ds.logs : cloneLogs(ds.logs);
	const plan = planPatch(ds, change, logs);
	// The activities of the live leads are attached: new leads' rows come back from aside, and
	// (on a full derivation) deleted leads' rows go aside.
	let attached: Uint8Array | undefined;
	if (!plan) {
		attached = liveKeys(logs, entities.leads);
	} else if (plan.appended.length > 0) {
		const keys = plan.appended.map((l) => logs.leadKeys.index(l.id));
		attached = new Uint8Array(logs.leadKeys.values.length);
		attached.set(logs.attached);
		for (const key of keys) attached[key] = 1;
	}
	let logsChange: LogsChange | undefined;
	if (change.logs || attached) logsChange = updateLogs(logs, change.logs, attached);
	return (
		(plan && patchDataset(ds, change, entities, logs, logsChange, plan, inPlace)) ??
		deriveDataset(logs, entities, ds.timeZone, ds)
	);
}

function deriveDataset(
	logs: LogIndex,
	input: DatasetEntities,
	tz: string,
	prev?: KpiDataset
): KpiDataset {
	const instant = instantParser(tz);
	// A copy, so that ids added here never change an older dataset's dictionary.
	const repKeys = new StringDictionary(logs.repKeys.values);
	const repIds = repKeys.values;
	const rep = (id: string): number => repKeys.index(id);
	for (const r of input.reps) if (isLive(r)) rep(r.id);

	// Stages.
	const stages = input.stages.filter(isLive);
	const stageIds = stages.map((s) => s.id);
	const stageIndex = new Map<string, number>();
	stageIds.forEach((id, i) => stageIndex.set(id, i));
	const ns = stages.length;
	const stageKind = new Uint8Array(ns);
	const stageOrder = new Float64Array(ns);
	const stageProbability = new Float64Array(ns);
	const stageQualified = new Uint8Array(ns);
	stages.forEach((s, i) => {
		stageKind[i] = s.kind === 'won' ? KIND_WON : s.kind === 'lost' ? KIND_LOST : KIND_OPEN;
		stageOrder[i] = s.order;
		stageProbability[i] = s.probability;
		stageQualified[i] = s.qualified ? 1 : 0;
	});
	const byOrder = (a: number, b: number) =>
		stageOrder[a] - stageOrder[b] || compareIds(stageIds[a], stageIds[b]);
	const openStages = Int32Array.from(
		[...Array(ns).keys()].filter((i) => stageKind[i] === KIND_OPEN).sort(byOrder)
	);
	const wonStages = [...Array(ns).keys()].filter((i) => stageKind[i] === KIND_WON).sort(byOrder);
	const firstWonStage = wonStages.length ? wonStages[0] : -1;

	// Campaigns.
	const campaigns = input.campaigns.filter(isLive);
	const campaignIndex = new Map<string, number>();
	campaigns.forEach((c, i) => campaignIndex.set(c.id, i));
	const nc = campaigns.length;

	// Leads.
	const leads = input.leads.filter(isLive);
	const n = leads.length;
	// After an edit the leads are usually the same ids in the same order: keep the index then.
	let same = !!prev && prev.leadCount === n && prev.logs.leadKeys === logs.leadKeys;
	for (let i = 0; same && i < n; i++) same = leads[i].id === prev!.leadIds[i];
	const leadIds = same ? prev!.leadIds : filledStrings(n);
	const leadOwner = new Int32Array(n);
	const leadOrigin = new Uint8Array(n);
	const leadCampaign = new Int32Array(n);
	const leadCreatedAt = new Float64Array(n);
	const leadValue = new Float64Array(n);
	const leadExpectedMonth = new Int32Array(n).fill(-1);
	const leadStage = new Int32Array(n);
	const expectedInstants: number[] = [];
	for (let i = 0; i < n; i++) {
		const l = leads[i];
		if (!same) leadIds[i] = l.id;
		leadOwner[i] = rep(l.ownerId);
		leadOrigin[i] = l.origin === 'marketing' ? 0 : 1;
		leadCampaign[i] = l.campaignId ? (campaignIndex.get(l.campaignId) ?? -1) : -1;
		leadCreatedAt[i] =
			prev && prev.leadRecords[i] === l ? prev.leadCreatedAt[i] : instant(l.createdAt);
		leadValue[i] = typeof l.value === 'number' ? l.value : 0;
		leadStage[i] = stageIndex.get(l.stageId) ?? -1;
		const ecd = l.expectedCloseDate;
		if (ecd) {
			const month = isoDateMonth(ecd);
			if (month >= 0) {
				leadExpectedMonth[i] = month;
			} else {
				const t = instant(ecd);
				if (!Number.isNaN(t)) {
					expectedInstants.push(i, t);
				}
			}
		}
	}
	for (let k = 0; k < expectedInstants.length; k += 2) {
		const t = expectedInstants[k + 1];
		leadExpectedMonth[expectedInstants[k]] = monthTableFor(tz, t, t).monthOf(t);
	}

	// Stage events: each live lead's group from the log index, keeping events into live stages.
	const nKeys = logs.evStart.length - 1;
	const stageOfKey = new Int32Array(logs.stageKeys.values.length);
	for (let d = 0; d < stageOfKey.length; d++) {
		stageOfKey[d] = stageIndex.get(logs.stageKeys.values[d]) ?? -1;
	}
	const leadKey = same ? prev!.leadKey : new Int32Array(n);
	const counts = new Int32Array(n);
	// A fresh index numbers the live leads first, in this order: key i is lead i, no lookup.
	const keyValues = logs.leadKeys.values;
	for (let i = 0; i < n; i++) {
		// Adds keys for leads the logs never named: harmless, the dictionary only grows.
		const key = same
			? leadKey[i]
			: keyValues[i] === leadIds[i]
				? i
				: logs.leadKeys.index(leadIds[i]);
		leadKey[i] = key;
		if (key >= nKeys) continue;
		let c = 0;
		for (let k = logs.evStart[key]; k < logs.evStart[key + 1]; k++) {
			if (stageOfKey[logs.evStage[k]] >= 0) c++;
		}
		counts[i] = c;
	}
	const evStart = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) evStart[i + 1] = evStart[i] + Math.max(1, counts[i]);
	const total = evStart[n];
	const evStage = new Int32Array(total);
	const evAt = new Float64Array(total);
	for (let i = 0; i < n; i++) {
		let k = evStart[i];
		if (counts[i] === 0) {
			// A lead with no events has one implicit event into its stage at createdAt.
			evStage[k] = leadStage[i];
			evAt[k] = leadCreatedAt[i];
			continue;
		}
		const key = leadKey[i];
		for (let j = logs.evStart[key]; j < logs.evStart[key + 1]; j++) {
			const st = stageOfKey[logs.evStage[j]];
			if (st < 0) continue;
			evStage[k] = st;
			evAt[k++] = logs.evAt[j];
		}
	}

	// Activities: the log index holds exactly those of live leads and without a lead, sorted.
	const keyToLead = new Int32Array(logs.leadKeys.values.length).fill(-1);
	for (let i = 0; i < n; i++) keyToLead[leadKey[i]] = i;
	const firstContactAt = new Float64Array(n).fill(NaN);
	const nl = logs.actCount;
	for (let k = 0; k < nl; k++) {
		const key = logs.actLead[k];
		if (key < 0) continue;
		const li = keyToLead[key];
		const at = logs.actAt[k];
		if (li >= 0 && !(firstContactAt[li] <= at)) firstContactAt[li] = at;
	}
	const [actAt, actRep, actLead, actType, actResponse, actPool, actPoolRow] = activityViews(logs);

	// Per-lead facts from the whole live history.
	const closedAt = new Float64Array(n).fill(NaN);
	const outcome = new Uint8Array(n);
	const cycleStart = new Float64Array(n);
	const opportunityAt = new Float64Array(n).fill(NaN);
	const reachedOrder = new Float64Array(n).fill(-Infinity);
	const reachedWon = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const s = evStart[i];
		const e = evStart[i + 1];
		for (let k = s; k < e; k++) {
			const st = evStage[k];
			if (st < 0) continue;
			const kind = stageKind[st];
			if (kind === KIND_WON) {
				reachedWon[i] = 1;
				if (Number.isNaN(opportunityAt[i])) opportunityAt[i] = evAt[k];
			} else if (kind === KIND_OPEN) {
				if (stageOrder[st] > reachedOrder[i]) reachedOrder[i] = stageOrder[st];
				if (stageQualified[st] && Number.isNaN(opportunityAt[i])) opportunityAt[i] = evAt[k];
			}
		}
		const last = evStage[e - 1];
		if (last >= 0 && stageKind[last] !== KIND_OPEN) {
			closedAt[i] = evAt[e - 1];
			outcome[i] = stageKind[last] === KIND_WON ? OUTCOME_WON : OUTCOME_LOST;
		}
		const f = firstContactAt[i];
		cycleStart[i] = Number.isNaN(f) ? leadCreatedAt[i] : f;
	}

	const wonIdx: number[] = [];
	for (let i = 0; i < n; i++) if (outcome[i] === OUTCOME_WON) wonIdx.push(i);
	wonIdx.sort((a, b) => closedAt[a] - closedAt[b] || a - b);
	const wonByClose = Int32Array.from(wonIdx);
	const wonCloseAt = Float64Array.from(wonIdx, (i) => closedAt[i]);
	const nr = repIds.length;
	const wonOwnerStart = new Int32Array(nr + 1);
	for (const i of wonIdx) wonOwnerStart[leadOwner[i] + 1]++;
	for (let r = 0; r < nr; r++) wonOwnerStart[r + 1] += wonOwnerStart[r];
	const wonByOwner = new Int32Array(wonIdx.length);
	const wonPos = wonOwnerStart.slice(0, nr);
	for (const i of wonIdx) wonByOwner[wonPos[leadOwner[i]]++] = i;
	const wonOwnerCloseAt = Float64Array.from(wonByOwner, (i) => closedAt[i]);

	// All-time campaign figures (KPI 3 has neither period nor rep filter for them).
	const campaignLeads = new Int32Array(nc);
	const campaignOpportunities = new Int32Array(nc);
	const campaignWon = new Int32Array(nc);
	const campaignWonValue = new Float64Array(nc);
	for (let i = 0; i < n; i++) {
		const c = leadCampaign[i];
		if (c < 0) continue;
		campaignLeads[c]++;
		if (!Number.isNaN(opportunityAt[i])) campaignOpportunities[c]++;
		if (outcome[i] === OUTCOME_WON) {
			campaignWon[c]++;
			campaignWonValue[c] += leadValue[i];
		}
	}

	const customerPart = customerColumns(input.customers, rep, instant, prev);
	const forecastPart = forecastColumns(input.forecasts, rep);

	const ds: KpiDataset = {
		timeZone: tz,
		repIds,
		repIndex: new Map(repIds.map((id, i) => [id, i])),
		stageIds,
		stageIndex,
		stageKind,
		stageOrder,
		stageProbability,
		stageQualified,
		openStages,
		firstWonStage,
		campaignIds: campaigns.map((c) => c.id),
		campaignBudget: Float64Array.from(campaigns.map((c) => c.budget)),
		campaignStartDate: campaigns.map((c) => c.startDate),
		campaignEndDate: campaigns.map((c) => c.endDate),
		campaignLeads,
		campaignOpportunities,
		campaignWon,
		campaignWonValue,
		leadCount: n,
		leadKey,
		leadRecords: leads,
		leadIds,
		keyToLead,
		leadOwner,
		leadOrigin,
		leadCampaign,
		leadCreatedAt,
		leadValue,
		leadExpectedMonth,
		evStart,
		evStage,
		evAt,
		closedAt,
		outcome,
		firstContactAt,
		cycleStart,
		opportunityAt,
		reachedOrder,
		reachedWon,
		wonByClose,
		wonCloseAt,
		wonOwnerStart,
		wonByOwner,
		wonOwnerCloseAt,
		actCount: nl,
		actAt,
		actRep,
		actType,
		actResponse,
		actLead,
		actPool,
		actPoolRow,
		idPools: logs.idPools,
		...customerPart,
		...forecastPart,
		zoneCache: new Map(),
		logs,
		entities: {
			reps: input.reps,
			stages: input.stages,
			campaigns: input.campaigns,
			leads: input.leads,
			customers: input.customers,
			forecasts: input.forecasts
		}
	};
	zoneDerived(ds, tz);
	return ds;
}

/**
 * The month number (year * 12 + month - 1) of a date-only value `YYYY-MM-DD` naming a real
 * day, else -1: isIsoDate's test without a regular expression and its match (one per lead).
 */
export function isoDateMonth(s: string): number {
	if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
	const digit = (k: number) => {
		const c = s.charCodeAt(k) - 48;
		return c >= 0 && c <= 9 ? c : NaN;
	};
	const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
	const mo = digit(5) * 10 + digit(6);
	const d = digit(8) * 10 + digit(9);
	if (Number.isNaN(y + mo + d) || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return -1;
	return y * 12 + mo - 1;
}

/** The workspace at a glance (the dashboard's summary), as the data layer counts it. */
export interface WorkspaceSummary {
	/** Live leads. */
	leads: number;
	/** Live leads whose stage is a live open stage, and the sum of their values. */
	openLeads: number;
	openValue: number;
	/** Live activities, whatever their lead (also those of deleted leads). */
	activities: number;
}

const summaries = new WeakMap<KpiDataset, WorkspaceSummary>();

/** The summary of the records behind `ds` (one pass over the leads; cached per dataset). */
export function workspaceSummary(ds: KpiDataset): WorkspaceSummary {
	let s = summaries.get(ds);
	if (s) return s;
	let openLeads = 0;
	let openValue = 0;
	for (const l of ds.leadRecords) {
		const st = ds.stageIndex.get(l.stageId);
		if (st === undefined || ds.stageKind[st] !== KIND_OPEN) continue;
		openLeads++;
		openValue += l.value ?? 0;
	}
	let activities = ds.logs.actCount;
	for (const rows of ds.logs.aside.values()) activities += rows.at.length;
	s = { leads: ds.leadCount, openLeads, openValue, activities };
	summaries.set(ds, s);
	return s;
}

export type CustomerPart = Pick<
	KpiDataset,
	'customerRecords' | 'customerIds' | 'customerOwner' | 'customerSince' | 'customerChurnedAt'
>;

/** Live customers as columns (instants of records unchanged since `prev` are reused). */
export function customerColumns(
	all: Customer[],
	rep: (id: string) => number,
	instant: (v: string | undefined | null) => number,
	prev?: KpiDataset
): CustomerPart {
	const customers = all.filter(isLive);
	const customerOwner = new Int32Array(customers.length);
	const customerSince = new Float64Array(customers.length);
	const customerChurnedAt = new Float64Array(customers.length);
	customers.forEach((c, i) => {
		customerOwner[i] = c.ownerId ? rep(c.ownerId) : -1;
		if (prev && prev.customerRecords[i] === c) {
			customerSince[i] = prev.customerSince[i];
			customerChurnedAt[i] = prev.customerChurnedAt[i];
		} else {
			customerSince[i] = instant(c.since);
			customerChurnedAt[i] = instant(c.churnedAt);
		}
	});
	return {
		customerRecords: customers,
		customerIds: customers.map((c) => c.id),
		customerOwner,
		customerSince,
		customerChurnedAt
	};
}

export type ForecastPart = Pick<
	KpiDataset,
	'forecastIds' | 'forecastPeriod' | 'forecastRep' | 'forecastAmount'
>;

/** Live forecasts in id order (the order of KPI 11's rows and of its sums). */
export function forecastColumns(all: Forecast[], rep: (id: string) => number): ForecastPart {
	const forecasts = all.filter(isLive).sort((a, b) => compareIds(a.id, b.id));
	const forecastRep = new Int32Array(forecasts.length);
	const forecastAmount = new Float64Array(forecasts.length);
	forecasts.forEach((f, i) => {
		forecastRep[i] = f.repId ? rep(f.repId) : -1;
		forecastAmount[i] = f.amount;
	});
	return {
		forecastIds: forecasts.map((f) => f.id),
		forecastPeriod: forecasts.map((f) => f.period),
		forecastRep,
		forecastAmount
	};
}

/** Per forecast: [start, end) of its period in `timeZone`, NaN when malformed. */
export function forecastBounds(
	periods: string[],
	timeZone: string
): Pick<ZoneDerived, 'forecastStart' | 'forecastEnd'> {
	const nf = periods.length;
	const forecastStart = new Float64Array(nf).fill(NaN);
	const forecastEnd = new Float64Array(nf).fill(NaN);
	for (let f = 0; f < nf; f++) {
		const b = forecastPeriodBounds(periods[f], timeZone);
		if (b) {
			forecastStart[f] = b[0];
			forecastEnd[f] = b[1];
		}
	}
	return { forecastStart, forecastEnd };
}

/** The zone-dependent figures of a dataset for `timeZone` (computed once, then cached). */
export function zoneDerived(ds: KpiDataset, timeZone: string): ZoneDerived {
	const hit = ds.zoneCache.get(timeZone);
	if (hit) return hit;
	const { forecastStart, forecastEnd } = forecastBounds(ds.forecastPeriod, timeZone);
	const nc = ds.campaignIds.length;
	const instant = instantParser(timeZone);
	const campaignStart = new Float64Array(nc);
	const campaignEnd = new Float64Array(nc);
	for (let c = 0; c < nc; c++) {
		const s = ds.campaignStartDate[c];
		const e = ds.campaignEndDate[c];
		campaignStart[c] = s ? instant(s) : -Infinity;
		campaignEnd[c] = e ? dayAfter(e, instant) : Infinity;
	}
	const seasonByRep = new Int32Array(ds.repIds.length * 12);
	if (ds.actCount > 0) {
		const table = monthTableFor(timeZone, ds.actAt[0], ds.actAt[ds.actCount - 1]);
		const starts = table.starts;
		// Activities are sorted: walk the month boundaries alongside them.
		let m = table.monthOf(ds.actAt[0]) - table.firstYear * 12;
		for (let k = 0; k < ds.actCount; k++) {
			const t = ds.actAt[k];
			while (m + 1 < starts.length && starts[m + 1] <= t) m++;
			seasonByRep[ds.actRep[k] * 12 + (m % 12)]++;
		}
	}
	const z: ZoneDerived = { forecastStart, forecastEnd, campaignStart, campaignEnd, seasonByRep };
	ds.zoneCache.set(timeZone, z);
	return z;
}

/** Start of the day after the date-only (or instant) value `value`. */
function dayAfter(value: string, instant: (v: string) => number): number {
	if (isIsoDate(value)) {
		const d = new Date(
			Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10) + 1)
		);
		return instant(d.toISOString().slice(0, 10));
	}
	return instant(value) + 86_400_000;
}
