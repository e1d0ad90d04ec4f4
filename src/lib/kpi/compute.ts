// computeKpis: the thirteen KPIs of ../shared/spec/kpis.md over a columnar dataset.
//
// One pass over the leads, one over the activities in P (found by binary search, binned into
// buckets by a merge walk), one over customers and forecasts. Means of durations sum integer
// milliseconds (exact in any order) and divide once; money sums run in record order.

import { ACTIVITY_TYPES, type ActivityType, type Origin } from '../domain/types';
import { MS_PER_DAY, MS_PER_HOUR } from '../domain/time';
import { bucketsFor, firstAtOrAfter, monthKey, monthTableFor } from './buckets';
import { KIND_OPEN, OUTCOME_WON, zoneDerived, type KpiDataset } from './dataset';
import type {
	ActivitiesResult,
	CampaignFigures,
	ChurnResult,
	ConversionFigures,
	CostPerLeadResult,
	DurationStats,
	FollowUpFigures,
	ForecastAccuracyResult,
	ForecastRow,
	HoursStats,
	KpiOptions,
	KpiResult,
	PipelineFigures,
	PipelineStageFigures,
	ResponseFigures,
	StageCount,
	WeightedPipelineResult
} from './result-types';

export function ratio(num: number, den: number): number | null {
	return den === 0 ? null : num / den;
}

/**
 * Mean and median of integer millisecond spans, in `unit` ms. Reorders `spans` in place. The sum
 * of integer milliseconds is exact in any order, so only the final divisions round.
 */
export function spanStats(
	spans: Float64Array,
	unit: number
): { count: number; mean: number | null; median: number | null } {
	const n = spans.length;
	if (n === 0) return { count: 0, mean: null, median: null };
	let sum = 0;
	for (let k = 0; k < n; k++) sum += spans[k];
	const mid = n >> 1;
	const upper = selectKth(spans, mid);
	let median: number;
	if (n % 2) {
		median = upper / unit;
	} else {
		// After selection everything before `mid` is <= the upper middle: its maximum is the lower.
		let lower = spans[0];
		for (let k = 1; k < mid; k++) if (spans[k] > lower) lower = spans[k];
		median = (lower / unit + upper / unit) / 2;
	}
	return { count: n, mean: sum / n / unit, median };
}

/** Quickselect: puts the k-th smallest value at index k (smaller before it) and returns it. */
function selectKth(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		const m = (lo + hi) >>> 1;
		// Median of three as the pivot.
		let x = a[lo];
		let y = a[m];
		let z = a[hi];
		if (x > y) [x, y] = [y, x];
		if (y > z) [y, z] = [z, y];
		if (x > y) [x, y] = [y, x];
		const pivot = y;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

function days(spans: Float64Array): DurationStats {
	const s = spanStats(spans, MS_PER_DAY);
	return { count: s.count, meanDays: s.mean, medianDays: s.median };
}

function hours(spans: Float64Array): HoursStats {
	const s = spanStats(spans, MS_PER_HOUR);
	return { count: s.count, meanHours: s.mean, medianHours: s.median };
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
			pipeStage: new Int32Array(size)
		};
	}
	return shared;
}

/** Rep filter as a mask over the dataset's rep dictionary; null when every rep counts. */
export function repMask(ds: KpiDataset, reps: readonly string[] | undefined): Uint8Array | null {
	if (!reps) return null;
	const mask = new Uint8Array(ds.repIds.length);
	for (const r of reps) {
		const i = ds.repIndex.get(r);
		if (i !== undefined) mask[i] = 1;
	}
	return mask;
}

/**
 * The campaign and origin filters (extensions beyond the spec, docs/kpis.md) as a mask over the
 * leads; null when neither is given, so the spec's figures run exactly as before. A lead whose
 * campaign is deleted or unknown counts as one without a campaign (`''`).
 */
