import { afterEach, describe, expect, it } from 'vitest';
import { createLead, logActivity } from '../db/commands';
import { CommandHistory } from '../db/history';
import { closeAll, workspaceDb } from '../db/test-util';
import { chartDataService } from './kpi-chart-data';
import { KpiEngineHost } from './kpi-engine-host';
import type { KpiRequest } from './kpi-protocol';

const request: KpiRequest = {
	from: Date.UTC(2026, 2, 1),
	to: Date.UTC(2026, 3, 1),
	now: Date.UTC(2026, 5, 1),
	timeZone: 'UTC'
};

afterEach(closeAll);

describe('chart data in the KPI worker', () => {
	it('bins the first responses of the figure’s leads, and follows later edits', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const a = await history.run(createLead({ name: 'A', createdAt: '2026-03-02T09:00:00Z' }));
		const b = await history.run(createLead({ name: 'B', createdAt: '2026-03-03T09:00:00Z' }));
		await history.run(createLead({ name: 'C', createdAt: '2026-03-04T09:00:00Z' }));
		// A: answered after 30 minutes; B: after 2 days (48 h); C: never.
		await history.run(logActivity({ leadId: a.id, type: 'call', at: '2026-03-02T09:30:00Z' }));
		await history.run(logActivity({ leadId: b.id, type: 'email', at: '2026-03-05T09:00:00Z' }));
		const host = new KpiEngineHost(db);
		const service = chartDataService(() => host);

		expect(await service.responseHistogram(request)).toEqual([1, 0, 0, 1, 0, 0]);
		expect((await host.compute(request)).result.responseTime.count).toBe(2);

		// An earlier call to B (5 hours in) moves B from "1-3 days" to "4-24 h".
		await history.run(logActivity({ leadId: b.id, type: 'call', at: '2026-03-03T14:00:00Z' }));
		expect(await service.responseHistogram(request)).toEqual([1, 0, 1, 0, 0, 0]);
	});
});
