// The one coarse call between the page and the KPI worker. Only these small objects cross
// postMessage: never the Dexie instance, never the dataset.
import type { Granularity, KpiKey, KpiResult, PipelineMode } from '../kpi/result-types';

export interface KpiRequest {
	/** Period P = [from, to), epoch ms. */
	from: number;
	to: number;
	/** Defaults to the worker's clock. */
	now?: number;
	/** Defaults to the workspace zone. */
	timeZone?: string;
	reps?: string[];
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
	computeMs: number;
}

export interface KpiResponse {
	result: KpiResult;
	previous?: KpiResult;
	/** The database change the result reflects. */
	seq: number;
	timings: KpiTimings;
}

export interface KpiService {
	/** Opens the database `dbName` (default 'tragt'); later calls with the same name are no-ops. */
	open(dbName?: string): Promise<void>;
	compute(request: KpiRequest): Promise<KpiResponse>;
	/** The ids of the records behind one figure (drill-through). */
	records(request: KpiRequest, kpi: KpiKey, part?: string): Promise<string[]>;
}
