// KPI 4 from the lead pass: the snapshot at asOf, the cohort's funnel and the stays ended in P.
import { MS_PER_DAY } from '../../domain/time';
import { KIND_OPEN } from '../../kpi/dataset-types';
import type { PassContext, Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { FunnelStep, StageCount, StageDistributionResult } from './types';

export function computeStageDistribution(
	{ leads: p }: Passes,
	{ ds }: PassContext
): StageDistributionResult {
	const { stageKind, openStages } = ds;
	const nOpen = openStages.length;
	const byStage: Record<string, StageCount> = {};
	for (let st = 0; st < ds.stageIds.length; st++) {
		const c = p.stageCount[st];
		const entry: StageCount = { count: c, share: ratio(c, p.snapshotTotal) };
		if (stageKind[st] === KIND_OPEN) entry.openShare = ratio(c, p.openTotal);
		byStage[ds.stageIds[st]] = entry;
	}
	const funnel: FunnelStep[] = [];
	for (let s = 0; s < nOpen; s++) {
		funnel.push({
			stageId: ds.stageIds[openStages[s]],
			reached: p.funnelReached[s],
			rate: ratio(p.funnelReached[s], p.cohort)
		});
	}
	if (ds.firstWonStage >= 0) {
		funnel.push({
			stageId: ds.stageIds[ds.firstWonStage],
			reached: p.funnelReached[nOpen],
			rate: ratio(p.funnelReached[nOpen], p.cohort)
		});
	}
	const avgDaysInStage: Record<string, number | null> = {};
	for (let s = 0; s < nOpen; s++) {
		const st = openStages[s];
		avgDaysInStage[ds.stageIds[st]] =
			p.stayCount[st] === 0 ? null : p.staySum[st] / p.stayCount[st] / MS_PER_DAY;
	}
	return {
		total: p.snapshotTotal,
		openTotal: p.openTotal,
		byStage,
		cohort: p.cohort,
		funnel,
		avgDaysInStage
	};
}
