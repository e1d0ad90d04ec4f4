import { afterEach, describe, expect, it } from 'vitest';
import {
	createLead,
	createRecord,
	deleteRecords,
	deleteStageEvent,
	editStageEvent,
	emptyBin,
	logActivity,
	moveLead,
	restoreRecords,
	runCommand,
	setActivityResponse,
	updateActivity,
	updateLead,
	updateRecord,
	upsertMany,
	ValidationError,
	type Command
} from './commands';
import { copyLastPeriodTargets, copyTargets, setTargetWindow } from './target-commands';
import {
	activitiesOfLead,
	getLead,
	listDeleted,
	readAllRecords,
	stageEventsOfLead,
	writeRecords
} from './repositories';
import { emptyRecords } from '../domain/types';
import { bucketOf } from './blocks';
import { CommandHistory } from './history';
import { closeAll, workspaceDb } from './test-util';
import type { TragtDatabase } from './database';

afterEach(closeAll);

const run = async <R>(db: TragtDatabase, cmd: Command<R>) => (await runCommand(db, cmd)).result;

async function expectValidation(p: Promise<unknown>, field: string) {
	const e = await p.then(
		() => undefined,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ValidationError);
	expect((e as ValidationError).field).toBe(field);
}

describe('createLead', () => {
	it('fills defaults and appends the first stage event at createdAt', async () => {
		const { db, settings } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'Acme', createdAt: '2026-03-01T09:00:00.000Z' }));
		expect(lead.ownerId).toBe(settings.meRepId);
		expect(lead.origin).toBe('sales');
		expect(lead.stageId).toBe('lead');
		const events = await stageEventsOfLead(db, lead.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			leadId: lead.id,
			stageId: 'lead',
			at: '2026-03-01T09:00:00.000Z'
		});
		expect(await getLead(db, lead.id)).toEqual(lead);
	});

	it("takes the campaign's origin when none is given", async () => {
		const { db } = await workspaceDb();
		const c = await run(
			db,
			createRecord('campaigns', { name: 'Fair', origin: 'marketing', budget: 100 })
		);
		const lead = await run(db, createLead({ name: 'X', campaignId: c.id }));
		expect(lead.origin).toBe('marketing');
		const lead2 = await run(db, createLead({ name: 'Y', campaignId: c.id, origin: 'sales' }));
		expect(lead2.origin).toBe('sales');
	});

	it('rejects a missing name, a negative value and unknown references, writing nothing', async () => {
		const { db } = await workspaceDb();
		await expectValidation(run(db, createLead({ name: '  ' })), 'name');
		await expectValidation(run(db, createLead({ name: 'A', value: -1 })), 'value');
		await expectValidation(run(db, createLead({ name: 'A', ownerId: 'nobody' })), 'ownerId');
		await expectValidation(run(db, createLead({ name: 'A', campaignId: 'nope' })), 'campaignId');
		await expectValidation(run(db, createLead({ name: 'A', stageId: 'nope' })), 'stageId');
		await expectValidation(
			run(db, createLead({ name: 'A', origin: 'web' as unknown as 'sales' })),
			'origin'
		);
		const all = await readAllRecords(db);
		expect(all.leads).toEqual([]);
		expect(all.stageEvents).toEqual([]);
	});
});

