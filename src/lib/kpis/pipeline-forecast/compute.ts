// `pipelineForecast` (spec/targets-and-forecast.md): what the pipeline said when P began, rebuilt
// from the stage history. The lead pass folds the leads open at `from` and the reference figures
// before `from`; this finishes the forecast of those expected to close in P and sets it against
// the won value of P.
import type { PassContext, Passes } from '../../kpi/passes';
import {
	expectedCloseAt,
	leadWeightValue,
	pipelineWeights,
	Z_90,
	type PipelineWeights
} from '../weighted-pipeline/weights';
import type { PipelineForecastResult } from './types';

export function computePipelineForecast(passes: Passes, ctx: PassContext): PipelineForecastResult {
	if (!(ctx.from < ctx.asOf)) {
		return {
			reconstructed: true,
			count: null,
			forecast: null,
			sd: null,
			low: null,
			high: null,
			actual: null,
			fromPipeline: null,
			fromNew: null,
			accuracy: null,
			bias: null
		};
	}
	const p = passes.leads;
	let count = 0;
	let forecast = 0;
	let variance = 0;
	for (const { pr, v } of keptAtStart(passes, ctx)) {
		count++;
		forecast += pr * v;
		variance += pr * (1 - pr) * v * v;
	}
	const sd = Math.sqrt(variance);
	const actual = p.wonValue;
	const fromPipeline = p.wonValueFromStart;
	return {
		reconstructed: true,
		count,
		forecast,
		sd,
		low: Math.max(0, forecast - Z_90 * sd),
		high: Math.max(0, forecast + Z_90 * sd),
		actual,
		fromPipeline,
		fromNew: actual - fromPipeline,
		accuracy:
			actual === 0
				? forecast === 0
					? 1
					: 0
				: Math.max(0, 1 - Math.abs(forecast - actual) / actual),
		bias: actual === 0 ? null : (forecast - actual) / actual
	};
}

/** KPI 12's weights with asOf replaced by `from`. */
export function weightsAtStart(passes: Passes, ctx: PassContext): PipelineWeights {
	const p = passes.leads;
	return pipelineWeights(ctx.ds, ctx.mode, {
		wonCount: p.startWonCount,
		wonCycleSum: p.startWonCycleSum,
		valuedCount: p.startValuedCount,
		valuedSum: p.startValuedSum,
		histWon: p.startHistWon,
		histLost: p.startHistLost
	});
}

/** The leads open at `from` expected to close in P, in lead order, with p_i and value_i. */
export function keptAtStart(
	passes: Passes,
	ctx: PassContext
): { i: number; pr: number; v: number }[] {
	const { ds, from, to, tz } = ctx;
	const w = weightsAtStart(passes, ctx);
	const { startLead, startStage } = passes.leads;
	const out: { i: number; pr: number; v: number }[] = [];
	for (let k = 0; k < startLead.length; k++) {
		const i = startLead[k];
		const at = expectedCloseAt(ds, w, i, tz, from);
		if (at >= from && at < to)
			out.push({ i, pr: w.prob[startStage[k]], v: leadWeightValue(ds, w, i) });
	}
	return out;
}
