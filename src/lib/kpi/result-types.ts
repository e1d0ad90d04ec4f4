// The KPI result: the thirteen keys of ../shared/spec/kpis.md and the three of
// ../shared/spec/targets-and-forecast.md, with the extra fields the
// dashboard uses (marked "extra"). Each key's type lives in its module (src/lib/kpis/<slug>/
// types.ts); this file puts them together. Shared by the engine, the reference implementation in
// tests/reference and the command line, so that all three print the same shape.

import type { ActivitiesResult } from '../kpis/activities/types';
import type { ChurnResult } from '../kpis/churn/types';
import type { CostPerLeadResult } from '../kpis/cost-per-lead/types';
import type { FollowUpResult } from '../kpis/follow-up/types';
import type { ForecastAccuracyResult } from '../kpis/forecast-accuracy/types';
import type { LeadOriginResult } from '../kpis/lead-origin/types';
import type { OpportunitiesResult } from '../kpis/opportunities/types';
import type { ResponseTimeResult } from '../kpis/response-time/types';
import type { ResponsesResult } from '../kpis/responses/types';
import type { SalesCycleResult } from '../kpis/sales-cycle/types';
import type { StageDistributionResult } from '../kpis/stage-distribution/types';
import type { WeightedPipelineResult } from '../kpis/weighted-pipeline/types';
import type { WinLossResult } from '../kpis/win-loss/types';
import type { CalibrationResult } from '../kpis/calibration/types';
import type { PipelineForecastResult } from '../kpis/pipeline-forecast/types';
import type { TargetsResult } from '../kpis/targets/types';
import type { KpiKey, ResultKey } from '../kpis/registry';

export {
	FORECAST_KEYS,
	KPI_KEYS,
	RESULT_KEYS,
	type ForecastKey,
	type KpiKey,
	type ResultKey
} from '../kpis/registry';
export type * from './options';
export type * from './stats';
export type * from '../kpis/activities/types';
export type * from '../kpis/calibration/types';
export type * from '../kpis/pipeline-forecast/types';
export type * from '../kpis/targets/types';
export type * from '../kpis/churn/types';
export type * from '../kpis/cost-per-lead/types';
export type * from '../kpis/follow-up/types';
export type * from '../kpis/forecast-accuracy/types';
export type * from '../kpis/lead-origin/types';
export type * from '../kpis/opportunities/types';
export type * from '../kpis/response-time/types';
export type * from '../kpis/responses/types';
export type * from '../kpis/sales-cycle/types';
export type * from '../kpis/stage-distribution/types';
export type * from '../kpis/weighted-pipeline/types';
export type * from '../kpis/win-loss/types';

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
	targets: TargetsResult;
	calibration: CalibrationResult;
	pipelineForecast: PipelineForecastResult;
}

/** The thirteen KPIs alone: what a tile's comparison with the period before needs. */
export type TileKpiResult = Pick<KpiResult, KpiKey>;

// The result has exactly the registry's keys (a compile error names the odd one out).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const RESULT_KEYS_MATCH_REGISTRY: Same<keyof KpiResult, ResultKey> = true;
