// The shared passes of computeKpis: one pass over the leads and one over the activities in P
// (found by binary search, binned into buckets by a merge walk). Every KPI module of
// src/lib/kpis/ reads what it needs from them (its `compute.ts` finishes its figure from the
// folds below); none walks the leads or the activity log again. Fused on purpose: at L (100k
// leads, 1M activities) a pass per KPI, or a callback per lead and module, costs more than the
// whole warm computation is allowed to take (30 ms).
//
// A KPI that needs a new fold adds its accumulator to LeadPass or ActivityPass and its update to
// the loop here, commented with the KPI it serves (docs/adding-a-kpi.md).

import { bucketsFor, firstAtOrAfter, type Buckets } from './buckets';
import { zoneDerived } from './dataset-columns';
import { KIND_OPEN, OUTCOME_WON, type KpiDataset, type ZoneDerived } from './dataset-types';
import { activityLeadPasses, leadFilterMask, repMask } from './filters';
import type { KpiOptions, PipelineMode } from './options';

/** The question, worked out once for every module. */
export interface PassContext {
	ds: KpiDataset;
	options: KpiOptions;
	from: number;
	to: number;
	/** min(to, now). */
	asOf: number;
	/** The zone buckets and months are counted in. */
	tz: string;
	mode: PipelineMode;
	/** The rep filter over rep indexes; null when every rep counts. */
	mask: Uint8Array | null;
	/** The campaign and origin filters over lead indexes; null when neither is given. */
	leadMask: Uint8Array | null;
	zone: ZoneDerived;
	buckets: Buckets;
}

/** What the lead pass folds, grouped by the leads it looks at. Arrays are views of length n. */
export interface LeadPass {
	// Leads closed in P (sales cycle, win/loss).
	cycleAll: Float64Array;
	cycleWon: Float64Array;
	cycleLost: Float64Array;
	/** Closed leads whose span was negative (clamped to 0). */
	clamped: number;
	won: number;
	lost: number;
	wonValue: number;
	lostValue: number;

	// Leads created before asOf, at their stage at asOf (stage distribution, weighted pipeline).
	stageCount: Int32Array;
	snapshotTotal: number;
	openTotal: number;
	/** The open ones: lead index and stage index, in lead order. */
	pipeLead: Int32Array;
	pipeStage: Int32Array;

	// Stays that ended in P, per stage (stage distribution).
	staySum: Float64Array;
	stayCount: Int32Array;

	// The cohort: leads created in P (stage funnel, opportunities, response time, follow-up,
	// lead origin).
	cohort: number;
	/** Per open stage in pipeline order, then the first won stage: cohort leads that reached it. */
	funnelReached: Int32Array;
	/** Per origin (0 marketing, 1 sales). */
	originCohort: Int32Array;
	originConverted: Int32Array;
	/** Opportunities created in P per origin (any lead, not only the cohort). */
	originCreated: Int32Array;
	/** Per bucket and origin: bucket * 2 + origin. */
	originSeries: Int32Array;
	/** Answered cohort leads: hours to the first contact (ms) and the lead's owner. */
	responseSpan: Float64Array;
	responseOwner: Int32Array;
	responseClamped: number;
	unanswered: number;
	/** Per rep: cohort leads, and those with a first contact. */
	followTotal: Int32Array;
	followDone: Int32Array;
	/** A free buffer as long as the leads (grouping response spans by rep). */
	spare: Float64Array;

	// Leads closed before asOf (weighted pipeline, targets' projection, calibration).
	wonBeforeCount: number;
	wonBeforeCycleSum: number;
	wonValuedCount: number;
	wonValuedSum: number;
	/**
	 * Per open stage in pipeline order: closed leads that reached it, won and lost (the historical
	 * probabilities of KPI 12, and the calibration sample).
	 */
	histWon: Int32Array;
	histLost: Int32Array;

	// Leads closed in P at an open stage's probability (calibration's Brier score).
	brierSum: number;
	brierCount: number;

	// The pipeline at `from` (pipeline forecast), when from < asOf: the open leads and their
	// stage, in lead order; the won leads closed before `from`; the won value of P from leads
	// open at `from`.
	startLead: Int32Array;
	startStage: Int32Array;
	startWonCount: number;
	startWonCycleSum: number;
	startValuedCount: number;
	startValuedSum: number;
	/** Historical mode only: per open stage, leads closed before `from` that reached it. */
	startHistWon: Int32Array;
	startHistLost: Int32Array;
	/** winLoss.wonValue's part from leads open at `from`. */
	wonValueFromStart: number;
}

