// `targets` (spec/targets-and-forecast.md): per target, the actual over its window up to asOf,
// the pace line, and the projected finish with its 10-90 % range. A small walk per target (a
// workspace holds a few per rep) over the sorted won leads, the leads or the activity log; the
// projection reuses KPI 12's open leads and weights from the lead pass.
import type { Target } from '../../domain/types';
import type { PassContext, Passes } from '../../kpi/passes';
import { weightsAtAsOf } from '../weighted-pipeline/compute';
import { expectedCloseAt, leadWeightValue, Z_90 } from '../weighted-pipeline/weights';
import { actualIndexes, actualOf, targetRep, targetWindow } from './actual';
import type { TargetRow, TargetsResult } from './types';

/** The live targets this question lists: W overlaps P; with a rep filter, the listed reps'. */
export function listedTargets(ctx: PassContext): Target[] {
	const reps = ctx.options.reps ? new Set(ctx.options.reps) : null;
	return ctx.ds.targets.filter((t) => {
		if (reps && !(t.repId && reps.has(t.repId))) return false;
		const [start, end] = targetWindow(t, ctx.tz);
		return start < ctx.to && end > ctx.from;
	});
}

export function computeTargets(passes: Passes, ctx: PassContext): TargetsResult {
	const rows: TargetRow[] = [];
	for (const t of listedTargets(ctx)) {
		const [start, end] = targetWindow(t, ctx.tz);
		const rep = targetRep(ctx.ds, t);
		const actual = actualOf(ctx.ds, t.metric, actualIndexes(ctx, t.metric, rep, start, end));
		const elapsed = Math.min(1, Math.max(0, (ctx.asOf - start) / (end - start)));
		let projected: number | null;
		let projectedSd: number | null = null;
		if (t.metric === 'wonValue' || t.metric === 'won') {
			const open = openInWindow(passes, ctx, rep, start, end);
			let sum = 0;
			let variance = 0;
			for (const { p, v } of open) {
				const x = t.metric === 'wonValue' ? v : 1;
				sum += p * x;
				variance += p * (1 - p) * x * x;
			}
			projected = actual + sum;
			projectedSd = Math.sqrt(variance);
		} else {
			projected = elapsed === 0 ? null : actual / elapsed;
		}
		rows.push(row(t, actual, elapsed, projected, projectedSd));
	}
	return { rows };
}

function row(
	t: Target,
	actual: number,
	elapsed: number,
	projected: number | null,
	projectedSd: number | null
): TargetRow {
	const expectedByNow = t.amount * elapsed;
	const pace = expectedByNow === 0 ? null : actual / expectedByNow;
	const spread = projected !== null && projectedSd !== null && projectedSd !== 0;
	return {
		id: t.id,
		metric: t.metric,
		repId: t.repId ? t.repId : null,
		from: t.from,
		to: t.to,
		amount: t.amount,
		actual,
		elapsed,
		expectedByNow,
		attainment: t.amount === 0 ? null : actual / t.amount,
		pace,
		projected,
		projectedSd,
		projectedLow: spread ? Math.max(actual, projected! - Z_90 * projectedSd!) : projected,
		projectedHigh: spread ? projected! + Z_90 * projectedSd! : projected,
		status:
			actual >= t.amount
				? 'met'
				: elapsed === 0
					? 'upcoming'
					: pace !== null && pace >= 1
						? 'ahead'
						: 'behind'
	};
}

/**
 * KPI 12's open leads at asOf as the projections read them: each one's expected close instant
 * (aligned with the lead pass's pipeLead), and their positions grouped by owner (CSR over rep
 * indexes, in lead order within each), so a rep's target walks only that rep's deals.
 */
interface OpenPipeline {
	closeAt: Float64Array;
	ownerStart: Int32Array;
	byOwner: Int32Array;
}

const openPipelines = new WeakMap<Passes, OpenPipeline>();

function openPipeline(passes: Passes, ctx: PassContext): OpenPipeline {
	let op = openPipelines.get(passes);
	if (op) return op;
	const { ds } = ctx;
	const w = weightsAtAsOf(passes, ctx);
	const lead = passes.leads.pipeLead;
	const n = lead.length;
	const closeAt = new Float64Array(n);
	const nReps = ds.repIds.length;
	const ownerStart = new Int32Array(nReps + 1);
	for (let k = 0; k < n; k++) {
		const i = lead[k];
		closeAt[k] = expectedCloseAt(ds, w, i, ctx.tz, ctx.asOf);
		ownerStart[ds.leadOwner[i] + 1]++;
	}
	for (let r = 0; r < nReps; r++) ownerStart[r + 1] += ownerStart[r];
	const byOwner = new Int32Array(n);
	const next = ownerStart.slice(0, nReps);
	for (let k = 0; k < n; k++) byOwner[next[ds.leadOwner[lead[k]]]++] = k;
	op = { closeAt, ownerStart, byOwner };
	openPipelines.set(passes, op);
	return op;
}

/** One open deal behind a projection: lead index, probability, value_i. */
export interface OpenDeal {
	i: number;
	p: number;
	v: number;
}

/**
 * KPI 12's open leads (the rep's, or all for the team) expected to close in
 * [max(W.start, asOf), W.end), in lead order.
 */
export function openInWindow(
	passes: Passes,
	ctx: PassContext,
	rep: number,
	start: number,
	end: number
): OpenDeal[] {
	const out: OpenDeal[] = [];
	if (rep === -2) return out;
	const { ds } = ctx;
	const w = weightsAtAsOf(passes, ctx);
	const { closeAt, ownerStart, byOwner } = openPipeline(passes, ctx);
	const { pipeLead, pipeStage } = passes.leads;
	const lo = Math.max(start, ctx.asOf);
	const first = rep >= 0 ? ownerStart[rep] : 0;
	const last = rep >= 0 ? ownerStart[rep + 1] : pipeLead.length;
	for (let j = first; j < last; j++) {
		const k = rep >= 0 ? byOwner[j] : j;
		if (closeAt[k] < lo || closeAt[k] >= end) continue;
		const i = pipeLead[k];
		out.push({ i, p: w.prob[pipeStage[k]], v: leadWeightValue(ds, w, i) });
	}
	return out;
}
