// KPI 12 from the lead pass: its open leads at asOf (with their stage), the won leads closed
// before asOf (mean value, mean cycle) and, in historical mode, the closed leads per stage reached.
import { MS_PER_DAY } from '../../domain/time';
import { monthKey, monthTableFor } from '../../kpi/buckets';
import type { PassContext, Passes } from '../../kpi/passes';
import type { PipelineFigures, PipelineStageFigures, WeightedPipelineResult } from './types';

export function computeWeightedPipeline(
	{ leads: p }: Passes,
	{ ds, asOf, tz, mode }: PassContext
): WeightedPipelineResult {
	const { openStages, leadValue, leadOwner, cycleStart } = ds;
	const nOpen = openStages.length;
	const nStages = ds.stageIds.length;
	const meanWonValue = p.wonValuedCount === 0 ? 0 : p.wonValuedSum / p.wonValuedCount;
	const meanCycleMs = p.wonBeforeCount === 0 ? 0 : p.wonBeforeCycleSum / p.wonBeforeCount;
	const prob = new Float64Array(nStages);
	for (let st = 0; st < nStages; st++) prob[st] = ds.stageProbability[st];
	if (mode === 'historical') {
		for (let s = 0; s < nOpen; s++) {
			const d = p.histWon[s] + p.histLost[s];
			if (d > 0) prob[openStages[s]] = p.histWon[s] / d;
		}
	}
	const byStage: Record<string, PipelineStageFigures> = {};
	for (let s = 0; s < nOpen; s++) {
		const st = openStages[s];
		byStage[ds.stageIds[st]] = { count: 0, total: 0, weighted: 0, probability: prob[st] };
	}
	const byRepIndex = new Map<number, PipelineFigures>();
	const projectionByMonth = new Map<number, number>();
	let total = 0;
	let weighted = 0;
	const np = p.pipeLead.length;
	if (np > 0) {
		const table = monthTableFor(tz, asOf, asOf);
		const asOfMonth = table.monthOf(asOf);
		for (let k = 0; k < np; k++) {
			const i = p.pipeLead[k];
			const st = p.pipeStage[k];
			const v = leadValue[i] > 0 ? leadValue[i] : meanWonValue;
			const w = v * prob[st];
			total += v;
			weighted += w;
			const bs = byStage[ds.stageIds[st]];
			bs.count++;
			bs.total += v;
			bs.weighted += w;
			const owner = leadOwner[i];
			let br = byRepIndex.get(owner);
			if (!br) {
				br = { count: 0, total: 0, weighted: 0 };
				byRepIndex.set(owner, br);
			}
			br.count++;
			br.total += v;
			br.weighted += w;
			let month = ds.leadExpectedMonth[i];
			if (month < 0) {
				const t = cycleStart[i] + meanCycleMs;
				month = monthTableFor(tz, t, t).monthOf(t);
			}
			if (month < asOfMonth) month = asOfMonth;
			projectionByMonth.set(month, (projectionByMonth.get(month) ?? 0) + w);
		}
	}
	const byRep: Record<string, PipelineFigures> = {};
	for (const r of [...byRepIndex.keys()].sort((a, b) => a - b)) {
		byRep[ds.repIds[r]] = byRepIndex.get(r)!;
	}
	const projection: Record<string, number> = {};
	for (const m of [...projectionByMonth.keys()].sort((a, b) => a - b)) {
		projection[monthKey(m)] = projectionByMonth.get(m)!;
	}
	return {
		mode,
		count: np,
		total,
		weighted,
		meanWonValue,
		meanCycleDays: p.wonBeforeCount === 0 ? null : meanCycleMs / MS_PER_DAY,
		byStage,
		byRep,
		projection
	};
}
