// What a KPI computation is asked: the period, the clock and the filters. Engine-wide, shared by
// every KPI module (src/lib/kpis/*) and the reference implementation.

import type { Origin } from '../domain/types';

export type Granularity = 'day' | 'week' | 'month';
export type PipelineMode = 'configured' | 'historical';

export interface KpiOptions {
	/** Start of the period P = [from, to), epoch ms. */
	from: number;
	/** End of the period, exclusive. */
	to: number;
	/** The current instant; asOf = min(to, now). */
	now: number;
	/** IANA zone for buckets; defaults to the dataset's zone. */
	timeZone?: string;
	/** Rep ids; absent means every rep. */
	reps?: string[];
	/**
	 * Extension beyond the spec (docs/kpis.md): campaign ids; `''` stands for leads without a
	 * (live) campaign. Absent means every campaign.
	 */
	campaigns?: string[];
	/** Extension beyond the spec: lead origins; absent means both. */
	origins?: Origin[];
	granularity?: Granularity;
	pipelineMode?: PipelineMode;
}
