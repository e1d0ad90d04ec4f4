// The records behind a figure, for the dashboard's drill-through. Same rules as computeKpis;
// slower (plain loops, no buffers), as it runs once per click.

import { ACTIVITY_RESPONSES, ACTIVITY_TYPES } from '../domain/types';
import { firstAtOrAfter } from './buckets';
import {
	activityLeadPasses,
	campaignFilterMask,
	customerLeads,
	leadFilterMask,
	repMask,
	stageAt
} from './compute';
import { KIND_OPEN, OUTCOME_LOST, OUTCOME_WON, zoneDerived, type KpiDataset } from './dataset';
import type { KpiKey, KpiOptions } from './result-types';

/**
 * Ids behind a KPI figure (lead ids unless noted), in record order:
 * - salesCycle, winLoss: leads closed in P; part `won` | `lost` (salesCycle also `clamped`).
 * - costPerLead: leads of the campaigns overlapping P; part = a campaign id for its leads.
 * - stageDistribution: leads in the snapshot at asOf; part = a stage id for those in it, or
 *   `funnel:<stageId>` for the cohort leads that reached it.
 * - activities: activity ids in P; part = a type (`call` ...) or a rep id.
 * - opportunities: the cohort; part `created` | `converted` | `marketing` | `sales`.
 * - responseTime: cohort leads with a first contact; part `unanswered` | a rep id.
 * - followUp: the cohort; part `followedUp` | `notFollowedUp` | a rep id.
 * - responses: activity ids in P with a response; part `positive` | `negative` | `neutral`.
 * - leadOrigin: the cohort; part `marketing` | `sales`.
 * - forecastAccuracy: forecast ids of the rows; part = a forecast id for its won leads.
 * - weightedPipeline: open leads at asOf; part = a stage id or a rep id.
 * - churn: customer ids; part `atStart` (default) | `churned` | `new` | `activeAtEnd`.
 * The campaign and origin filters apply as in computeKpis (forecasts keep the rep filter only).
 */
