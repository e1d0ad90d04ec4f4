// The one coarse call between the page and the KPI worker. Only these small objects cross
// postMessage: never the Dexie instance, never the dataset.
import type { Origin } from '../domain/types';
import type {
	Granularity,
	KpiOptions,
	KpiResult,
	PipelineMode,
	ResultKey,
	TileKpiResult
} from '../kpi/result-types';
import type { WorkspaceSummary } from '../kpi/dataset';

export type { WorkspaceSummary };

export interface KpiRequest {
	/** Period P = [from, to), epoch ms. */
	from: number;
	to: number;
	/** Defaults to the worker's clock. */
	now?: number;
	/** Defaults to the workspace zone. */
	timeZone?: string;
	reps?: string[];
	/**
	 * Campaign ids ('' = leads without a campaign) and lead origins: extensions beyond the spec
	 * (docs/kpis.md). Absent or empty = no filter, as for `reps`. The worker must hand them to
	 * the engine: KpiEngineHost.options() spreads `requestFilters(request)` into its options.
	 * Forecasts ignore them.
	 */
	campaigns?: string[];
	origins?: Origin[];
	granularity?: Granularity;
	pipelineMode?: PipelineMode;
	/** Also compute the period of equal length just before P (the dashboard's change figures). */
	withPrevious?: boolean;
}

export interface KpiTimings {
	/** Time to bring the dataset up to date (0 when nothing changed). */
	refreshMs: number;
	/** 'cold': read everything; 'incremental': re-read what changed; 'cached': nothing changed. */
	refresh: 'cold' | 'incremental' | 'cached';
	/**
	 * Of refreshMs, the part spent reading IndexedDB (a cold refresh: reading and parsing every
	 * record; an incremental one: the change log and the changed rows).
	 */
	readMs?: number;
	/** Of refreshMs, the part spent in the engine's updateDataset (an incremental refresh only). */
	updateMs?: number;
	/** Of refreshMs, the part spent building the dataset (a cold refresh only). */
	buildMs?: number;
	computeMs: number;
}

export interface KpiResponse {
	result: KpiResult;
	/** The period before, for the tiles' change: the thirteen KPIs only. */
	previous?: TileKpiResult;
	/** The database change the result reflects. */
	seq: number;
	timings: KpiTimings;
}

export interface KpiService {
	/** Opens the database `dbName` (default 'tragt'); later calls with the same name are no-ops. */
	open(dbName?: string): Promise<void>;
	compute(request: KpiRequest): Promise<KpiResponse>;
	/** The ids of the records behind one figure (drill-through). */
	records(request: KpiRequest, kpi: ResultKey, part?: string): Promise<string[]>;
	/** The workspace at a glance, from the worker's dataset (the page reads no leads for it). */
	summary(): Promise<WorkspaceSummary>;
	/** The page is about to be left: abort this worker's transactions in flight. */
	abortTransactions(): number;
	/** The page is going away: abort this worker's transactions (db/transaction-guard.ts). */
	closeTransactions(): number;
	/** The page is back from the back/forward cache: transactions run again. */
	reopenTransactions(): void;
}

/**
 * The request's filters as engine options: an absent or empty list means no filter (a UI with
 * nothing ticked shows everyone). The worker spreads this into the options it builds.
 */
export function requestFilters(
	request: Pick<KpiRequest, 'reps' | 'campaigns' | 'origins'>
): Pick<KpiOptions, 'reps' | 'campaigns' | 'origins'> {
	const out: Pick<KpiOptions, 'reps' | 'campaigns' | 'origins'> = {};
	if (request.reps && request.reps.length > 0) out.reps = request.reps;
	if (request.campaigns && request.campaigns.length > 0) out.campaigns = request.campaigns;
	if (request.origins && request.origins.length > 0) out.origins = request.origins;
	return out;
}
