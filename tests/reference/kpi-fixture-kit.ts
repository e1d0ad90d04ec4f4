// Building blocks of the hand-computed KPI fixtures (src/lib/kpis/<slug>/fixtures.test.ts): a
// workspace of three reps and the default pipeline, records with defaults, and a run of the
// engine that checks the reference implementation agrees.
import { expect } from 'vitest';
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import type { Activity, Lead, Records, StageEvent } from '../../src/lib/domain/types';
import {
	computeKpis,
	datasetFromRecords,
	type KpiOptions,
	type KpiResult
} from '../../src/lib/kpi';
import { referenceKpis } from './kpi-reference';

export const U = '2024-01-01T00:00:00Z';
export const t = (s: string) => Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s);

export function workspace(p: Partial<Records>): Records {
	return {
		reps: ['r1', 'r2', 'r3'].map((id) => ({ id, updatedAt: U, name: id, active: true })),
		stages: defaultStages(U),
		campaigns: [],
		leads: [],
		stageEvents: [],
		activities: [],
		customers: [],
		forecasts: [],
		targets: [],
		...p
	};
}

export function lead(id: string, createdAt: string, o: Partial<Lead> = {}): Lead {
	return {
		id,
		updatedAt: U,
		name: id,
		ownerId: 'r1',
		origin: 'sales',
		createdAt,
		stageId: 'lead',
		...o
	};
}

let seq = 0;
export function ev(
	leadId: string,
	stageId: string,
	at: string,
	o: Partial<StageEvent> = {}
): StageEvent {
	return { id: `e${String(seq++).padStart(4, '0')}`, updatedAt: U, leadId, stageId, at, ...o };
}

export function act(at: string, o: Partial<Activity> = {}): Activity {
	return {
		id: `a${String(seq++).padStart(4, '0')}`,
		updatedAt: U,
		repId: 'r1',
		type: 'call',
		at,
		...o
	};
}

/** Runs the engine and the reference; they must agree. */
export function kpis(records: Records, o: KpiOptions & { timeZone?: string }): KpiResult {
	const tz = o.timeZone ?? 'UTC';
	const engine = computeKpis(datasetFromRecords(records, tz), { ...o, timeZone: tz });
	expect(engine).toEqual(referenceKpis(records, { ...o, timeZone: tz }));
	return engine;
}