describe('stage rules', () => {
	it('a move appends an event and the lead follows it', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00.000Z' }));
		await run(db, moveLead(lead.id, 'qualified', { at: '2026-01-05T00:00:00.000Z' }));
		expect((await getLead(db, lead.id))?.stageId).toBe('qualified');
		const events = await stageEventsOfLead(db, lead.id);
		expect(events.map((e) => e.stageId)).toEqual(['lead', 'qualified']);
	});

	it('a move logged in the past does not become the current stage', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00.000Z' }));
		await run(db, moveLead(lead.id, 'proposal', { at: '2026-02-01T00:00:00.000Z' }));
		await run(db, moveLead(lead.id, 'contacted', { at: '2026-01-10T00:00:00.000Z' }));
		expect((await getLead(db, lead.id))?.stageId).toBe('proposal');
		const events = await stageEventsOfLead(db, lead.id);
		expect(events.map((e) => e.stageId)).toEqual(['lead', 'contacted', 'proposal']);
	});

	it('compares instants, not strings: an offset time later in UTC wins', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00Z' }));
		// 10:00+01:00 = 09:00Z, earlier than 09:30Z although its string sorts later.
		await run(db, moveLead(lead.id, 'won', { at: '2026-01-05T09:30:00Z' }));
		await run(db, moveLead(lead.id, 'lost', { at: '2026-01-05T10:00:00+01:00' }));
		expect((await getLead(db, lead.id))?.stageId).toBe('won');
	});

	it('editing and deleting events moves the lead to its latest live event', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00.000Z' }));
		const e1 = await run(db, moveLead(lead.id, 'contacted', { at: '2026-01-02T00:00:00.000Z' }));
		const e2 = await run(db, moveLead(lead.id, 'won', { at: '2026-01-03T00:00:00.000Z' }));
		// Move the contacted event after the win: contacted is now the latest.
		await run(db, editStageEvent(e1.id, { at: '2026-01-04T00:00:00.000Z' }));
		expect((await getLead(db, lead.id))?.stageId).toBe('contacted');
		// Change that event's stage (no lead hint: the block is found by scanning ids).
		await run(db, editStageEvent(e1.id, { stageId: 'negotiation' }));
		expect((await getLead(db, lead.id))?.stageId).toBe('negotiation');
		await run(db, deleteStageEvent(e1.id));
		expect((await getLead(db, lead.id))?.stageId).toBe('won');
		await run(db, deleteStageEvent(e2.id, lead.id));
		expect((await getLead(db, lead.id))?.stageId).toBe('lead');
		await run(db, restoreRecords('stageEvents', [e1.id]));
		expect((await getLead(db, lead.id))?.stageId).toBe('negotiation');
		const all = await stageEventsOfLead(db, lead.id, { includeDeleted: true });
		expect(all).toHaveLength(3);
		expect(all.find((e) => e.id === e2.id)?.deletedAt).toBeTruthy();
	});

	it('ties on `at` are broken by id', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00.000Z' }));
		const at = '2026-01-02T00:00:00.000Z';
		const a = await run(db, moveLead(lead.id, 'contacted', { at }));
		const b = await run(db, moveLead(lead.id, 'qualified', { at }));
		const expected = a.id > b.id ? 'contacted' : 'qualified';
		expect((await getLead(db, lead.id))?.stageId).toBe(expected);
	});

	it('updateLead refuses a stage change and keeps other fields', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', value: 10, company: 'Co' }));
		await expectValidation(
			run(db, updateLead(lead.id, { stageId: 'won' } as unknown as { name: string })),
			'stageId'
		);
		const u = await run(db, updateLead(lead.id, { name: 'B', company: '' }));
		expect(u).toMatchObject({ name: 'B', value: 10, stageId: 'lead' });
		expect(u.company).toBeUndefined();
		expect(u.updatedAt >= lead.updatedAt).toBe(true);
	});

	it('moveLead records a lost reason on the lead', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A' }));
		await run(db, moveLead(lead.id, 'lost', { lostReason: 'price' }));
		expect(await getLead(db, lead.id)).toMatchObject({ stageId: 'lost', lostReason: 'price' });
	});
});

