// The KPI result: the thirteen keys of ../shared/spec/kpis.md, with the extra fields the
// dashboard uses (marked "extra"). Shared by the engine, the reference implementation in
// tests/reference and the command line, so that all three print the same shape.

import type { ActivityType, Origin } from '../domain/types';

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

export interface DurationStats {
	count: number;
	meanDays: number | null;
	medianDays: number | null;
}

export interface SalesCycleResult extends DurationStats {
	/** Leads whose span was negative and clamped to 0. */
	clamped: number;
	won: DurationStats;
	lost: DurationStats;
}

export interface WinLossResult {
	won: number;
	lost: number;
	ratio: number | null;
	winRate: number | null;
	wonValue: number;
	lostValue: number;
}

export interface CampaignFigures {
	/** extra: the campaign's budget. */
	budget: number;
	leads: number;
	cpl: number | null;
	opportunities: number;
	costPerOpportunity: number | null;
	won: number;
	costPerWon: number | null;
	wonValue: number;
	roi: number | null;
}

export interface CostPerLeadResult {
	cpl: number | null;
	budget: number;
	leads: number;
	/** extra: ids of the campaigns whose window overlaps P, in record order. */
	campaigns: string[];
	byCampaign: Record<string, CampaignFigures>;
}

export interface StageCount {
	count: number;
	share: number | null;
	/** Open stages only. */
	openShare?: number | null;
}

export interface FunnelStep {
	stageId: string;
	reached: number;
	rate: number | null;
}

export interface StageDistributionResult {
	/** extra: live leads with createdAt < asOf (the denominator of `share`). */
	total: number;
	/** extra: of those, leads in open stages (the denominator of `openShare`). */
	openTotal: number;
	byStage: Record<string, StageCount>;
	/** extra: size of the cohort of P (the denominator of the funnel's rates). */
	cohort: number;
	funnel: FunnelStep[];
	/** Open stage id -> mean days of stays that ended in P, null without stays. */
	avgDaysInStage: Record<string, number | null>;
}

export interface ActivitiesResult {
	total: number;
	byType: Record<ActivityType, number>;
	byRep: Record<string, number>;
	series: Record<string, number>;
	seasonality: Record<string, number>;
}

export interface ConversionFigures {
	created: number;
	cohort: number;
	converted: number;
	rate: number | null;
}

export interface OpportunitiesResult extends ConversionFigures {
	byOrigin: Record<Origin, ConversionFigures>;
}

export interface HoursStats {
	count: number;
	meanHours: number | null;
	medianHours: number | null;
}

export interface ResponseTimeResult extends HoursStats {
	unanswered: number;
	/** extra: leads first contacted before they were created (hours clamped to 0). */
	clamped: number;
	byRep: Record<string, HoursStats>;
}

export interface FollowUpFigures {
	total: number;
	followedUp: number;
	rate: number | null;
}

export interface FollowUpResult extends FollowUpFigures {
	byRep: Record<string, FollowUpFigures>;
}

export interface ResponseFigures {
	positive: number;
	negative: number;
	neutral: number;
	positiveShare: number | null;
	ratio: number | null;
}

export interface ResponsesResult extends ResponseFigures {
	byRep: Record<string, ResponseFigures>;
}

export interface OriginCounts {
	marketing: number;
	sales: number;
}

export interface LeadOriginResult extends OriginCounts {
	/** extra: size of the cohort. */
	cohort: number;
	marketingShare: number | null;
	salesShare: number | null;
	series: Record<string, OriginCounts>;
}

export interface ForecastRow {
	id: string;
	period: string;
	repId: string | null;
	amount: number;
	actual: number;
	error: number;
	accuracy: number;
}

export interface ForecastAccuracyResult {
	count: number;
	accuracy: number | null;
	bias: number | null;
	/** extra: sums over the rows. */
	amount: number;
	actual: number;
	rows: ForecastRow[];
	/**
	 * extra: the filters given but not applied, present only when a campaign or origin filter
	 * was given: forecasts name neither, so these figures keep only the rep filter.
	 */
	unfilteredBy?: ('campaigns' | 'origins')[];
}

export interface PipelineFigures {
	count: number;
	total: number;
	weighted: number;
}

export interface PipelineStageFigures extends PipelineFigures {
	/** extra: the probability used for the stage (configured or historical). */
	probability: number;
}

export interface WeightedPipelineResult extends PipelineFigures {
	mode: PipelineMode;
	/** extra: the value used for leads without one (mean won value before asOf), 0 if none. */
	meanWonValue: number;
	/** extra: mean cycle days of won leads closed before asOf, null if none. */
	meanCycleDays: number | null;
	byStage: Record<string, PipelineStageFigures>;
	byRep: Record<string, PipelineFigures>;
	projection: Record<string, number>;
}

export interface ChurnResult {
	atStart: number;
	churned: number;
	rate: number | null;
	new: number;
	activeAtEnd: number;
}

import type { KpiKey } from '../kpis/registry';

export { KPI_KEYS, type KpiKey } from '../kpis/registry';

export interface KpiResult {
	salesCycle: SalesCycleResult;
	winLoss: WinLossResult;
	costPerLead: CostPerLeadResult;
	stageDistribution: StageDistributionResult;
	activities: ActivitiesResult;
	opportunities: OpportunitiesResult;
	responseTime: ResponseTimeResult;
	followUp: FollowUpResult;
	responses: ResponsesResult;
	leadOrigin: LeadOriginResult;
	forecastAccuracy: ForecastAccuracyResult;
	weightedPipeline: WeightedPipelineResult;
	churn: ChurnResult;
}

// The result has exactly the registry's keys (a compile error names the odd one out).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const RESULT_KEYS_MATCH_REGISTRY: Same<keyof KpiResult, KpiKey> = true;
