import { afterEach, describe, expect, it } from 'vitest';
import { createLead, deleteRecords, logActivity, moveLead, updateLead } from '../db/commands';
import { CommandHistory } from '../db/history';
import { readAllRecords } from '../db/repositories';
import { closeAll, workspaceDb } from '../db/test-util';
import { computeKpis, datasetFromRecords } from '../kpi/index';
import { KpiEngineHost } from './kpi-engine-host';
import type { KpiRequest } from './kpi-protocol';

const request: KpiRequest = {
	from: Date.UTC(2026, 0, 1),
	to: Date.UTC(2027, 0, 1),
	now: Date.UTC(2026, 11, 31)
};

/** What a cold build from everything in the database gives: the oracle for incremental refresh. */
async function coldResult(db: Awaited<ReturnType<typeof workspaceDb>>['db']) {
	const ds = datasetFromRecords(await readAllRecords(db), 'UTC');
	return computeKpis(ds, { from: request.from, to: request.to, now: request.now as number });
}

afterEach(closeAll);

describe('KpiEngineHost', () => {
	it('reads everything on the first call, then answers from memory while nothing changes', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		await history.run(createLead({ name: 'Acme', createdAt: '2026-03-01T10:00:00Z' }));
		const host = new KpiEngineHost(db);
		const first = await host.compute(request);
		expect(first.timings.refresh).toBe('cold');
		expect(first.result.followUp.total).toBe(1);
		const second = await host.compute(request);
		expect(second.timings.refresh).toBe('cached');
		expect(second.result).toEqual(first.result);
	});

	it('after each edit re-reads only what changed and agrees with a cold build', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const lead = await history.run(
			createLead({ name: 'Acme', createdAt: '2026-03-01T10:00:00Z', value: 1000 })
		);
		const host = new KpiEngineHost(db);
		await host.compute(request);

		const edits = [
			() =>
				history.run(
					logActivity({
						leadId: lead.id,
						type: 'call',
						at: '2026-03-02T09:00:00Z',
						response: 'positive'
					})
				),
			() => history.run(moveLead(lead.id, 'won', { at: '2026-04-01T12:00:00Z' })),
			() => history.run(updateLead(lead.id, { value: 2500 })),
			() => history.run(createLead({ name: 'Beta', createdAt: '2026-05-01T10:00:00Z' })),
			() => history.undo(),
			() => history.run(deleteRecords('leads', [lead.id]))
		];
		for (const edit of edits) {
			await edit();
			const r = await host.compute(request);
			expect(r.timings.refresh).toBe('incremental');
			expect(r.result).toEqual(await coldResult(db));
		}
	});

	it('stays equal to a cold build over many leads, unassigned activities, deletes and undo', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const leads: { id: string }[] = [];
		for (let i = 0; i < 12; i++) {
			leads.push(
				await history.run(
					createLead({
						name: `L${i}`,
						createdAt: `2026-0${1 + (i % 9)}-0${1 + (i % 7)}T10:00:00Z`,
						value: 100 * i
					})
				)
			);
		}
		const host = new KpiEngineHost(db);
		await host.compute(request);
		const at = (m: number, d: number) => `2026-${String(m).padStart(2, '0')}-1${d}T09:00:00Z`;
		const edits = [
			() => history.run(logActivity({ type: 'email', at: at(2, 1) })),
			() =>
				history.run(
					logActivity({ leadId: leads[3].id, type: 'call', at: at(4, 2), response: 'negative' })
				),
			() => history.run(logActivity({ leadId: leads[3].id, type: 'meeting', at: at(3, 2) })),
			() => history.run(moveLead(leads[3].id, 'won', { at: at(5, 1) })),
			() => history.run(moveLead(leads[5].id, 'lost', { at: at(5, 1) })),
			() => history.run(moveLead(leads[7].id, 'won', { at: at(5, 1) })),
			() => history.undo(),
			() => history.run(updateLead(leads[5].id, { value: 999 })),
			() => history.run(createLead({ name: 'New', createdAt: at(6, 3) })),
			() => history.run(deleteRecords('leads', [leads[3].id])),
			() => history.undo(),
			() => history.undo()
		];
		for (const edit of edits) {
			await edit();
			const r = await host.compute(request);
			expect(r.timings.refresh).toBe('incremental');
			expect(r.result).toEqual(await coldResult(db));
		}
	});

	it('computes the period just before P when asked for the change figures', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		await history.run(createLead({ name: 'Old', createdAt: '2025-06-01T10:00:00Z' }));
		await history.run(createLead({ name: 'New', createdAt: '2026-06-01T10:00:00Z' }));
		const host = new KpiEngineHost(db);
		const r = await host.compute({ ...request, withPrevious: true });
		expect(r.result.followUp.total).toBe(1);
		expect(r.previous?.followUp.total).toBe(1);
		expect(r.previous?.leadOrigin.sales).toBe(1);
	});
});