describe('activities', () => {
	it('logs, answers and edits activities in the lead block', async () => {
		const { db, settings } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A' }));
		const a = await run(
			db,
			logActivity({ leadId: lead.id, type: 'call', at: '2026-01-02T10:00:00Z' })
		);
		expect(a.repId).toBe(settings.meRepId);
		await run(db, setActivityResponse(a.id, 'positive'));
		let list = await activitiesOfLead(db, lead.id);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({
			type: 'call',
			response: 'positive',
			at: '2026-01-02T10:00:00.000Z'
		});
		await run(db, setActivityResponse(a.id, undefined, lead.id));
		list = await activitiesOfLead(db, lead.id);
		expect(list[0].response).toBeUndefined();
		await expectValidation(run(db, logActivity({ type: 'fax' as 'call' })), 'type');
		await expectValidation(run(db, setActivityResponse(a.id, 'great' as 'positive')), 'response');
	});

	it('moving an activity to another lead moves it between blocks', async () => {
		const { db } = await workspaceDb();
		// Find two leads in different buckets.
		let l1 = await run(db, createLead({ name: 'A' }));
		let l2 = await run(db, createLead({ name: 'B' }));
		while (bucketOf(l2.id) === bucketOf(l1.id)) l2 = await run(db, createLead({ name: 'B' }));
		const a = await run(db, logActivity({ leadId: l1.id, type: 'email', note: 'hello' }));
		await run(db, updateActivity(a.id, { leadId: l2.id }));
		expect(await activitiesOfLead(db, l1.id)).toEqual([]);
		expect((await activitiesOfLead(db, l2.id)).map((x) => x.note)).toEqual(['hello']);
		await run(db, updateActivity(a.id, { leadId: null }, l2.id));
		expect(await activitiesOfLead(db, l2.id)).toEqual([]);
		const all = await readAllRecords(db);
		expect(all.activities).toHaveLength(1);
		expect(all.activities[0].leadId).toBeUndefined();
		l1 = l2;
	});
});

