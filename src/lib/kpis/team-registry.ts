// Every KPI's columns in the team view, from its module (src/lib/kpis/<slug>/team.ts). A mapped
// type over KpiKey, so the compiler refuses a KPI without them (an empty list says "none").
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import type { TeamColumn } from './text-kit';
import { team as activities } from './activities/team';
import { team as churn } from './churn/team';
import { team as costPerLead } from './cost-per-lead/team';
import { team as followUp } from './follow-up/team';
import { team as forecastAccuracy } from './forecast-accuracy/team';
import { team as leadOrigin } from './lead-origin/team';
import { team as opportunities } from './opportunities/team';
import { team as responseTime } from './response-time/team';
import { team as responses } from './responses/team';
import { team as salesCycle } from './sales-cycle/team';
import { team as stageDistribution } from './stage-distribution/team';
import { team as weightedPipeline } from './weighted-pipeline/team';
import { team as winLoss } from './win-loss/team';

export type TeamRegistry = { [K in KpiKey]: readonly TeamColumn<KpiResult[K]>[] };

export const TEAM: TeamRegistry = {
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

/** The team table's order of the KPIs: the result's, but won deals first. */
export const TEAM_ORDER: readonly KpiKey[] = [
	'winLoss',
	'salesCycle',
	'costPerLead',
	'stageDistribution',
	'activities',
	'opportunities',
	'responseTime',
	'followUp',
	'responses',
	'leadOrigin',
	'forecastAccuracy',
	'weightedPipeline',
	'churn'
];
