// Property tests: the engine equals the reference implementation on thousands of random small
// workspaces, and the invariants a user relies on hold (order independence, shares, filters).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Records } from '../../src/lib/domain/types';
import { computeKpis, datasetFromRecords, type KpiResult } from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';
import { optionsArb, recordsArb } from '../reference/random-records';

function engine(records: Records, o: Parameters<typeof referenceKpis>[1]): KpiResult {
	return computeKpis(datasetFromRecords(records, o.timeZone), o);
}

/** Deep comparison with a relative tolerance for floats (sums in a different order). */
function close(a: unknown, b: unknown, path = ''): string | null {
	if (typeof a === 'number' && typeof b === 'number') {
		if (a === b) return null;
		const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
		return Math.abs(a - b) <= tol ? null : `${path}: ${a} != ${b}`;
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array mismatch`;
		const ka = Object.keys(a).sort();
		const kb = Object.keys(b).sort();
		if (ka.join() !== kb.join()) return `${path}: keys ${ka} != ${kb}`;
		for (const k of ka) {
			const d = close(
				(a as Record<string, unknown>)[k],
				(b as Record<string, unknown>)[k],
				`${path}.${k}`
			);
			if (d) return d;
		}
		return null;
	}
	return Object.is(a, b) ? null : `${path}: ${String(a)} != ${String(b)}`;
}

function shuffled<T>(list: T[], seed: number): T[] {
	const out = [...list];
	let s = seed || 1;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

describe('KPI engine against the reference implementation', () => {
	it('equals the reference on random workspaces, exactly', () => {
		fc.assert(
			fc.property(recordsArb, optionsArb, (records, o) => {
				expect(engine(records, o)).toEqual(referenceKpis(records, o));
			}),
			{ numRuns: 1500 }
		);
	}, 60_000);

	it('does not depend on the order of the records', () => {
		fc.assert(
			fc.property(recordsArb, optionsArb, fc.integer({ min: 1, max: 1e6 }), (records, o, seed) => {
				const mixed: Records = {
					reps: shuffled(records.reps, seed),
					stages: shuffled(records.stages, seed + 1),
					campaigns: shuffled(records.campaigns, seed + 2),
					leads: shuffled(records.leads, seed + 3),
					stageEvents: shuffled(records.stageEvents, seed + 4),
					activities: shuffled(records.activities, seed + 5),
					customers: shuffled(records.customers, seed + 6),
					forecasts: shuffled(records.forecasts, seed + 7),
					targets: shuffled(records.targets, seed + 8)
				};
				const a = engine(records, o);
				const b = engine(mixed, o);
				// Only the list of overlapping campaigns follows record order by design.
				a.costPerLead.campaigns.sort();
				b.costPerLead.campaigns.sort();
				expect(close(a, b)).toBeNull();
			}),
			{ numRuns: 300 }
		);
	}, 30_000);

	it('keeps shares summing to 1 and rates within [0, 1]', () => {
		fc.assert(
			fc.property(recordsArb, optionsArb, (records, o) => {
				const r = engine(records, o);
				const sd = r.stageDistribution;
				const shares = Object.values(sd.byStage).map((s) => s.share ?? 0);
				const open = Object.values(sd.byStage).map((s) => s.openShare ?? 0);
				const inStages = Object.values(sd.byStage).reduce((n, s) => n + s.count, 0);
				// Leads in an unknown stage count in the denominator only.
				if (sd.total > 0)
					expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(inStages / sd.total, 12);
				if (sd.openTotal > 0) expect(open.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
				const lo = r.leadOrigin;
				if (lo.cohort > 0) expect(lo.marketingShare! + lo.salesShare!).toBeCloseTo(1, 12);
				const rates = [
					r.winLoss.winRate,
					r.opportunities.rate,
					r.followUp.rate,
					r.responses.positiveShare,
					r.churn.rate,
					r.forecastAccuracy.accuracy,
					...sd.funnel.map((f) => f.rate),
					...r.forecastAccuracy.rows.map((x) => x.accuracy),
					...Object.values(r.followUp.byRep).map((x) => x.rate)
				];
				for (const x of rates) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
				// The funnel never widens.
				for (let k = 1; k < sd.funnel.length; k++) {
					expect(sd.funnel[k].reached).toBeLessThanOrEqual(sd.funnel[k - 1].reached);
				}
			}),
			{ numRuns: 300 }
		);
	}, 30_000);

	it('gives the same lead and activity figures when filtered by every rep as unfiltered', () => {
		fc.assert(
			fc.property(recordsArb, optionsArb, (records, o) => {
				const everyone = new Set<string>();
				for (const l of records.leads) everyone.add(l.ownerId);
				for (const a of records.activities) everyone.add(a.repId);
				const all = engine(records, { ...o, reps: undefined });
				const filtered = engine(records, { ...o, reps: [...everyone] });
				for (const k of [
					'salesCycle',
					'winLoss',
					'costPerLead',
					'stageDistribution',
					'activities',
					'opportunities',
					'responseTime',
					'followUp',
					'responses',
					'leadOrigin',
					'weightedPipeline'
				] as const) {
					expect(filtered[k]).toEqual(all[k]);
				}
			}),
			{ numRuns: 300 }
		);
	}, 30_000);

	it('counts every lead once across the origins, and all campaigns plus "none" as no filter', () => {
		const LEAD_KPIS = [
			'salesCycle',
			'winLoss',
			'stageDistribution',
			'opportunities',
			'responseTime',
			'followUp',
			'leadOrigin',
			'weightedPipeline'
		] as const;
		fc.assert(
			fc.property(recordsArb, optionsArb, (records, o) => {
				const plain = { ...o, campaigns: undefined, origins: undefined };
				const all = engine(records, plain);
				const m = engine(records, { ...plain, origins: ['marketing'] });
				const s = engine(records, { ...plain, origins: ['sales'] });
				expect(m.winLoss.won + s.winLoss.won).toBe(all.winLoss.won);
				expect(m.winLoss.lost + s.winLoss.lost).toBe(all.winLoss.lost);
				expect(m.leadOrigin.cohort + s.leadOrigin.cohort).toBe(all.leadOrigin.cohort);
				expect(m.leadOrigin.marketing).toBe(all.leadOrigin.marketing);
				expect(m.weightedPipeline.count + s.weightedPipeline.count).toBe(
					all.weightedPipeline.count
				);
				// Activities without a lead belong to no origin: the two halves hold the rest.
				const withLead = engine(records, { ...plain, origins: ['marketing', 'sales'] });
				expect(m.activities.total + s.activities.total).toBe(withLead.activities.total);
				expect(withLead.activities.total).toBeLessThanOrEqual(all.activities.total);
				// Every live campaign and "none" keep every lead.
				const ids = records.campaigns.filter((c) => !c.deletedAt).map((c) => c.id);
				const every = engine(records, { ...plain, campaigns: [...ids, ''] });
				for (const k of LEAD_KPIS) expect(every[k]).toEqual(all[k]);
				expect(every.costPerLead.byCampaign).toEqual(all.costPerLead.byCampaign);
			}),
			{ numRuns: 200 }
		);
	}, 30_000);
});