describe('other records', () => {
	it('creates and updates reps, stages, campaigns, customers and forecasts', async () => {
		const { db } = await workspaceDb();
		const rep = await run(db, createRecord('reps', { name: 'Ann' }));
		expect(rep.active).toBe(true);
		const stage = await run(
			db,
			createRecord('stages', { name: 'Demo', kind: 'open', probability: 0.4 })
		);
		expect(stage.order).toBe(8);
		const won = await run(db, createRecord('stages', { name: 'Signed', kind: 'won' }));
		expect(won.probability).toBe(1);
		const c = await run(db, createRecord('campaigns', { name: 'Web' }));
		expect(c).toMatchObject({ origin: 'marketing', budget: 0 });
		const cu = await run(
			db,
			createRecord('customers', { name: 'Co', ownerId: rep.id, since: '2026-01-01' })
		);
		const f = await run(
			db,
			createRecord('forecasts', { period: '2026-Q4', amount: 5000, repId: rep.id })
		);
		await run(db, updateRecord('reps', rep.id, { active: false }));
		await run(db, updateRecord('forecasts', f.id, { amount: 6000 }));
		const all = await readAllRecords(db);
		expect(all.reps.find((r) => r.id === rep.id)?.active).toBe(false);
		expect(all.forecasts[0].amount).toBe(6000);
		expect(all.customers[0]).toEqual(cu);
	});

	it('creates and edits targets: defaults, team when the rep is empty, windows checked', async () => {
		const { db } = await workspaceDb();
		const rep = await run(db, createRecord('reps', { name: 'Ann' }));
		const t = await run(
			db,
			createRecord('targets', { from: '2026-11-01', to: '2026-11-30', repId: '' })
		);
		expect(t).toMatchObject({ metric: 'wonValue', amount: 0, from: '2026-11-01' });
		expect(t).not.toHaveProperty('repId');
		await run(db, updateRecord('targets', t.id, { repId: rep.id, amount: 9000, metric: 'won' }));
		const all = await readAllRecords(db);
		expect(all.targets).toEqual([
			{ ...t, repId: rep.id, amount: 9000, metric: 'won', updatedAt: all.targets[0].updatedAt }
		]);
		const bad = (patch: Record<string, unknown>) =>
			run(db, createRecord('targets', { from: '2026-11-01', to: '2026-11-30', ...patch }));
		await expectValidation(bad({ metric: 'revenue' as never }), 'metric');
		await expectValidation(bad({ to: '2026-10-31' }), 'to');
		await expectValidation(bad({ from: '2026-11' }), 'from');
		await expectValidation(bad({ amount: -1 }), 'amount');
		await expectValidation(bad({ repId: 'ghost' }), 'repId');
		await expectValidation(run(db, createRecord('targets', { to: '2026-11-30' })), 'from');
		await expectValidation(run(db, updateRecord('targets', t.id, { from: '2026-12-01' })), 'to');
		// Nothing refused was written.
		expect((await readAllRecords(db)).targets).toHaveLength(1);
	});

	it('copies targets and sets windows as one undo step each, all or nothing', async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const rows = [
			{ metric: 'won' as const, from: '2026-11-01', to: '2026-11-30', amount: 3 },
			{ metric: 'newLeads' as const, from: '2026-11-01', to: '2026-11-30', amount: 40 }
		];
		const ids = await history.run(copyTargets(rows));
		expect((await readAllRecords(db)).targets.map((t) => t.amount).sort()).toEqual([3, 40]);
		await history.undo();
		expect((await readAllRecords(db)).targets).toEqual([]);
		await history.redo();
		expect((await readAllRecords(db)).targets).toHaveLength(2);

		await history.run(setTargetWindow(ids, { from: '2026-10-01', to: '2026-12-31' }));
		let all = (await readAllRecords(db)).targets;
		expect(all.map((t) => [t.from, t.to])).toEqual([
			['2026-10-01', '2026-12-31'],
			['2026-10-01', '2026-12-31']
		]);
		await history.undo();
		all = (await readAllRecords(db)).targets;
		expect(all.map((t) => t.to)).toEqual(['2026-11-30', '2026-11-30']);

		// A bad row refuses the whole copy, naming the row.
		const e = await history
			.run(copyTargets([rows[0], { ...rows[1], to: '2026-01-01' }]))
			.catch((err: unknown) => err);
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).message).toBe(
			'targets.to: row 2: targets.to: must not be before the from date'
		);
		expect((await readAllRecords(db)).targets).toHaveLength(2);
	});

	it("copies last month's targets into this month in one step; a second press adds none", async () => {
		const { db } = await workspaceDb();
		const history = new CommandHistory(db);
		const rep = await history.run(createRecord('reps', { name: 'Ann' }));
		await history.run(
			copyTargets([
				{ metric: 'wonValue', repId: rep.id, from: '2026-10-01', to: '2026-10-31', amount: 7000 },
				{ metric: 'won', from: '2026-10-01', to: '2026-10-31', amount: 3 },
				{ metric: 'newLeads', from: '2026-07-01', to: '2026-09-30', amount: 60 }
			])
		);
		const now = Date.UTC(2026, 10, 15);
		const ids = await history.run(copyLastPeriodTargets('month', now, 'UTC'));
		expect(ids).toHaveLength(2);
		const nov = (await readAllRecords(db)).targets.filter((t) => t.from === '2026-11-01');
		expect(nov.map((t) => [t.metric, t.repId, t.to, t.amount]).sort()).toEqual([
			['won', undefined, '2026-11-30', 3],
			['wonValue', rep.id, '2026-11-30', 7000]
		]);
		expect(await history.run(copyLastPeriodTargets('month', now, 'UTC'))).toEqual([]);
		// The empty second copy wrote nothing and left no step: one undo takes the copy back whole.
		expect(history.undoDepth).toBe(3);
		await history.undo();
		const left = (await readAllRecords(db)).targets;
		expect(left.filter((t) => t.from === '2026-11-01')).toEqual([]);
		expect(left).toHaveLength(3);
	});

	it('validates enums, money, periods and probabilities', async () => {
		const { db } = await workspaceDb();
		await expectValidation(run(db, createRecord('reps', { name: '' })), 'name');
		await expectValidation(run(db, createRecord('campaigns', { name: 'X', budget: -5 })), 'budget');
		await expectValidation(
			run(db, createRecord('forecasts', { period: '2026-13', amount: 1 })),
			'period'
		);
		await expectValidation(
			run(db, createRecord('forecasts', { period: '2026', amount: -1 })),
			'amount'
		);
		await expectValidation(
			run(db, createRecord('stages', { name: 'S', kind: 'open', probability: 1.5 })),
			'probability'
		);
		await expectValidation(
			run(db, createRecord('stages', { name: 'S', kind: 'lost', probability: 0.5 })),
			'probability'
		);
		await expectValidation(
			run(
				db,
				createRecord('campaigns', { name: 'X', startDate: '2026-02-01', endDate: '2026-01-01' })
			),
			'endDate'
		);
		await expectValidation(run(db, updateRecord('reps', 'nobody', { name: 'x' })), 'id');
	});
});

