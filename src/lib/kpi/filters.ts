// The filters of a KPI computation as masks over the dataset (rep, campaign, origin), and the
// lookups every KPI module shares: a lead's stage at an instant, a customer's lead.

import type { Origin } from '../domain/types';
import type { KpiDataset } from './dataset-types';

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

/**
 * Whether customer c counts under the filters: its owner under the rep filter, its lead under the
 * campaign and origin filters. Null when no filter is given (every customer counts).
 */
export function customerFilter(
	ds: KpiDataset,
	mask: Uint8Array | null,
	leadMask: Uint8Array | null
): ((c: number) => boolean) | null {
	if (!mask && !leadMask) return null;
	const customerLead = leadMask ? customerLeads(ds) : null;
	return (c) => {
		const owner = ds.customerOwner[c];
		if (mask && (owner < 0 || !mask[owner])) return false;
		return !customerLead || (customerLead[c] >= 0 && leadMask![customerLead[c]] === 1);
	};
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
