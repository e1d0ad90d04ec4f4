// Every KPI's tile, from its module. A mapped type over KpiKey, so the compiler refuses a KPI
// without its tile. Pure, relative imports only (the e2e tests load it in Node).
import type { KpiKey, KpiResult } from '../kpi/result-types';
import type { KpiTile } from './tile-kit';
import { tile as activities } from './activities/tile';
import { tile as churn } from './churn/tile';
import { tile as costPerLead } from './cost-per-lead/tile';
import { tile as followUp } from './follow-up/tile';
import { tile as forecastAccuracy } from './forecast-accuracy/tile';
import { tile as leadOrigin } from './lead-origin/tile';
import { tile as opportunities } from './opportunities/tile';
import { tile as responseTime } from './response-time/tile';
import { tile as responses } from './responses/tile';
import { tile as salesCycle } from './sales-cycle/tile';
import { tile as stageDistribution } from './stage-distribution/tile';
import { tile as weightedPipeline } from './weighted-pipeline/tile';
import { tile as winLoss } from './win-loss/tile';

export type TileRegistry = { [K in KpiKey]: KpiTile<KpiResult[K]> };

export const TILES: TileRegistry = {
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

/**
 * The dashboard's order of the tiles: by group (pipeline, activity, marketing, outcomes), not
 * the result's order (KPI_KEYS).
 */
export const TILE_ORDER: readonly KpiKey[] = [
	'salesCycle',
	'winLoss',
	'stageDistribution',
	'opportunities',
	'weightedPipeline',
	'activities',
	'responseTime',
	'followUp',
	'responses',
	'costPerLead',
	'leadOrigin',
	'forecastAccuracy',
	'churn'
];

/** One KPI's tile, typed by its key so it takes that KPI's part of the result. */
export const tileOf = <K extends KpiKey>(key: K): TileRegistry[K] => TILES[key];