export function kpiRecords(
	ds: KpiDataset,
	options: KpiOptions,
	kpi: KpiKey,
	part?: string
): string[] {
	const { from, to } = options;
	const asOf = Math.min(to, options.now);
	const tz = options.timeZone ?? ds.timeZone;
	const mask = repMask(ds, options.reps);
	const leadMask = leadFilterMask(ds, options.campaigns, options.origins);
	const inP = (t: number) => t >= from && t < to;
	const leadOk = (i: number) =>
		(!mask || mask[ds.leadOwner[i]] === 1) && (!leadMask || leadMask[i] === 1);
	const leads = (pred: (i: number) => boolean): string[] => {
		const out: string[] = [];
		for (let i = 0; i < ds.leadCount; i++) if (leadOk(i) && pred(i)) out.push(ds.leadIds[i]);
		return out;
	};
	const cohort = (i: number) => inP(ds.leadCreatedAt[i]);
	const repOf = (id: string | undefined) => (id === undefined ? -2 : (ds.repIndex.get(id) ?? -2));

	switch (kpi) {
		case 'salesCycle':
		case 'winLoss':
			return leads((i) => {
				if (!inP(ds.closedAt[i])) return false;
				if (part === 'won') return ds.outcome[i] === OUTCOME_WON;
				if (part === 'lost') return ds.outcome[i] === OUTCOME_LOST;
				if (part === 'clamped') return ds.closedAt[i] < ds.cycleStart[i];
				return true;
			});
		case 'costPerLead': {
			const zone = zoneDerived(ds, tz);
			const campaignMask = campaignFilterMask(ds, options.campaigns, options.origins);
			const chosen = new Set<number>();
			ds.campaignIds.forEach((id, c) => {
				if (campaignMask && !campaignMask[c]) return;
				if (
					part !== undefined
						? id === part
						: zone.campaignStart[c] < to && zone.campaignEnd[c] > from
				) {
					chosen.add(c);
				}
			});
			// All time, no rep filter, each chosen campaign's leads whatever their origin (as the KPI).
			const out: string[] = [];
			for (let i = 0; i < ds.leadCount; i++)
				if (chosen.has(ds.leadCampaign[i])) out.push(ds.leadIds[i]);
			return out;
		}
		case 'stageDistribution': {
			if (part?.startsWith('funnel:')) {
				const st = ds.stageIndex.get(part.slice(7));
				if (st === undefined) return [];
				const won = ds.stageKind[st] !== KIND_OPEN;
				return leads(
					(i) =>
						cohort(i) &&
						(ds.reachedWon[i] === 1 || (!won && ds.reachedOrder[i] >= ds.stageOrder[st]))
				);
			}
			const st = part === undefined ? undefined : ds.stageIndex.get(part);
			return leads((i) => {
				if (!(ds.leadCreatedAt[i] < asOf)) return false;
				return part === undefined || stageAt(ds, i, asOf) === st;
			});
		}
		case 'activities':
		case 'responses': {
			const lo = firstAtOrAfter(ds.actAt, from);
			const hi = firstAtOrAfter(ds.actAt, to);
			const type = ACTIVITY_TYPES.indexOf(part as never);
			const response = ACTIVITY_RESPONSES.indexOf(part as never) + 1;
			const rep = repOf(part);
			const out: string[] = [];
			for (let k = lo; k < hi; k++) {
				if (mask && !mask[ds.actRep[k]]) continue;
				if (leadMask && !activityLeadPasses(ds, leadMask, k)) continue;
				if (kpi === 'responses') {
					if (ds.actResponse[k] === 0) continue;
					if (part !== undefined && ds.actResponse[k] !== response && ds.actRep[k] !== rep)
						continue;
				} else if (part !== undefined && ds.actType[k] !== type && ds.actRep[k] !== rep) {
					continue;
				}
				out.push(ds.idPools[ds.actPool[k]].at(ds.actPoolRow[k]) as string);
			}
			return out;
		}
		case 'opportunities':
			if (part === 'created') return leads((i) => inP(ds.opportunityAt[i]));
			return leads((i) => {
				if (!cohort(i)) return false;
				if (part === 'converted') return !Number.isNaN(ds.opportunityAt[i]);
				if (part === 'marketing') return ds.leadOrigin[i] === 0;
				if (part === 'sales') return ds.leadOrigin[i] === 1;
				return true;
			});
		case 'responseTime':
		case 'followUp':
		case 'leadOrigin': {
			const rep = repOf(part);
			return leads((i) => {
				if (!cohort(i)) return false;
				const answered = !Number.isNaN(ds.firstContactAt[i]);
				if (rep >= 0) return ds.leadOwner[i] === rep && (kpi !== 'responseTime' || answered);
				if (part === 'marketing') return ds.leadOrigin[i] === 0;
				if (part === 'sales') return ds.leadOrigin[i] === 1;
				if (part === 'unanswered' || part === 'notFollowedUp') return !answered;
				if (part === 'followedUp' || kpi === 'responseTime') return answered;
				return true;
			});
		}
		case 'forecastAccuracy': {
			const zone = zoneDerived(ds, tz);
			const out: string[] = [];
			for (let f = 0; f < ds.forecastIds.length; f++) {
				const rep = ds.forecastRep[f];
				if (mask && (rep < 0 || !mask[rep])) continue;
				const s = zone.forecastStart[f];
				const e = zone.forecastEnd[f];
				if (!(s >= from && e <= to && e <= asOf)) continue;
				if (part === undefined) {
					out.push(ds.forecastIds[f]);
				} else if (part === ds.forecastIds[f]) {
					// The rep filter only, as the KPI: forecasts name no campaign or origin.
					const won: string[] = [];
					for (let i = 0; i < ds.leadCount; i++) {
						if (mask && !mask[ds.leadOwner[i]]) continue;
						if (
							ds.outcome[i] === OUTCOME_WON &&
							ds.closedAt[i] >= s &&
							ds.closedAt[i] < e &&
							(rep < 0 || ds.leadOwner[i] === rep)
						)
							won.push(ds.leadIds[i]);
					}
					return won;
				}
			}
			return part === undefined ? out : [];
		}
		case 'weightedPipeline': {
			const st = part === undefined ? undefined : ds.stageIndex.get(part);
			const rep = repOf(part);
			return leads((i) => {
				if (!(ds.leadCreatedAt[i] < asOf)) return false;
				const s = stageAt(ds, i, asOf);
				if (s < 0 || ds.stageKind[s] !== KIND_OPEN) return false;
				if (part === undefined) return true;
				return s === st || ds.leadOwner[i] === rep;
			});
		}
		case 'churn': {
			const out: string[] = [];
			const customerLead = leadMask ? customerLeads(ds) : null;
			for (let c = 0; c < ds.customerIds.length; c++) {
				const owner = ds.customerOwner[c];
				if (mask && (owner < 0 || !mask[owner])) continue;
				if (customerLead && !(customerLead[c] >= 0 && leadMask![customerLead[c]])) continue;
				const since = ds.customerSince[c];
				const ch = ds.customerChurnedAt[c];
				const atStart = since < from && !(ch < from);
				let keep: boolean;
				if (part === 'churned') keep = atStart && ch >= from && ch < to;
				else if (part === 'new') keep = since >= from && since < to;
				else if (part === 'activeAtEnd') keep = since < to && !(ch < to);
				else keep = atStart;
				if (keep) out.push(ds.customerIds[c]);
			}
			return out;
		}
	}
	return [];
}
