// KPI 12 from the lead pass: its open leads at asOf (with their stage), the won leads closed
// before asOf (mean value, mean cycle) and, in historical mode, the closed leads per stage reached.
import { MS_PER_DAY } from '../../domain/time';
import { monthKey, monthTableFor } from '../../kpi/buckets';
import type { PassContext, Passes } from '../../kpi/passes';
import type {
	PipelineFigures,
	PipelineRange,
	PipelineStageFigures,
	WeightedPipelineResult
} from './types';
import { pipelineWeights, Z_90, type PipelineWeights } from './weights';

const weightsOfPasses = new WeakMap<Passes, PipelineWeights>();

/** KPI 12's weights at asOf, worked out once per computation (the targets' projection too). */
export function weightsAtAsOf(passes: Passes, { ds, mode }: PassContext): PipelineWeights {
	let w = weightsOfPasses.get(passes);
	if (!w) {
		const p = passes.leads;
		w = pipelineWeights(ds, mode, {
			wonCount: p.wonBeforeCount,
			wonCycleSum: p.wonBeforeCycleSum,
			valuedCount: p.wonValuedCount,
			valuedSum: p.wonValuedSum,
			histWon: p.histWon,
			histLost: p.histLost
		});
		weightsOfPasses.set(passes, w);
	}
	return w;
}

export function computeWeightedPipeline(passes: Passes, ctx: PassContext): WeightedPipelineResult {
	const { ds, asOf, tz, mode } = ctx;
	const p = passes.leads;
	const { openStages, leadValue, leadOwner, cycleStart } = ds;
	const nOpen = openStages.length;
	const { prob, meanWonValue, meanCycleMs } = weightsAtAsOf(passes, ctx);
	const byStage: Record<string, PipelineStageFigures> = {};
	for (let s = 0; s < nOpen; s++) {
		const st = openStages[s];
		byStage[ds.stageIds[st]] = { count: 0, total: 0, weighted: 0, probability: prob[st] };
	}
	const byRepIndex = new Map<number, PipelineFigures>();
	// Per month from asOf's (index month - asOfMonth; months before count as asOf's): a dense
	// array, as a map's lookups per open lead cost more at L.
	const projectionByMonth: number[] = [];
	let asOfMonth = 0;
	// The range: sum p (1 - p) value^2, overall and per month.
	const varianceByMonth: number[] = [];
	let variance = 0;
	let total = 0;
	let weighted = 0;
	const np = p.pipeLead.length;
	if (np > 0) {
		const table = monthTableFor(tz, asOf, asOf);
		asOfMonth = table.monthOf(asOf);
		for (let k = 0; k < np; k++) {
			const i = p.pipeLead[k];
			const st = p.pipeStage[k];
			const v = leadValue[i] > 0 ? leadValue[i] : meanWonValue;
			const pr = prob[st];
			const w = v * pr;
			const vr = pr * (1 - pr) * v * v;
			total += v;
			weighted += w;
			variance += vr;
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
			const m = month < asOfMonth ? 0 : month - asOfMonth;
			if (projectionByMonth[m] === undefined) {
				projectionByMonth[m] = w;
				varianceByMonth[m] = vr;
			} else {
				projectionByMonth[m] += w;
				varianceByMonth[m] += vr;
			}
		}
	}
	const byRep: Record<string, PipelineFigures> = {};
	for (const r of [...byRepIndex.keys()].sort((a, b) => a - b)) {
		byRep[ds.repIds[r]] = byRepIndex.get(r)!;
	}
	const projection: Record<string, number> = {};
	const range: PipelineRange = { ...spread(weighted, variance), projectionRange: {} };
	projectionByMonth.forEach((expected, m) => {
		const key = monthKey(asOfMonth + m);
		projection[key] = expected;
		range.projectionRange[key] = { expected, ...spread(expected, varianceByMonth[m]) };
	});
	return {
		mode,
		count: np,
		total,
		weighted,
		meanWonValue,
		meanCycleDays: p.wonBeforeCount === 0 ? null : meanCycleMs / MS_PER_DAY,
		byStage,
		byRep,
		projection,
		range
	};
}

/** sd, and the 10-90 % range clipped at 0, of a weighted sum with the given variance. */
function spread(expected: number, variance: number) {
	const sd = Math.sqrt(variance);
	return { sd, low: Math.max(0, expected - Z_90 * sd), high: expected + Z_90 * sd };
}
