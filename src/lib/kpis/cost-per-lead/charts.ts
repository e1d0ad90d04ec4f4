// Cost per lead's charts: the costs per campaign (with budget, leads and ROI in the table) and
// the ROI per campaign.
import { m } from '$lib/paraglide/messages.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { round, spec, type ChartContext, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['costPerLead'], ctx: ChartContext): ChartSpec[] {
	const pct = (v: number | null) => formatPercent(v);
	const cur = (v: number | null) => money(v, ctx.currency);
	const ids = r.campaigns;
	const b = r.byCampaign;
	const chart = spec(
		'campaigns',
		m.dash_chart_campaigns(),
		ids.map(ctx.campaignName),
		[
			{ name: m.dash_cpl(), data: ids.map((id) => round(b[id].cpl)) },
			{ name: m.dash_cpo(), data: ids.map((id) => round(b[id].costPerOpportunity)) },
			{ name: m.dash_cpw(), data: ids.map((id) => round(b[id].costPerWon)) }
		],
		{ horizontal: true, format: cur }
	);
	// Budget, leads and ROI belong beside the costs in the table.
	chart.columns = [
		chart.columns[0],
		m.dash_budget(),
		m.dash_leads(),
		...chart.columns.slice(1),
		m.dash_roi()
	];
	chart.rows = ids.map((id, i) => [
		chart.rows[i][0],
		cur(b[id].budget),
		formatNumber(b[id].leads),
		...chart.rows[i].slice(1),
		pct(b[id].roi)
	]);
	return [
		chart,
		spec(
			'roi',
			m.dash_chart_roi(),
			ids.map(ctx.campaignName),
			[{ name: m.dash_roi(), data: ids.map((id) => round(b[id].roi, 4)) }],
			{ horizontal: true, percent: true, format: pct }
		)
	];
}
