// Test helper: a small workspace with targets, closed and open deals, computed by the real
// engine, for the "On track?" strip, the target page and the forecast panels.
import { computeKpis, datasetFromRecords } from '../kpi/index';
import type { KpiResult } from '../kpi/result-types';
import { RECORD_LIST_NAMES, type Records, type Target } from '../domain/types';

const at = '2026-01-01T00:00:00.000Z';
const base = { updatedAt: at };

export const FORECAST_TARGETS: Target[] = [
	// Won value of the team in Q1: 3 deals of 10,000 won by mid-February.
	{ id: 't1', ...base, metric: 'wonValue', from: '2026-01-01', to: '2026-03-31', amount: 100000 },
	// Anna's new leads in Q1: already more than the amount.
	{
		id: 't2',
		...base,
		metric: 'newLeads',
		repId: 'r1',
		from: '2026-01-01',
		to: '2026-03-31',
		amount: 2
	},
	// March's activities: not begun on 15 February.
	{ id: 't3', ...base, metric: 'activities', from: '2026-03-01', to: '2026-03-31', amount: 50 }
];

export function forecastRecords(
	targets: Target[] = FORECAST_TARGETS
): Records & { targets: Target[] } {
	const records = Object.fromEntries(RECORD_LIST_NAMES.map((n) => [n, []])) as unknown as Records;
	records.reps = [{ id: 'r1', ...base, name: 'Anna', active: true }];
	records.stages = [
		{
			id: 'lead',
			...base,
			name: 'Lead',
			order: 1,
			kind: 'open',
			probability: 0.1,
			qualified: false
		},
		{
			id: 'proposal',
			...base,
			name: 'Proposal',
			order: 2,
			kind: 'open',
			probability: 0.9,
			qualified: true
		},
		{ id: 'won', ...base, name: 'Won', order: 3, kind: 'won', probability: 1, qualified: true },
		{ id: 'lost', ...base, name: 'Lost', order: 4, kind: 'lost', probability: 0, qualified: true }
	];
	const lead = (id: string, stageId: string, createdAt: string, value: number) => ({
		id,
		...base,
		name: `Lead ${id}`,
		ownerId: 'r1',
		origin: 'sales' as const,
		createdAt,
		stageId,
		value,
		expectedCloseDate: '2026-03-15'
	});
	records.leads = [
		lead('w1', 'won', '2026-01-10T10:00:00.000Z', 10000),
		lead('w2', 'won', '2026-01-20T10:00:00.000Z', 10000),
		lead('w3', 'won', '2026-02-10T10:00:00.000Z', 10000),
		lead('x1', 'lost', '2025-12-10T10:00:00.000Z', 5000),
		lead('o1', 'proposal', '2025-12-01T10:00:00.000Z', 40000),
		lead('o2', 'lead', '2025-11-01T10:00:00.000Z', 20000)
	];
	// The won deals went lead -> proposal -> won, so the Brier score has leads to average.
	records.stageEvents = ['w1', 'w2', 'w3'].flatMap((id) => {
		const created = records.leads.find((l) => l.id === id)!.createdAt;
		const day = (n: number) => new Date(Date.parse(created) + n * 86400000).toISOString();
		return [
			{ id: `${id}-a`, ...base, leadId: id, stageId: 'lead', at: created },
			{ id: `${id}-b`, ...base, leadId: id, stageId: 'proposal', at: day(2) },
			{ id: `${id}-c`, ...base, leadId: id, stageId: 'won', at: day(4) }
		];
	});
	return { ...records, targets };
}

/** Q1 2026 seen on 15 February. */
export function forecastResult(targets?: Target[]): KpiResult {
	return computeKpis(datasetFromRecords(forecastRecords(targets), 'UTC'), {
		from: Date.UTC(2026, 0, 1),
		to: Date.UTC(2026, 3, 1),
		now: Date.UTC(2026, 1, 15)
	});
}
