// One headline figure per KPI of spec/kpis.md, for the team view's side-by-side table.
import { m } from '$lib/paraglide/messages.js';
import { formatMoney, formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';

export interface TeamKpi {
	key: string;
	label: () => string;
	format: (r: KpiResult, currency: string) => string;
}

export const TEAM_KPIS: readonly TeamKpi[] = [
	{ key: 'won', label: m.import_kpi_won, format: (r) => formatNumber(r.winLoss.won) },
	{ key: 'winRate', label: m.import_kpi_win_rate, format: (r) => formatPercent(r.winLoss.winRate) },
	{
		key: 'wonValue',
		label: m.import_kpi_won_value,
		format: (r, c) => formatMoney(r.winLoss.wonValue, c)
	},
	{
		key: 'cycle',
		label: m.import_kpi_cycle,
		format: (r) => formatNumber(r.salesCycle.medianDays, { maximumFractionDigits: 1 })
	},
	{ key: 'cpl', label: m.import_kpi_cpl, format: (r, c) => formatMoney(r.costPerLead.cpl, c) },
	{
		key: 'open',
		label: m.import_kpi_open,
		format: (r) => formatNumber(r.stageDistribution.openTotal)
	},
	{
		key: 'activities',
		label: m.import_kpi_activities,
		format: (r) => formatNumber(r.activities.total)
	},
	{
		key: 'conversion',
		label: m.import_kpi_conversion,
		format: (r) => formatPercent(r.opportunities.rate)
	},
	{
		key: 'responseTime',
		label: m.import_kpi_response_time,
		format: (r) => formatNumber(r.responseTime.medianHours, { maximumFractionDigits: 1 })
	},
	{ key: 'followUp', label: m.import_kpi_follow_up, format: (r) => formatPercent(r.followUp.rate) },
	{
		key: 'positive',
		label: m.import_kpi_positive,
		format: (r) => formatPercent(r.responses.positiveShare)
	},
	{
		key: 'marketing',
		label: m.import_kpi_marketing_share,
		format: (r) => formatPercent(r.leadOrigin.marketingShare)
	},
	{
		key: 'forecast',
		label: m.import_kpi_forecast,
		format: (r) => formatPercent(r.forecastAccuracy.accuracy)
	},
	{
		key: 'pipeline',
		label: m.import_kpi_pipeline,
		format: (r, c) => formatMoney(r.weightedPipeline.weighted, c)
	},
	{ key: 'churn', label: m.import_kpi_churn, format: (r) => formatPercent(r.churn.rate) }
];
