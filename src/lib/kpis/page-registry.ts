// Every KPI's page parts (formula, charts, extra chart data), from its module. A mapped type
// over KpiKey, so the compiler refuses a KPI without them. Imported by the KPI page's route
// only: the formulas and charts stay out of the dashboard's first screen.
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { KpiPage } from './page-kit';
import { charts as activitiesCharts } from './activities/charts';
import { extras as activitiesExtras } from './activities/extras';
import { formula as activitiesFormula } from './activities/formula';
import { charts as churnCharts } from './churn/charts';
import { extras as churnExtras } from './churn/extras';
import { formula as churnFormula } from './churn/formula';
import { charts as costPerLeadCharts } from './cost-per-lead/charts';
import { formula as costPerLeadFormula } from './cost-per-lead/formula';
import { charts as followUpCharts } from './follow-up/charts';
import { formula as followUpFormula } from './follow-up/formula';
import { charts as forecastAccuracyCharts } from './forecast-accuracy/charts';
import { formula as forecastAccuracyFormula } from './forecast-accuracy/formula';
import { charts as leadOriginCharts } from './lead-origin/charts';
import { formula as leadOriginFormula } from './lead-origin/formula';
import { charts as opportunitiesCharts } from './opportunities/charts';
import { formula as opportunitiesFormula } from './opportunities/formula';
import { charts as responseTimeCharts } from './response-time/charts';
import { extras as responseTimeExtras } from './response-time/extras';
import { formula as responseTimeFormula } from './response-time/formula';
import { charts as responsesCharts } from './responses/charts';
import { formula as responsesFormula } from './responses/formula';
import { charts as salesCycleCharts } from './sales-cycle/charts';
import { formula as salesCycleFormula } from './sales-cycle/formula';
import { charts as stageDistributionCharts } from './stage-distribution/charts';
import { formula as stageDistributionFormula } from './stage-distribution/formula';
import { charts as weightedPipelineCharts } from './weighted-pipeline/charts';
import { formula as weightedPipelineFormula } from './weighted-pipeline/formula';
import { charts as winLossCharts } from './win-loss/charts';
import { formula as winLossFormula } from './win-loss/formula';

export type PageRegistry = { [K in KpiKey]: KpiPage<KpiResult[K]> };

export const PAGES: PageRegistry = {
	salesCycle: { formula: salesCycleFormula, charts: salesCycleCharts },
	winLoss: { formula: winLossFormula, charts: winLossCharts },
	costPerLead: { formula: costPerLeadFormula, charts: costPerLeadCharts },
	stageDistribution: { formula: stageDistributionFormula, charts: stageDistributionCharts },
	activities: { formula: activitiesFormula, charts: activitiesCharts, extras: activitiesExtras },
	opportunities: { formula: opportunitiesFormula, charts: opportunitiesCharts },
	responseTime: {
		formula: responseTimeFormula,
		charts: responseTimeCharts,
		extras: responseTimeExtras
	},
	followUp: { formula: followUpFormula, charts: followUpCharts },
	responses: { formula: responsesFormula, charts: responsesCharts },
	leadOrigin: { formula: leadOriginFormula, charts: leadOriginCharts },
	forecastAccuracy: {
		formula: forecastAccuracyFormula,
		charts: forecastAccuracyCharts,
		panels: ['pipelineForecast']
	},
	weightedPipeline: {
		formula: weightedPipelineFormula,
		charts: weightedPipelineCharts,
		panels: ['calibration']
	},
	churn: { formula: churnFormula, charts: churnCharts, extras: churnExtras }
};

/** One KPI's page parts, typed by its key so they take that KPI's part of the result. */
export const pageOf = <K extends KpiKey>(key: K): PageRegistry[K] => PAGES[key];