/** What the pass over the activities in P folds (activities, responses). */
export interface ActivityPass {
	total: number;
	/** Per activity type, in ACTIVITY_TYPES order. */
	typeCount: Int32Array;
	repCount: Int32Array;
	/** Per rep and response (positive, negative, neutral): rep * 3 + response - 1. */
	repResp: Int32Array;
	/** Per bucket. */
	series: Int32Array;
}

export interface Passes {
	leads: LeadPass;
	activities: ActivityPass;
}

/**
 * Work buffers, reused across calls so a refresh allocates little. One set for every dataset,
 * grown to the largest lead count seen: computeKpis runs synchronously and keeps nothing of
 * them in its result, and a set per dataset cost 8 fresh arrays (~6 MB at L) after every edit,
 * since an update returns a new dataset object.
 */
interface Scratch {
	cycleAll: Float64Array;
	cycleWon: Float64Array;
	cycleLost: Float64Array;
	responseSpan: Float64Array;
	responseOwner: Int32Array;
	byRep: Float64Array;
	pipeLead: Int32Array;
	pipeStage: Int32Array;
	startLead: Int32Array;
	startStage: Int32Array;
}

let shared: Scratch | null = null;

function scratch(ds: KpiDataset): Scratch {
	const n = ds.leadCount;
	if (!shared || shared.cycleAll.length < n) {
		// Room for some new leads, so that adding leads one by one does not reallocate each time.
		const size = n + (n >> 4);
		shared = {
			cycleAll: new Float64Array(size),
			cycleWon: new Float64Array(size),
			cycleLost: new Float64Array(size),
			responseSpan: new Float64Array(size),
			responseOwner: new Int32Array(size),
			byRep: new Float64Array(size),
			pipeLead: new Int32Array(size),
			pipeStage: new Int32Array(size),
			startLead: new Int32Array(size),
			startStage: new Int32Array(size)
		};
	}
	return shared;
}

export function passContext(ds: KpiDataset, options: KpiOptions): PassContext {
	const { from, to, now } = options;
	const tz = options.timeZone ?? ds.timeZone;
	return {
		ds,
		options,
		from,
		to,
		asOf: Math.min(to, now),
		tz,
		mode: options.pipelineMode ?? 'configured',
		mask: repMask(ds, options.reps),
		leadMask: leadFilterMask(ds, options.campaigns, options.origins),
		zone: zoneDerived(ds, tz),
		buckets: bucketsFor(from, to, options.granularity ?? 'month', tz)
	};
}

export function runPasses(ctx: PassContext): Passes {
	return { leads: leadPass(ctx), activities: activityPass(ctx) };
}

