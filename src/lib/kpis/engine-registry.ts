// The engine's side of every KPI module (and of the figures of targets-and-forecast.md), keyed by
// the registry's result keys: computeKpis and
// kpiRecords iterate over it. Relative imports only (the worker and the command line load it).

import type { KpiEngineModule } from '../kpi/engine-module';
import type { KpiResult } from '../kpi/result-types';
import type { ResultKey } from './registry';
import { computeActivities } from './activities/compute';
import { activitiesRecords } from './activities/records';
import { computeCalibration } from './calibration/compute';
import { calibrationRecords } from './calibration/records';
import { computeChurn } from './churn/compute';
import { churnRecords } from './churn/records';
import { computeCostPerLead } from './cost-per-lead/compute';
import { costPerLeadRecords } from './cost-per-lead/records';
import { computeFollowUp } from './follow-up/compute';
import { followUpRecords } from './follow-up/records';
import { computeForecastAccuracy } from './forecast-accuracy/compute';
import { forecastAccuracyRecords } from './forecast-accuracy/records';
import { computeLeadOrigin } from './lead-origin/compute';
import { leadOriginRecords } from './lead-origin/records';
import { computeOpportunities } from './opportunities/compute';
import { opportunitiesRecords } from './opportunities/records';
import { computePipelineForecast } from './pipeline-forecast/compute';
import { pipelineForecastRecords } from './pipeline-forecast/records';
import { computeResponseTime } from './response-time/compute';
import { responseTimeRecords } from './response-time/records';
import { computeResponses } from './responses/compute';
import { responsesRecords } from './responses/records';
import { computeSalesCycle } from './sales-cycle/compute';
import { salesCycleRecords } from './sales-cycle/records';
import { computeStageDistribution } from './stage-distribution/compute';
import { stageDistributionRecords } from './stage-distribution/records';
import { computeTargets } from './targets/compute';
import { targetsRecords } from './targets/records';
import { computeWeightedPipeline } from './weighted-pipeline/compute';
import { weightedPipelineRecords } from './weighted-pipeline/records';
import { computeWinLoss } from './win-loss/compute';
import { winLossRecords } from './win-loss/records';

export const KPI_ENGINE: { [K in ResultKey]: KpiEngineModule<KpiResult[K]> } = {
	salesCycle: { compute: computeSalesCycle, records: salesCycleRecords },
	winLoss: { compute: computeWinLoss, records: winLossRecords },
	costPerLead: { compute: (_, ctx) => computeCostPerLead(ctx), records: costPerLeadRecords },
	stageDistribution: { compute: computeStageDistribution, records: stageDistributionRecords },
	activities: { compute: computeActivities, records: activitiesRecords },
	opportunities: { compute: computeOpportunities, records: opportunitiesRecords },
	responseTime: { compute: computeResponseTime, records: responseTimeRecords },
	followUp: { compute: computeFollowUp, records: followUpRecords },
	responses: { compute: computeResponses, records: responsesRecords },
	leadOrigin: { compute: computeLeadOrigin, records: leadOriginRecords },
	forecastAccuracy: {
		compute: (_, ctx) => computeForecastAccuracy(ctx),
		records: forecastAccuracyRecords
	},
	weightedPipeline: { compute: computeWeightedPipeline, records: weightedPipelineRecords },
	churn: { compute: (_, ctx) => computeChurn(ctx), records: churnRecords },
	targets: { compute: computeTargets, records: targetsRecords },
	calibration: { compute: computeCalibration, records: calibrationRecords },
	pipelineForecast: { compute: computePipelineForecast, records: pipelineForecastRecords }
};
