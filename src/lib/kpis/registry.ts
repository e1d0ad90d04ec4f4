// The one list of KPIs. Every other table of KPIs (the engine's, the tiles', the pages') is a
// Record<KpiKey, ...> built from the modules in src/lib/kpis/<slug>/, so the compiler refuses a
// KPI added here without its module, and the order here is the order of the result's keys (and
// so of `npm run kpi`'s JSON). Relative imports only: the worker and the command line load it.

export const KPI_KEYS = [
	'salesCycle',
	'winLoss',
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
] as const;

export type KpiKey = (typeof KPI_KEYS)[number];

/**
 * The figures of ../shared/spec/targets-and-forecast.md that are not tiles of their own: the
 * dashboard's "On track?" strip (`targets`), the weighted pipeline's page (`calibration`) and
 * forecast accuracy's page (`pipelineForecast`). The engine computes them after the thirteen, so
 * they follow them in the result and in `npm run kpi`'s JSON.
 */
export const FORECAST_KEYS = ['targets', 'calibration', 'pipelineForecast'] as const;

export type ForecastKey = (typeof FORECAST_KEYS)[number];

/** Every key of the engine's result, in order. */
export const RESULT_KEYS = [...KPI_KEYS, ...FORECAST_KEYS] as const;

export type ResultKey = KpiKey | ForecastKey;

/** URL slugs of the KPI pages, also the names of the modules' folders (kebab-case). */
export const KPI_SLUGS: Record<KpiKey, string> = {
	salesCycle: 'sales-cycle',
	winLoss: 'win-loss',
	costPerLead: 'cost-per-lead',
	stageDistribution: 'stage-distribution',
	activities: 'activities',
	opportunities: 'opportunities',
	responseTime: 'response-time',
	followUp: 'follow-up',
	responses: 'responses',
	leadOrigin: 'lead-origin',
	forecastAccuracy: 'forecast-accuracy',
	weightedPipeline: 'weighted-pipeline',
	churn: 'churn'
};

export function keyFromSlug(slug: string): KpiKey | null {
	for (const key of KPI_KEYS) if (KPI_SLUGS[key] === slug) return key;
	return null;
}