function leadPass(ctx: PassContext): LeadPass {
	const { ds, from, to, asOf, mode, mask, leadMask } = ctx;
	const nb = ctx.buckets.keys.length;
	const bstarts = ctx.buckets.starts;
	const nReps = ds.repIds.length;
	const nStages = ds.stageIds.length;
	const openStages = ds.openStages;
	const nOpen = openStages.length;

	const {
		leadCount: n,
		leadOwner,
		leadCreatedAt,
		leadValue,
		leadOrigin: leadOriginCol,
		closedAt,
		outcome,
		cycleStart,
		firstContactAt,
		opportunityAt,
		reachedOrder,
		reachedWon,
		evStart,
		evAt,
		evStage,
		stageKind,
		stageOrder
	} = ds;

	// Sales cycle, win/loss.
	const sc = scratch(ds);
	const { cycleAll, cycleWon, cycleLost, responseSpan, responseOwner, pipeLead, pipeStage } = sc;
	const { startLead, startStage } = sc;
	let nAll = 0;
	let nWon = 0;
	let nLost = 0;
	let clamped = 0;
	let won = 0;
	let lost = 0;
	let wonValue = 0;
	let lostValue = 0;
	// Stage distribution.
	const stageCount = new Int32Array(nStages);
	let snapshotTotal = 0;
	let openTotal = 0;
	const funnelReached = new Int32Array(nOpen + 1);
	const staySum = new Float64Array(nStages);
	const stayCount = new Int32Array(nStages);
	// The cohort: opportunities, response time, follow-up, lead origin.
	let cohort = 0;
	const originCohort = new Int32Array(2);
	const originConverted = new Int32Array(2);
	const originCreated = new Int32Array(2);
	let nResponse = 0;
	let responseClamped = 0;
	const followTotal = new Int32Array(nReps);
	const followDone = new Int32Array(nReps);
	let unanswered = 0;
	const originSeries = new Int32Array(nb * 2);
	// Weighted pipeline.
	let np = 0;
	let wonBeforeCount = 0;
	let wonBeforeCycleSum = 0;
	let wonValuedCount = 0;
	let wonValuedSum = 0;
	const histWon = new Int32Array(nOpen);
	const histLost = new Int32Array(nOpen);
	const openOrder = Float64Array.from(openStages, (st) => stageOrder[st]);
	// Calibration's Brier score: the configured probability of the stage a lead closed from.
	const { stageProbability } = ds;
	let brierSum = 0;
	let brierCount = 0;
	// Pipeline forecast: the pipeline at `from`.
	const atStart = from < asOf;
	let ns = 0;
	let startWonCount = 0;
	let startWonCycleSum = 0;
	let startValuedCount = 0;
	let startValuedSum = 0;
	const startHistWon = new Int32Array(nOpen);
	const startHistLost = new Int32Array(nOpen);
	let wonValueFromStart = 0;

	for (let i = 0; i < n; i++) {
		const owner = leadOwner[i];
		if (mask && !mask[owner]) continue;
		if (leadMask && !leadMask[i]) continue;
		const created = leadCreatedAt[i];
		const closed = closedAt[i];
		const out = outcome[i];
		const origin = leadOriginCol[i];

		if (closed >= from && closed < to) {
			let span = closed - cycleStart[i];
			if (span < 0) {
				span = 0;
				clamped++;
			}
			cycleAll[nAll++] = span;
			if (out === OUTCOME_WON) {
				cycleWon[nWon++] = span;
				won++;
				wonValue += leadValue[i];
			} else {
				cycleLost[nLost++] = span;
				lost++;
				lostValue += leadValue[i];
			}
			// Calibration: the stage at closedAt (the last event strictly before it, else the
			// first), when open.
			const es = evStart[i];
			let k = evStart[i + 1] - 1;
			while (k > es && !(evAt[k] < closed)) k--;
			const st = evStage[k];
			if (st >= 0 && stageKind[st] === KIND_OPEN) {
				const d = stageProbability[st] - (out === OUTCOME_WON ? 1 : 0);
				brierSum += d * d;
				brierCount++;
			}
		}

		const opp = opportunityAt[i];
		if (opp >= from && opp < to) originCreated[origin]++;

		if (created >= from && created < to) {
			cohort++;
			originCohort[origin]++;
			if (!Number.isNaN(opp)) originConverted[origin]++;
			const rw = reachedWon[i];
			const ro = reachedOrder[i];
			for (let s = 0; s < nOpen; s++) {
				if (rw || ro >= stageOrder[openStages[s]]) funnelReached[s]++;
			}
			if (rw) funnelReached[nOpen]++;
			followTotal[owner]++;
			const fc = firstContactAt[i];
			if (Number.isNaN(fc)) {
				unanswered++;
			} else {
				followDone[owner]++;
				let span = fc - created;
				if (span < 0) {
					span = 0;
					responseClamped++;
				}
				responseSpan[nResponse] = span;
				responseOwner[nResponse++] = owner;
			}
			let b = 0;
			let lo = 0;
			let hi = nb - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if (bstarts[mid] <= created) {
					b = mid;
					lo = mid + 1;
				} else hi = mid - 1;
			}
			originSeries[b * 2 + origin]++;
		}

		const s = evStart[i];
		const e = evStart[i + 1];
		// Stays that ended in P (stage distribution).
		for (let k = s; k + 1 < e; k++) {
			const end = evAt[k + 1];
			if (end >= from && end < to) {
				const st = evStage[k];
				if (st >= 0 && stageKind[st] === KIND_OPEN) {
					staySum[st] += end - evAt[k];
					stayCount[st]++;
				}
			}
		}

		if (created < asOf) {
			// Stage at asOf (stage distribution's snapshot, the weighted pipeline's open leads).
			let k = e - 1;
			while (k > s && !(evAt[k] < asOf)) k--;
			const st = evStage[k];
			snapshotTotal++;
			if (st >= 0) {
				stageCount[st]++;
				if (stageKind[st] === KIND_OPEN) {
					openTotal++;
					pipeLead[np] = i;
					pipeStage[np++] = st;
				}
			}
			// Stage at `from` (pipeline forecast): the walk goes on from asOf's event.
			if (atStart && created < from) {
				while (k > s && !(evAt[k] < from)) k--;
				const st0 = evStage[k];
				if (st0 >= 0 && stageKind[st0] === KIND_OPEN) {
					startLead[ns] = i;
					startStage[ns++] = st0;
					// Open at `from` and won in P (not before `from`: its last event is after it).
					if (out === OUTCOME_WON && closed < to) wonValueFromStart += leadValue[i];
				}
			}
		}

		if (closed < asOf) {
			// Before `from` too (pipeline forecast's reference figures), when from < asOf.
			const beforeStart = atStart && closed < from;
			if (out === OUTCOME_WON) {
				wonBeforeCount++;
				let span = closed - cycleStart[i];
				if (span < 0) span = 0;
				wonBeforeCycleSum += span;
				const valued = leadValue[i] > 0;
				if (valued) {
					wonValuedCount++;
					wonValuedSum += leadValue[i];
				}
				if (beforeStart) {
					startWonCount++;
					startWonCycleSum += span;
					if (valued) {
						startValuedCount++;
						startValuedSum += leadValue[i];
					}
				}
			}
			// Always, not only in historical mode: calibration reads the same counts.
			const rw = reachedWon[i];
			const ro = reachedOrder[i];
			const hist = out === OUTCOME_WON ? histWon : histLost;
			const start = beforeStart && mode === 'historical';
			const startHist = out === OUTCOME_WON ? startHistWon : startHistLost;
			for (let so = 0; so < nOpen; so++) {
				if (rw || ro >= openOrder[so]) {
					hist[so]++;
					if (start) startHist[so]++;
				}
			}
		}
	}

	return {
		cycleAll: cycleAll.subarray(0, nAll),
		cycleWon: cycleWon.subarray(0, nWon),
		cycleLost: cycleLost.subarray(0, nLost),
		clamped,
		won,
		lost,
		wonValue,
		lostValue,
		stageCount,
		snapshotTotal,
		openTotal,
		pipeLead: pipeLead.subarray(0, np),
		pipeStage: pipeStage.subarray(0, np),
		staySum,
		stayCount,
		cohort,
		funnelReached,
		originCohort,
		originConverted,
		originCreated,
		originSeries,
		responseSpan: responseSpan.subarray(0, nResponse),
		responseOwner: responseOwner.subarray(0, nResponse),
		responseClamped,
		unanswered,
		followTotal,
		followDone,
		spare: sc.byRep,
		wonBeforeCount,
		wonBeforeCycleSum,
		wonValuedCount,
		wonValuedSum,
		histWon,
		histLost,
		brierSum,
		brierCount,
		startLead: startLead.subarray(0, ns),
		startStage: startStage.subarray(0, ns),
		startWonCount,
		startWonCycleSum,
		startValuedCount,
		startValuedSum,
		startHistWon,
		startHistLost,
		wonValueFromStart
	};
}

