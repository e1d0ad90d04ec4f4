// The KPI engine's columnar dataset, its shape: what a KpiDataset holds, what it is built from
// and what an update passes in. Built and updated in dataset.ts (and patch.ts, its fast path).

import type { ActivityColumns, StageEventColumns } from '../domain/columns';
import type { Campaign, Customer, Forecast, Lead, Rep, Stage, Target } from '../domain/types';
import type { IdList, LogIndex, LogsUpdate } from './logs';

export interface DatasetInput {
	timeZone: string;
	reps: Rep[];
	stages: Stage[];
	campaigns: Campaign[];
	leads: Lead[];
	customers: Customer[];
	forecasts: Forecast[];
	/** File version 2's targets; absent reads as none. */
	targets?: Target[];
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
	/**
	 * The start of expectedCloseDate in the dataset's zone (targets' and pipeline forecast's
	 * expected close instants), NaN when none; leadExpectedMonth >= 0 exactly when it is set.
	 */
	leadExpectedAt: Float64Array;

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

	/** Live targets with a valid window (to >= from), sorted by id: a few per rep. */
	targets: Target[];

	zoneCache: Map<string, ZoneDerived>;

	/** What the dataset was derived from, for updateDataset. */
	logs: LogIndex;
	entities: DatasetEntities;
}

/** The entity lists of a dataset (records as stored, tombstones included). */
export type DatasetEntities = Pick<
	DatasetInput,
	'reps' | 'stages' | 'campaigns' | 'leads' | 'customers' | 'forecasts'
> & { targets: Target[] };

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
	targets?: Target[];
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

export function isLive(r: { deletedAt?: string }): boolean {
	return !r.deletedAt;
}
