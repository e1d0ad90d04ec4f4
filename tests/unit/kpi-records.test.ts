// kpiRecords must name exactly the records a figure counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis, datasetFromRecords, kpiRecords } from '../../src/lib/kpi';
import { optionsArb, recordsArb } from '../reference/random-records';

describe('kpiRecords', () => {
	it('returns as many ids as the figures count, for every KPI', () => {
		fc.assert(
			fc.property(recordsArb, optionsArb, (records, o) => {
				const ds = datasetFromRecords(records, o.timeZone);
				const r = computeKpis(ds, o);
				const ids = (k: Parameters<typeof kpiRecords>[2], part?: string) =>
					kpiRecords(ds, o, k, part);
				expect(ids('salesCycle')).toHaveLength(r.salesCycle.count);
				expect(ids('salesCycle', 'clamped')).toHaveLength(r.salesCycle.clamped);
				expect(ids('winLoss', 'won')).toHaveLength(r.winLoss.won);
				expect(ids('winLoss', 'lost')).toHaveLength(r.winLoss.lost);
				expect(ids('costPerLead')).toHaveLength(r.costPerLead.leads);
				for (const [c, f] of Object.entries(r.costPerLead.byCampaign)) {
					expect(ids('costPerLead', c)).toHaveLength(f.leads);
				}
				expect(ids('stageDistribution')).toHaveLength(r.stageDistribution.total);
				for (const [s, f] of Object.entries(r.stageDistribution.byStage)) {
					expect(ids('stageDistribution', s)).toHaveLength(f.count);
				}
				for (const f of r.stageDistribution.funnel) {
					expect(ids('stageDistribution', 'funnel:' + f.stageId)).toHaveLength(f.reached);
				}
				expect(ids('activities')).toHaveLength(r.activities.total);
				expect(ids('activities', 'call')).toHaveLength(r.activities.byType.call);
				const resp = r.responses;
				expect(ids('responses')).toHaveLength(resp.positive + resp.negative + resp.neutral);
				expect(ids('responses', 'positive')).toHaveLength(resp.positive);
				expect(ids('opportunities', 'created')).toHaveLength(r.opportunities.created);
				expect(ids('opportunities', 'converted')).toHaveLength(r.opportunities.converted);
				expect(ids('responseTime')).toHaveLength(r.responseTime.count);
				expect(ids('responseTime', 'unanswered')).toHaveLength(r.responseTime.unanswered);
				expect(ids('followUp')).toHaveLength(r.followUp.total);
				expect(ids('followUp', 'followedUp')).toHaveLength(r.followUp.followedUp);
				for (const [rep, f] of Object.entries(r.followUp.byRep)) {
					expect(ids('followUp', rep)).toHaveLength(f.total);
				}
				expect(ids('leadOrigin', 'marketing')).toHaveLength(r.leadOrigin.marketing);
				expect(ids('forecastAccuracy')).toEqual(r.forecastAccuracy.rows.map((x) => x.id));
				expect(ids('weightedPipeline')).toHaveLength(r.weightedPipeline.count);
				for (const [s, f] of Object.entries(r.weightedPipeline.byStage)) {
					expect(ids('weightedPipeline', s)).toHaveLength(f.count);
				}
				expect(ids('churn')).toHaveLength(r.churn.atStart);
				expect(ids('churn', 'churned')).toHaveLength(r.churn.churned);
				expect(ids('churn', 'new')).toHaveLength(r.churn.new);
				expect(ids('churn', 'activeAtEnd')).toHaveLength(r.churn.activeAtEnd);
			}),
			{ numRuns: 200 }
		);
	}, 30_000);
});