function activityPass(ctx: PassContext): ActivityPass {
	const { ds, from, to, mask, leadMask } = ctx;
	const nb = ctx.buckets.keys.length;
	const bstarts = ctx.buckets.starts;
	const nReps = ds.repIds.length;
	const { actAt, actRep, actType, actResponse } = ds;
	const lo = firstAtOrAfter(actAt, from);
	const hi = firstAtOrAfter(actAt, to);
	const typeCount = new Int32Array(4);
	const repCount = new Int32Array(nReps);
	const repResp = new Int32Array(nReps * 3);
	const series = new Int32Array(nb);
	let total = 0;
	// Bucket by bucket (each one's activities found by binary search), so the loop over up to a
	// million activities neither reads their instants nor compares them with a boundary.
	let start = lo;
	for (let b = 0; b < nb; b++) {
		const end =
			b + 1 < nb ? Math.max(start, Math.min(hi, firstAtOrAfter(actAt, bstarts[b + 1]))) : hi;
		let count = 0;
		if (!mask && !leadMask) {
			for (let k = start; k < end; k++) {
				const r = actRep[k];
				typeCount[actType[k]]++;
				repCount[r]++;
				const resp = actResponse[k];
				if (resp > 0) repResp[r * 3 + resp - 1]++;
			}
			count = end - start;
		} else {
			for (let k = start; k < end; k++) {
				const r = actRep[k];
				if (mask && !mask[r]) continue;
				if (leadMask && !activityLeadPasses(ds, leadMask, k)) continue;
				count++;
				typeCount[actType[k]]++;
				repCount[r]++;
				const resp = actResponse[k];
				if (resp > 0) repResp[r * 3 + resp - 1]++;
			}
		}
		series[b] = count;
		total += count;
		start = end;
	}
	return { total, typeCount, repCount, repResp, series };
}
