// The KPI engine's columnar dataset: built once from the records (entity rows as objects, the
// two large logs as columns), so that computeKpis is a few linear passes over typed arrays.
//
// Everything the spec calls "history as it is now" is derived here once per lead: the sorted
// live stage history, closedAt and outcome, first contact, cycle start, opportunityAt and the
// stages reached. Only live records are kept (tombstones, orphans and events into unknown
// stages are dropped here, so no KPI has to test for them again).

import { activitiesToColumns, stageEventsToColumns, StringDictionary } from '../domain/columns';
import { daysInMonth } from '../domain/time';
import type { Lead, Records, Target } from '../domain/types';
import { monthTableFor } from './buckets';
import {
	compareIds,
	customerColumns,
	forecastColumns,
	liveTargets,
	zoneDerived
} from './dataset-columns';
import {
	isLive,
	KIND_LOST,
	KIND_OPEN,
	KIND_WON,
	OUTCOME_LOST,
	OUTCOME_WON,
	type DatasetChange,
	type DatasetEntities,
	type DatasetInput,
	type KpiDataset,
	type UpdateOptions
} from './dataset-types';
import { instantParser } from './fast-instant';
import {
	activityViews,
	buildLogs,
	cloneLogs,
	filledStrings,
	updateLogs,
	type LogIndex,
	type LogsChange
} from './logs';
import { patchDataset, planPatch } from './patch';

// The dataset's shape and the columns patch.ts builds too live in their own files (patch.ts
// imports them, and this file imports patch.ts); every name stays importable from here.
export {
	customerColumns,
	forecastBounds,
	forecastColumns,
	zoneDerived,
	type CustomerPart,
	type ForecastPart
} from './dataset-columns';
export * from './dataset-types';

export function datasetFromRecords(
	records: Records & { targets?: Target[] },
	timeZone: string
): KpiDataset {
	return buildDataset({
		timeZone,
		reps: records.reps,
		stages: records.stages,
		campaigns: records.campaigns,
		leads: records.leads,
		customers: records.customers,
		forecasts: records.forecasts,
		targets: records.targets,
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
		{ ...input, targets: input.targets ?? [] },
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
		forecasts: change.forecasts ?? ds.entities.forecasts,
		targets: change.targets ?? ds.entities.targets
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
	const leadExpectedAt = new Float64Array(n).fill(NaN);
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
			const t = instant(ecd);
			if (month >= 0) {
				leadExpectedMonth[i] = month;
				leadExpectedAt[i] = t;
			} else if (!Number.isNaN(t)) {
				expectedInstants.push(i, t);
				leadExpectedAt[i] = t;
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
		leadExpectedAt,
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
		targets: liveTargets(input.targets),
		zoneCache: new Map(),
		logs,
		entities: {
			reps: input.reps,
			stages: input.stages,
			campaigns: input.campaigns,
			leads: input.leads,
			customers: input.customers,
			forecasts: input.forecasts,
			targets: input.targets
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
