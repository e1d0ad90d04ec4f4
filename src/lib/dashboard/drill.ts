// Which lists of records a KPI page offers (the `part` of the worker's records call) and how
// many records each must hold according to the result, so the page (and the tests) can check
// that a drill-through list is exactly as long as the figure it explains.
import type { KpiKey, KpiResult } from '../kpi/result-types';

export interface DrillPart {
	/** The `part` argument of records(); undefined = the KPI's whole set. */
	part: string | undefined;
	/** A message key suffix for the part's label (see dash_part_*). */
	label: DrillLabel;
	/** The number of records the result says are behind it. */
	count: number;
}

export type DrillLabel =
	| 'closed'
	| 'won'
	| 'lost'
	| 'leads'
	| 'created'
	| 'converted'
	| 'cohort'
	| 'contacted'
	| 'unanswered'
	| 'followed'
	| 'not-followed'
	| 'activities'
	| 'positive'
	| 'negative'
	| 'neutral'
	| 'marketing'
	| 'sales'
	| 'forecasts'
	| 'open'
	| 'at-start'
	| 'churned'
	| 'new'
	| 'active-end';

export function drillParts(kpi: KpiKey, r: KpiResult): DrillPart[] {
	const p = (part: string | undefined, label: DrillLabel, count: number): DrillPart => ({
		part,
		label,
		count
	});
	switch (kpi) {
		case 'salesCycle':
			return [
				p(undefined, 'closed', r.salesCycle.count),
				p('won', 'won', r.salesCycle.won.count),
				p('lost', 'lost', r.salesCycle.lost.count)
			];
		case 'winLoss':
			return [p('won', 'won', r.winLoss.won), p('lost', 'lost', r.winLoss.lost)];
		case 'costPerLead':
			return [p(undefined, 'leads', r.costPerLead.leads)];
		case 'stageDistribution':
			return [p(undefined, 'leads', r.stageDistribution.total)];
		case 'activities':
			return [p(undefined, 'activities', r.activities.total)];
		case 'opportunities':
			return [
				p('created', 'created', r.opportunities.created),
				p('converted', 'converted', r.opportunities.converted),
				p(undefined, 'cohort', r.opportunities.cohort)
			];
		case 'responseTime':
			return [
				p(undefined, 'contacted', r.responseTime.count),
				p('unanswered', 'unanswered', r.responseTime.unanswered)
			];
		case 'followUp':
			return [
				p('followedUp', 'followed', r.followUp.followedUp),
				p('notFollowedUp', 'not-followed', r.followUp.total - r.followUp.followedUp)
			];
		case 'responses':
			return [
				p('positive', 'positive', r.responses.positive),
				p('negative', 'negative', r.responses.negative),
				p('neutral', 'neutral', r.responses.neutral)
			];
		case 'leadOrigin':
			return [
				p('marketing', 'marketing', r.leadOrigin.marketing),
				p('sales', 'sales', r.leadOrigin.sales)
			];
		case 'forecastAccuracy':
			return [p(undefined, 'forecasts', r.forecastAccuracy.count)];
		case 'weightedPipeline':
			return [p(undefined, 'open', r.weightedPipeline.count)];
		case 'churn':
			return [
				p('atStart', 'at-start', r.churn.atStart),
				p('churned', 'churned', r.churn.churned),
				p('new', 'new', r.churn.new),
				p('activeAtEnd', 'active-end', r.churn.activeAtEnd)
			];
	}
}