export function leadFilterMask(
	ds: KpiDataset,
	campaigns: readonly string[] | undefined,
	origins: readonly Origin[] | undefined
): Uint8Array | null {
	if (!campaigns && !origins) return null;
	const nc = ds.campaignIds.length;
	// Index c + 1 for campaign c, 0 for "no campaign".
	const campaignOk = new Uint8Array(nc + 1);
	if (campaigns) {
		const wanted = new Set(campaigns);
		if (wanted.has('')) campaignOk[0] = 1;
		for (let c = 0; c < nc; c++) if (wanted.has(ds.campaignIds[c])) campaignOk[c + 1] = 1;
	} else {
		campaignOk.fill(1);
	}
	const originOk = origins
		? [origins.includes('marketing') ? 1 : 0, origins.includes('sales') ? 1 : 0]
		: [1, 1];
	const n = ds.leadCount;
	const mask = new Uint8Array(n);
	const { leadCampaign, leadOrigin } = ds;
	for (let i = 0; i < n; i++) mask[i] = campaignOk[leadCampaign[i] + 1] & originOk[leadOrigin[i]];
	return mask;
}

const campaignOriginOf = new WeakMap<KpiDataset, Uint8Array>();

/** Each live campaign's origin (0 marketing, 1 sales), from the dataset's campaign records. */
function campaignOrigins(ds: KpiDataset): Uint8Array {
	let out = campaignOriginOf.get(ds);
	if (!out) {
		const byId = new Map<string, Origin>();
		for (const c of ds.entities.campaigns) if (!c.deletedAt) byId.set(c.id, c.origin);
		out = Uint8Array.from(ds.campaignIds, (id) => (byId.get(id) === 'marketing' ? 0 : 1));
		campaignOriginOf.set(ds, out);
	}
	return out;
}

/**
 * KPI 3 under the extension filters: which live campaigns count (listed, and of a listed
 * origin); null when neither filter is given.
 */
export function campaignFilterMask(
	ds: KpiDataset,
	campaigns: readonly string[] | undefined,
	origins: readonly Origin[] | undefined
): Uint8Array | null {
	if (!campaigns && !origins) return null;
	const wanted = campaigns ? new Set(campaigns) : null;
	const origin = origins ? campaignOrigins(ds) : null;
	return Uint8Array.from(ds.campaignIds, (id, c) =>
		(!wanted || wanted.has(id)) &&
		(!origin || origins!.includes(origin[c] === 0 ? 'marketing' : 'sales'))
			? 1
			: 0
	);
}

const customerLeadOf = new WeakMap<KpiDataset, Int32Array>();

/** Lead index of each live customer's `leadId`, -1 when it names no live lead. */
export function customerLeads(ds: KpiDataset): Int32Array {
	let out = customerLeadOf.get(ds);
	if (!out) {
		const wanted = new Map<string, number>();
		for (const c of ds.customerRecords) if (c.leadId) wanted.set(c.leadId, -1);
		if (wanted.size > 0) {
			for (let i = 0; i < ds.leadCount; i++) {
				const id = ds.leadIds[i];
				if (wanted.has(id)) wanted.set(id, i);
			}
		}
		out = Int32Array.from(ds.customerRecords, (c) => (c.leadId ? wanted.get(c.leadId)! : -1));
		customerLeadOf.set(ds, out);
	}
	return out;
}

/** Whether activity k passes the lead filter: it has a live lead that the mask keeps. */
export function activityLeadPasses(ds: KpiDataset, leadMask: Uint8Array, k: number): boolean {
	const key = ds.actLead[k];
	const li = key >= 0 && key < ds.keyToLead.length ? ds.keyToLead[key] : -1;
	return li >= 0 && leadMask[li] === 1;
}

/** The stage of lead i at instant t: last event before t, else its first event. */
export function stageAt(ds: KpiDataset, i: number, t: number): number {
	const s = ds.evStart[i];
	const e = ds.evStart[i + 1];
	let k = e - 1;
	while (k > s && !(ds.evAt[k] < t)) k--;
	return ds.evStage[k];
}

function emptyConversion(): ConversionFigures {
	return { created: 0, cohort: 0, converted: 0, rate: null };
}