describe('bin', () => {
	it('tombstones without cascading, restores, and empties for good', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A' }));
		const act = await run(db, logActivity({ leadId: lead.id, type: 'call' }));
		const free = await run(db, logActivity({ type: 'other' }));
		expect(await run(db, deleteRecords('leads', [lead.id]))).toBe(1);
		expect((await getLead(db, lead.id))?.deletedAt).toBeTruthy();
		// The lead's activity stays live.
		expect((await activitiesOfLead(db, lead.id)).map((a) => a.id)).toEqual([act.id]);
		await run(db, deleteRecords('activities', [free.id]));
		let bin = await listDeleted(db);
		expect(bin.map((e) => [e.list, e.record.id]).sort()).toEqual(
			[
				['activities', free.id],
				['leads', lead.id]
			].sort()
		);
		await run(db, restoreRecords('leads', [lead.id]));
		expect((await getLead(db, lead.id))?.deletedAt).toBeUndefined();
		bin = await listDeleted(db);
		expect(bin.map((e) => e.record.id)).toEqual([free.id]);
		expect(await run(db, emptyBin())).toBe(1);
		expect(await listDeleted(db)).toEqual([]);
		const all = await readAllRecords(db);
		expect(all.activities.map((a) => a.id)).toEqual([act.id]);
		expect(all.leads).toHaveLength(1);
	});
});

describe('rows found by id alone', () => {
	it('deletes 30 activities of 30 leads without lead hints (packed-id search, then id map)', async () => {
		const { db, settings } = await workspaceDb();
		const file = emptyRecords();
		for (let i = 0; i < 30; i++)
			file.activities.push({
				id: 'act-' + i,
				leadId: 'lead-' + i,
				repId: settings.meRepId,
				type: 'call',
				at: '2026-01-01T00:00:00.000Z',
				updatedAt: '2026-01-01T00:00:00.000Z'
			});
		await writeRecords(db, file, 'merge');
		const ids = file.activities.map((a) => a.id).reverse();
		expect(await run(db, deleteRecords('activities', ids))).toBe(30);
		const all = await readAllRecords(db);
		expect(all.activities.filter((a) => a.deletedAt)).toHaveLength(30);
		await expectValidation(run(db, deleteRecords('activities', ['act-0', 'nope'])), 'id');
	});
});

describe('upsertMany', () => {
	it('creates and patches in one transaction, and a bad row writes nothing', async () => {
		const { db } = await workspaceDb();
		const lead = await run(db, createLead({ name: 'A', createdAt: '2026-01-01T00:00:00.000Z' }));
		const ids = await run(
			db,
			upsertMany('leads', [
				{ id: lead.id, name: 'A2', stageId: 'proposal' },
				{ name: 'New one', value: 5 }
			])
		);
		expect(ids[0]).toBe(lead.id);
		expect(await getLead(db, lead.id)).toMatchObject({ name: 'A2', stageId: 'proposal' });
		expect((await stageEventsOfLead(db, lead.id)).map((e) => e.stageId)).toEqual([
			'lead',
			'proposal'
		]);
		expect(await getLead(db, ids[1])).toMatchObject({ name: 'New one', value: 5, stageId: 'lead' });
		const before = await readAllRecords(db);
		await expectValidation(
			run(
				db,
				upsertMany('leads', [
					{ id: lead.id, name: 'A3' },
					{ name: 'ok' },
					{ name: 'bad', value: -3 }
				])
			),
			'value'
		);
		expect(await readAllRecords(db)).toEqual(before);
	});
});
