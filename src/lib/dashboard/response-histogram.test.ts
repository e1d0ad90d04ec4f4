import { describe, expect, it } from 'vitest';
import { defaultStages } from '../domain/default-pipeline';
import type { Activity, Lead, Records } from '../domain/types';
import { computeKpis, datasetFromRecords } from '../kpi/index';
import { responseBin, responseHistogram, responseHours } from './response-histogram';

const U = '2026-01-01T00:00:00Z';

describe('responseBin', () => {
	it('puts each time in its bin, a bin’s lower edge included', () => {
		expect([0, 0.99, 1, 3.99, 4, 23.9, 24, 71.9, 72, 167.9, 168, 5000].map(responseBin)).toEqual([
			0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5
		]);
	});

	it('counts per bin', () => {
		expect(responseHistogram([0.5, 2, 2.5, 30, 200, 169])).toEqual([1, 2, 0, 1, 0, 2]);
		expect(responseHistogram([])).toEqual([0, 0, 0, 0, 0, 0]);
	});
});

describe('responseHours', () => {
	const lead = (id: string, createdAt: string, o: Partial<Lead> = {}): Lead => ({
		id,
		updatedAt: U,
		name: id,
		ownerId: 'r1',
		origin: 'sales',
		createdAt,
		stageId: 'lead',
		...o
	});
	const act = (id: string, leadId: string, at: string, o: Partial<Activity> = {}): Activity => ({
		id,
		updatedAt: U,
		leadId,
		repId: 'r1',
		type: 'call',
		at,
		...o
	});
	const records: Records = {
		reps: ['r1', 'r2'].map((id) => ({ id, updatedAt: U, name: id, active: true })),
		stages: defaultStages(U),
		campaigns: [],
		leads: [
			// a: created 09:00, first contact 09:30 (the later call does not count): 0.5 h.
			lead('a', '2026-03-02T09:00:00Z'),
			// b: 2 days and 3 hours = 51 h; its deleted call an hour in is ignored.
			lead('b', '2026-03-03T00:00:00Z', { ownerId: 'r2', origin: 'marketing' }),
			// c: contacted before it was created: clamped to 0 h.
			lead('c', '2026-03-10T12:00:00Z'),
			// d: never contacted; e: created before the period; f: deleted.
			lead('d', '2026-03-11T00:00:00Z'),
			lead('e', '2026-02-20T00:00:00Z'),
			lead('f', '2026-03-12T00:00:00Z', { deletedAt: U })
		],
		stageEvents: [],
		activities: [
			act('a2', 'a', '2026-03-02T12:00:00Z'),
			act('a1', 'a', '2026-03-02T09:30:00Z'),
			act('b0', 'b', '2026-03-03T01:00:00Z', { deletedAt: U }),
			act('b1', 'b', '2026-03-05T03:00:00Z'),
			act('c1', 'c', '2026-03-09T12:00:00Z'),
			act('e1', 'e', '2026-03-02T00:00:00Z'),
			act('f1', 'f', '2026-03-12T01:00:00Z')
		],
		customers: [],
		forecasts: [],
		targets: []
	};
	const ds = datasetFromRecords(records, 'UTC');
	const options = {
		from: Date.parse('2026-03-01T00:00:00Z'),
		to: Date.parse('2026-04-01T00:00:00Z'),
		now: Date.parse('2026-05-01T00:00:00Z'),
		timeZone: 'UTC'
	};

	it('gives the hours to first contact of the cohort’s answered leads', () => {
		expect(responseHours(ds, options)).toEqual([0.5, 51, 0]);
		expect(responseHistogram(responseHours(ds, options))).toEqual([2, 0, 0, 1, 0, 0]);
	});

	it('follows the rep and origin filters, and its total is the figure’s count', () => {
		expect(responseHours(ds, { ...options, reps: ['r2'] })).toEqual([51]);
		// Only b came from marketing; a and c are sales leads.
		expect(responseHours(ds, { ...options, origins: ['marketing'] })).toEqual([51]);
		expect(responseHours(ds, { ...options, origins: ['sales'] })).toEqual([0.5, 0]);
		for (const reps of [undefined, ['r1'], ['r2']]) {
			const o = { ...options, reps };
			expect(responseHours(ds, o)).toHaveLength(computeKpis(ds, o).responseTime.count);
		}
	});
});