export function computeKpis(ds: KpiDataset, options: KpiOptions): KpiResult {
	const { from, to, now } = options;
	const tz = options.timeZone ?? ds.timeZone;
	const asOf = Math.min(to, now);
	const granularity = options.granularity ?? 'month';
	const mode = options.pipelineMode ?? 'configured';
	const mask = repMask(ds, options.reps);
	const leadMask = leadFilterMask(ds, options.campaigns, options.origins);
	const zone = zoneDerived(ds, tz);
	const buckets = bucketsFor(from, to, granularity, tz);
	const nb = buckets.keys.length;
	const bstarts = buckets.starts;
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

	// KPI 1 and 2.
	const sc = scratch(ds);
	const { cycleAll, cycleWon, cycleLost, responseSpan, responseOwner, pipeLead, pipeStage } = sc;
	let nAll = 0;
	let nWon = 0;
	let nLost = 0;
	let clamped = 0;
	let won = 0;
	let lost = 0;
	let wonValue = 0;
	let lostValue = 0;
	// KPI 4.
	const stageCount = new Int32Array(nStages);
	let snapshotTotal = 0;
	let openTotal = 0;
	const funnelReached = new Int32Array(nOpen + 1);
	const staySum = new Float64Array(nStages);
	const stayCount = new Int32Array(nStages);
	// Cohort KPIs 6, 7, 8, 10.
	let cohort = 0;
	const byOrigin = [emptyConversion(), emptyConversion()];
	let nResponse = 0;
	let responseClamped = 0;
	const followTotal = new Int32Array(nReps);
	const followDone = new Int32Array(nReps);
	let unanswered = 0;
	const originSeries = new Int32Array(nb * 2);
	// KPI 12, first pass.
	let np = 0;
	let wonBeforeCount = 0;
	let wonBeforeCycleSum = 0;
	let wonValuedCount = 0;
	let wonValuedSum = 0;
	const histWon = new Int32Array(nOpen);
	const histLost = new Int32Array(nOpen);

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
		}

		const opp = opportunityAt[i];
		if (opp >= from && opp < to) byOrigin[origin].created++;

		if (created >= from && created < to) {
			cohort++;
			const oc = byOrigin[origin];
			oc.cohort++;
			if (!Number.isNaN(opp)) oc.converted++;
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
		// Stays that ended in P (KPI 4).
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
			// Stage at asOf (KPI 4 snapshot, KPI 12 open pipeline).
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
		}

		if (closed < asOf) {
			if (out === OUTCOME_WON) {
				wonBeforeCount++;
				const span = closed - cycleStart[i];
				wonBeforeCycleSum += span < 0 ? 0 : span;
				if (leadValue[i] > 0) {
					wonValuedCount++;
					wonValuedSum += leadValue[i];
				}
			}
			if (mode === 'historical') {
				const rw = reachedWon[i];
				const ro = reachedOrder[i];
				for (let so = 0; so < nOpen; so++) {
					if (rw || ro >= stageOrder[openStages[so]]) {
						if (out === OUTCOME_WON) histWon[so]++;
						else histLost[so]++;
					}
				}
			}
		}
	}

	// ---- KPI 1, 2
	const salesCycle = {
		...days(cycleAll.subarray(0, nAll)),
		clamped,
		won: days(cycleWon.subarray(0, nWon)),
		lost: days(cycleLost.subarray(0, nLost))
	};
	const winLoss = {
		won,
		lost,
		ratio: ratio(won, lost),
		winRate: ratio(won, won + lost),
		wonValue,
		lostValue
	};

	// ---- KPI 3
	const byCampaign: Record<string, CampaignFigures> = {};
	const overlapping: string[] = [];
	let cplBudget = 0;
	let cplLeads = 0;
	const campaignMask = campaignFilterMask(ds, options.campaigns, options.origins);
	for (let c = 0; c < ds.campaignIds.length; c++) {
		if (campaignMask && !campaignMask[c]) continue;
		const budget = ds.campaignBudget[c];
		const leads = ds.campaignLeads[c];
		const opps = ds.campaignOpportunities[c];
		const cw = ds.campaignWon[c];
		const wv = ds.campaignWonValue[c];
		byCampaign[ds.campaignIds[c]] = {
			budget,
			leads,
			cpl: ratio(budget, leads),
			opportunities: opps,
			costPerOpportunity: ratio(budget, opps),
			won: cw,
			costPerWon: ratio(budget, cw),
			wonValue: wv,
			roi: ratio(wv - budget, budget)
		};
		if (zone.campaignStart[c] < to && zone.campaignEnd[c] > from) {
			overlapping.push(ds.campaignIds[c]);
			cplBudget += budget;
			cplLeads += leads;
		}
	}
	const costPerLead: CostPerLeadResult = {
		cpl: ratio(cplBudget, cplLeads),
		budget: cplBudget,
		leads: cplLeads,
		campaigns: overlapping,
		byCampaign
	};

	// ---- KPI 4
	const byStage: Record<string, StageCount> = {};
	for (let st = 0; st < nStages; st++) {
		const c = stageCount[st];
		const entry: StageCount = { count: c, share: ratio(c, snapshotTotal) };
		if (stageKind[st] === KIND_OPEN) entry.openShare = ratio(c, openTotal);
		byStage[ds.stageIds[st]] = entry;
	}
	const funnel = [];
	for (let s = 0; s < nOpen; s++) {
		funnel.push({
			stageId: ds.stageIds[openStages[s]],
			reached: funnelReached[s],
			rate: ratio(funnelReached[s], cohort)
		});
	}
	if (ds.firstWonStage >= 0) {
		funnel.push({
			stageId: ds.stageIds[ds.firstWonStage],
			reached: funnelReached[nOpen],
			rate: ratio(funnelReached[nOpen], cohort)
		});
	}
	const avgDaysInStage: Record<string, number | null> = {};
	for (let s = 0; s < nOpen; s++) {
		const st = openStages[s];
		avgDaysInStage[ds.stageIds[st]] =
			stayCount[st] === 0 ? null : staySum[st] / stayCount[st] / MS_PER_DAY;
	}
	const stageDistribution = {
		total: snapshotTotal,
		openTotal,
		byStage,
		cohort,
		funnel,
		avgDaysInStage
	};

	// ---- KPI 5, 9: activities in P.
	const actAt = ds.actAt;
	const lo = firstAtOrAfter(actAt, from);
	const hi = firstAtOrAfter(actAt, to);
	const typeCount = [0, 0, 0, 0];
	const repCount = new Int32Array(nReps);
	const repResp = new Int32Array(nReps * 3);
	const series = new Int32Array(nb);
	let total = 0;
	let b = 0;
	const actRep = ds.actRep;
	const actType = ds.actType;
	const actResponse = ds.actResponse;
	for (let k = lo; k < hi; k++) {
		const r = actRep[k];
		if (mask && !mask[r]) continue;
		if (leadMask && !activityLeadPasses(ds, leadMask, k)) continue;
		total++;
		typeCount[actType[k]]++;
		repCount[r]++;
		const t = actAt[k];
		while (b + 1 < nb && bstarts[b + 1] <= t) b++;
		series[b]++;
		const resp = actResponse[k];
		if (resp > 0) repResp[r * 3 + resp - 1]++;
	}
	const byType = {} as Record<ActivityType, number>;
	ACTIVITY_TYPES.forEach((t, i) => (byType[t] = typeCount[i]));
	const actByRep: Record<string, number> = {};
	const respByRep: Record<string, ResponseFigures> = {};
	let pos = 0;
	let neg = 0;
	let neu = 0;
	for (let r = 0; r < nReps; r++) {
		if (repCount[r] > 0) actByRep[ds.repIds[r]] = repCount[r];
		const p = repResp[r * 3];
		const ng = repResp[r * 3 + 1];
		const nu = repResp[r * 3 + 2];
		if (p + ng + nu > 0) {
			respByRep[ds.repIds[r]] = responseFigures(p, ng, nu);
			pos += p;
			neg += ng;
			neu += nu;
		}
	}
	const seriesOut: Record<string, number> = {};
	for (let k = 0; k < nb; k++) seriesOut[buckets.keys[k]] = series[k];
	const seasonality: Record<string, number> = {};
	const season = leadMask ? filteredSeasonality(ds, tz, mask, leadMask, options) : null;
	for (let m = 0; m < 12; m++) {
		let c = 0;
		if (season) c = season[m];
		else for (let r = 0; r < nReps; r++) if (!mask || mask[r]) c += zone.seasonByRep[r * 12 + m];
		seasonality[String(m + 1)] = c;
	}
	const activities: ActivitiesResult = {
		total,
		byType,
		byRep: actByRep,
		series: seriesOut,
		seasonality
	};
	const responses = { ...responseFigures(pos, neg, neu), byRep: respByRep };

	// ---- KPI 6
	for (const oc of byOrigin) oc.rate = ratio(oc.converted, oc.cohort);
	const converted = byOrigin[0].converted + byOrigin[1].converted;
	const opportunities = {
		created: byOrigin[0].created + byOrigin[1].created,
		cohort,
		converted,
		rate: ratio(converted, cohort),
		byOrigin: { marketing: byOrigin[0], sales: byOrigin[1] } as Record<Origin, ConversionFigures>
	};

	// ---- KPI 7, 8
	const rtByRep: Record<string, HoursStats> = {};
	const fuByRep: Record<string, FollowUpFigures> = {};
	// Group the answered spans by owner (counting sort) for the per-rep medians.
	const repOffset = new Int32Array(nReps + 1);
	for (let r = 0; r < nReps; r++) repOffset[r + 1] = repOffset[r] + followDone[r];
	const grouped = sc.byRep;
	const fillAt = repOffset.slice(0, nReps);
	for (let k = 0; k < nResponse; k++) grouped[fillAt[responseOwner[k]]++] = responseSpan[k];
	for (let r = 0; r < nReps; r++) {
		if (followTotal[r] === 0) continue;
		const id = ds.repIds[r];
		rtByRep[id] = hours(grouped.subarray(repOffset[r], repOffset[r + 1]));
		fuByRep[id] = {
			total: followTotal[r],
			followedUp: followDone[r],
			rate: ratio(followDone[r], followTotal[r])
		};
	}
	const responseTime = {
		...hours(responseSpan.subarray(0, nResponse)),
		unanswered,
		clamped: responseClamped,
		byRep: rtByRep
	};
	const followedUp = cohort - unanswered;
	const followUp = {
		total: cohort,
		followedUp,
		rate: ratio(followedUp, cohort),
		byRep: fuByRep
	};

	// ---- KPI 10
	const marketing = byOrigin[0].cohort;
	const sales = byOrigin[1].cohort;
	const originSeriesOut: Record<string, { marketing: number; sales: number }> = {};
	for (let k = 0; k < nb; k++) {
		originSeriesOut[buckets.keys[k]] = {
			marketing: originSeries[k * 2],
			sales: originSeries[k * 2 + 1]
		};
	}
	const leadOrigin = {
		cohort,
		marketing,
		sales,
		marketingShare: ratio(marketing, cohort),
		salesShare: ratio(sales, cohort),
		series: originSeriesOut
	};

	// ---- KPI 11
	// Forecasts name no campaign and no origin: they keep the rep filter only (docs/kpis.md).
	const forecastAccuracy = computeForecasts(ds, zone.forecastStart, zone.forecastEnd, {
		from,
		to,
		asOf,
		mask
	});
	if (options.campaigns || options.origins) {
		forecastAccuracy.unfilteredBy = [];
		if (options.campaigns) forecastAccuracy.unfilteredBy.push('campaigns');
		if (options.origins) forecastAccuracy.unfilteredBy.push('origins');
	}

	// ---- KPI 12
	const meanWonValue = wonValuedCount === 0 ? 0 : wonValuedSum / wonValuedCount;
	const meanCycleMs = wonBeforeCount === 0 ? 0 : wonBeforeCycleSum / wonBeforeCount;
	const prob = new Float64Array(nStages);
	for (let st = 0; st < nStages; st++) prob[st] = ds.stageProbability[st];
	if (mode === 'historical') {
		for (let s = 0; s < nOpen; s++) {
			const d = histWon[s] + histLost[s];
			if (d > 0) prob[openStages[s]] = histWon[s] / d;
		}
	}
	const pipeByStage: Record<string, PipelineStageFigures> = {};
	for (let s = 0; s < nOpen; s++) {
		const st = openStages[s];
		pipeByStage[ds.stageIds[st]] = { count: 0, total: 0, weighted: 0, probability: prob[st] };
	}
	const pipeByRep = new Map<number, PipelineFigures>();
	const projectionByMonth = new Map<number, number>();
	let pTotal = 0;
	let pWeighted = 0;
	if (np > 0) {
		const table = monthTableFor(tz, asOf, asOf);
		const asOfMonth = table.monthOf(asOf);
		for (let k = 0; k < np; k++) {
			const i = pipeLead[k];
			const st = pipeStage[k];
			const v = leadValue[i] > 0 ? leadValue[i] : meanWonValue;
			const w = v * prob[st];
			pTotal += v;
			pWeighted += w;
			const bs = pipeByStage[ds.stageIds[st]];
			bs.count++;
			bs.total += v;
			bs.weighted += w;
			const owner = leadOwner[i];
			let br = pipeByRep.get(owner);
			if (!br) {
				br = { count: 0, total: 0, weighted: 0 };
				pipeByRep.set(owner, br);
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
	const byRepOut: Record<string, PipelineFigures> = {};
	for (const r of [...pipeByRep.keys()].sort((a, b) => a - b)) {
		byRepOut[ds.repIds[r]] = pipeByRep.get(r)!;
	}
	const projection: Record<string, number> = {};
	for (const m of [...projectionByMonth.keys()].sort((a, b) => a - b)) {
		projection[monthKey(m)] = projectionByMonth.get(m)!;
	}
	const weightedPipeline: WeightedPipelineResult = {
		mode,
		count: np,
		total: pTotal,
		weighted: pWeighted,
		meanWonValue,
		meanCycleDays: wonBeforeCount === 0 ? null : meanCycleMs / MS_PER_DAY,
		byStage: pipeByStage,
		byRep: byRepOut,
		projection
	};

	// ---- KPI 13
	const churn = computeChurn(ds, from, to, mask, leadMask);

	return {
		salesCycle,
		winLoss,
		costPerLead,
		stageDistribution,
		activities,
		opportunities,
		responseTime,
		followUp,
		responses,
		leadOrigin,
		forecastAccuracy,
		weightedPipeline,
		churn
	};
}

const seasonCache = new WeakMap<KpiDataset, Map<string, Int32Array>>();

/**
 * KPI 5's seasonality under the lead filter: the precomputed per-rep counts cannot be split by
 * lead, so walk every live activity once (only when a campaign or origin filter is given). It
 * does not depend on the period: kept per dataset, zone and filters, so a period change (and
 * the previous period's call) does not walk the log again.
 */
function filteredSeasonality(
	ds: KpiDataset,
	tz: string,
	mask: Uint8Array | null,
	leadMask: Uint8Array,
	filters: Pick<KpiOptions, 'reps' | 'campaigns' | 'origins'>
): Int32Array {
	const key = JSON.stringify([tz, filters.reps, filters.campaigns, filters.origins]);
	let cache = seasonCache.get(ds);
	if (!cache) seasonCache.set(ds, (cache = new Map()));
	const hit = cache.get(key);
	if (hit) return hit;
	// A handful of views at most; forget them all rather than grow without bound.
	if (cache.size >= 16) cache.clear();
	const out = new Int32Array(12);
	cache.set(key, out);
	const n = ds.actCount;
	if (n === 0) return out;
	const { actAt, actRep } = ds;
	const table = monthTableFor(tz, actAt[0], actAt[n - 1]);
	const starts = table.starts;
	// Activities are sorted: walk the month boundaries alongside them.
	let m = table.monthOf(actAt[0]) - table.firstYear * 12;
	for (let k = 0; k < n; k++) {
		const t = actAt[k];
		while (m + 1 < starts.length && starts[m + 1] <= t) m++;
		if (mask && !mask[actRep[k]]) continue;
		if (!activityLeadPasses(ds, leadMask, k)) continue;
		out[m % 12]++;
	}
	return out;
}

function responseFigures(positive: number, negative: number, neutral: number): ResponseFigures {
	return {
		positive,
		negative,
		neutral,
		positiveShare: ratio(positive, positive + negative),
		ratio: ratio(positive, negative)
	};
}

export function computeChurn(
	ds: KpiDataset,
	from: number,
	to: number,
	mask: Uint8Array | null,
	leadMask: Uint8Array | null = null
): ChurnResult {
	let atStart = 0;
	let churned = 0;
	let fresh = 0;
	let activeAtEnd = 0;
	const customerLead = leadMask ? customerLeads(ds) : null;
	for (let c = 0; c < ds.customerIds.length; c++) {
		const owner = ds.customerOwner[c];
		if (mask && (owner < 0 || !mask[owner])) continue;
		if (customerLead && !(customerLead[c] >= 0 && leadMask![customerLead[c]])) continue;
		const since = ds.customerSince[c];
		const ch = ds.customerChurnedAt[c];
		if (since < from && !(ch < from)) {
			atStart++;
			if (ch >= from && ch < to) churned++;
		}
		if (since >= from && since < to) fresh++;
		if (since < to && !(ch < to)) activeAtEnd++;
	}
	return { atStart, churned, rate: ratio(churned, atStart), new: fresh, activeAtEnd };
}

function computeForecasts(
	ds: KpiDataset,
	fStart: Float64Array,
	fEnd: Float64Array,
	p: { from: number; to: number; asOf: number; mask: Uint8Array | null }
): ForecastAccuracyResult {
	const rows: ForecastRow[] = [];
	let sumAbs = 0;
	let sumErr = 0;
	let sumActual = 0;
	let sumAmount = 0;
	for (let f = 0; f < ds.forecastIds.length; f++) {
		const rep = ds.forecastRep[f];
		if (p.mask && (rep < 0 || !p.mask[rep])) continue;
		const s = fStart[f];
		const e = fEnd[f];
		if (!(s >= p.from && e <= p.to && e <= p.asOf)) continue;
		// Sum in closedAt order (ties in record order): the same order in every implementation
		// and independent of how the file lists the leads.
		let actual = 0;
		if (rep >= 0) {
			const base = ds.wonOwnerStart[rep];
			const at = ds.wonOwnerCloseAt.subarray(base, ds.wonOwnerStart[rep + 1]);
			const z = firstAtOrAfter(at, e);
			for (let k = firstAtOrAfter(at, s); k < z; k++)
				actual += ds.leadValue[ds.wonByOwner[base + k]];
		} else {
			const z = firstAtOrAfter(ds.wonCloseAt, e);
			for (let k = firstAtOrAfter(ds.wonCloseAt, s); k < z; k++) {
				const i = ds.wonByClose[k];
				if (p.mask && !p.mask[ds.leadOwner[i]]) continue;
				actual += ds.leadValue[i];
			}
		}
		const amount = ds.forecastAmount[f];
		const error = amount - actual;
		const accuracy =
			actual === 0 ? (amount === 0 ? 1 : 0) : Math.max(0, 1 - Math.abs(error) / actual);
		rows.push({
			id: ds.forecastIds[f],
			period: ds.forecastPeriod[f],
			repId: rep >= 0 ? ds.repIds[rep] : null,
			amount,
			actual,
			error,
			accuracy
		});
		sumAbs += Math.abs(error);
		sumErr += error;
		sumActual += actual;
		sumAmount += amount;
	}
	return {
		count: rows.length,
		accuracy: sumActual === 0 ? null : Math.max(0, 1 - sumAbs / sumActual),
		bias: ratio(sumErr, sumActual),
		amount: sumAmount,
		actual: sumActual,
		rows
	};
}
