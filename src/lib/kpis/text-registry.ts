// Every KPI's words on its tile, from its module. A mapped type over KpiKey, so the compiler
// refuses a KPI without them. Only explicit m.xxx references in the modules (no computed access
// to the messages), so this stays small enough for the first screen.
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { KpiText } from './text-kit';
import { text as activities } from './activities/text';
import { text as churn } from './churn/text';
import { text as costPerLead } from './cost-per-lead/text';
import { text as followUp } from './follow-up/text';
import { text as forecastAccuracy } from './forecast-accuracy/text';
import { text as leadOrigin } from './lead-origin/text';
import { text as opportunities } from './opportunities/text';
import { text as responseTime } from './response-time/text';
import { text as responses } from './responses/text';
import { text as salesCycle } from './sales-cycle/text';
import { text as stageDistribution } from './stage-distribution/text';
import { text as weightedPipeline } from './weighted-pipeline/text';
import { text as winLoss } from './win-loss/text';

export type TextRegistry = { [K in KpiKey]: KpiText<KpiResult[K]> };

export const TEXTS: TextRegistry = {
	salesCycle,
	winLoss,
	costPerLead,
	stageDistribution,
	activities,
	opportunities,
	responseTime,
	followUp,
	responses,
	leadOrigin,
	forecastAccuracy,
	weightedPipeline,
	churn
};

/** One KPI's words, typed by its key so they take that KPI's part of the result. */
export const textOf = <K extends KpiKey>(key: K): TextRegistry[K] => TEXTS[key];
