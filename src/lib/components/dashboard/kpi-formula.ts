// The definition of each KPI in plain words with this period's numbers plugged in, e.g.
// "Win rate = won ÷ (won + lost) = 12 ÷ (12 + 7) = 63.2 %".
import { m } from '$lib/paraglide/messages.js';
import { formatDuration, formatNumber, formatPercent } from '$lib/i18n/format';
import { emptyReason } from '$lib/dashboard/tiles';
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import { money } from './dash-text';

const n = (v: number) => formatNumber(v, { maximumFractionDigits: 1 });

export function formulaText(
	key: KpiKey,
	r: KpiResult,
	currency: string,
	stageName: (id: string) => string
): string {
	if (emptyReason(key, r)) return m.dash_formula_empty();
	const cur = (v: number | null) => money(v, currency, true);
	switch (key) {
		case 'salesCycle': {
			const s = r.salesCycle;
			return m.dash_formula_salesCycle({
				sum: n((s.meanDays ?? 0) * s.count),
				count: n(s.count),
				result: formatDuration(s.meanDays, 'day')
			});
		}
		case 'winLoss':
			return m.dash_formula_winLoss({
				won: n(r.winLoss.won),
				lost: n(r.winLoss.lost),
				result: formatPercent(r.winLoss.winRate)
			});
		case 'stageDistribution': {
			const d = r.stageDistribution;
			const [id, top] = Object.entries(d.byStage).sort((a, b) => b[1].count - a[1].count)[0];
			return m.dash_formula_stageDistribution({
				stage: stageName(id),
				count: n(top.count),
				total: n(d.total),
				result: formatPercent(top.share)
			});
		}
		case 'opportunities':
			return m.dash_formula_opportunities({
				converted: n(r.opportunities.converted),
				cohort: n(r.opportunities.cohort),
				result: formatPercent(r.opportunities.rate),
				created: n(r.opportunities.created)
			});
		case 'weightedPipeline':
			return m.dash_formula_weightedPipeline({
				count: n(r.weightedPipeline.count),
				result: cur(r.weightedPipeline.weighted),
				total: cur(r.weightedPipeline.total)
			});
		case 'activities': {
			const t = r.activities.byType;
			return m.dash_formula_activities({
				calls: n(t.call),
				emails: n(t.email),
				meetings: n(t.meeting),
				other: n(t.other),
				result: n(r.activities.total)
			});
		}
		case 'responseTime': {
			const x = r.responseTime;
			return m.dash_formula_responseTime({
				sum: n((x.meanHours ?? 0) * x.count),
				count: n(x.count),
				result: formatDuration(x.meanHours, 'hour')
			});
		}
		case 'followUp':
			return m.dash_formula_followUp({
				followed: n(r.followUp.followedUp),
				total: n(r.followUp.total),
				result: formatPercent(r.followUp.rate)
			});
		case 'responses':
			return m.dash_formula_responses({
				positive: n(r.responses.positive),
				negative: n(r.responses.negative),
				result: formatPercent(r.responses.positiveShare)
			});
		case 'costPerLead':
			return m.dash_formula_costPerLead({
				budget: cur(r.costPerLead.budget),
				leads: n(r.costPerLead.leads),
				result: cur(r.costPerLead.cpl)
			});
		case 'leadOrigin':
			return m.dash_formula_leadOrigin({
				marketing: n(r.leadOrigin.marketing),
				cohort: n(r.leadOrigin.cohort),
				result: formatPercent(r.leadOrigin.marketingShare)
			});
		case 'forecastAccuracy': {
			const f = r.forecastAccuracy;
			const abs = f.rows.reduce((s, row) => s + Math.abs(row.error), 0);
			return m.dash_formula_forecastAccuracy({
				abs: cur(abs),
				actual: cur(f.actual),
				amount: cur(f.amount),
				result: formatPercent(f.accuracy),
				bias: formatPercent(f.bias)
			});
		}
		case 'churn':
			return m.dash_formula_churn({
				churned: n(r.churn.churned),
				atStart: n(r.churn.atStart),
				result: formatPercent(r.churn.rate)
			});
	}
}
