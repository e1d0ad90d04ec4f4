import { describe, expect, it } from 'vitest';
import type { Activity, StageEvent } from '../domain/types';
import {
	activityBlockFromRows,
	activityRowsOfBlock,
	stageEventBlockFromRows,
	stageEventRowsOfBlock
} from './blocks';
import { appendActivities, appendStageEvents } from './bulk-blocks';

const event = (id: string, leadId: string, stageId: string, repId?: string): StageEvent => ({
	id,
	leadId,
	stageId,
	at: '2026-02-03T04:05:06.000Z',
	updatedAt: '2026-02-03T04:05:06.000Z',
	...(repId ? { repId } : {})
});

const activity = (id: string, leadId: string | undefined, note?: string): Activity => ({
	id,
	...(leadId ? { leadId } : {}),
	repId: 'r1',
	type: 'meeting',
	at: '2026-01-01T10:00:00+01:00',
	updatedAt: '2026-01-01T09:00:00.000Z',
	response: 'positive',
	...(note !== undefined ? { note } : {})
});

describe('appending to stored blocks', () => {
	it('gives the block that encoding all the rows at once gives (new leads, stages, reps)', () => {
		const old = [
			event('e1', 'L1', 'lead', 'r1'),
			event('e2', 'L1', 'won'),
			event('e3', 'L2', 'lead')
		];
		const added = [event('e4', 'L3', 'lost', 'r2'), event('e5', 'L1', 'lead', 'r1')];
		const block = stageEventBlockFromRows(7, old, 'Europe/Copenhagen');
		expect(appendStageEvents(7, block, added, 'Europe/Copenhagen')).toEqual(
			stageEventBlockFromRows(7, [...old, ...added], 'Europe/Copenhagen')
		);
	});

	it('starts a block when there is none, and keeps ids holding a newline', () => {
		const added = [event('a\nb', 'L1', 'lead')];
		expect(appendStageEvents(3, undefined, added, 'UTC')).toEqual(
			stageEventBlockFromRows(3, added, 'UTC')
		);
		const block = stageEventBlockFromRows(3, [event('x', 'L1', 'lead')], 'UTC');
		const out = appendStageEvents(3, block, added, 'UTC');
		expect(out.ids).toEqual(['x', 'a\nb']);
		expect(out.count).toBe(2);
	});

	it('appends activities with notes and leadless rows, and the rows read back', () => {
		const old = [activity('a1', 'L1', 'first'), activity('a2', undefined)];
		const added = [activity('a3', 'L2'), activity('a4', 'L1', 'second')];
		const block = activityBlockFromRows(9, old, 'UTC');
		const out = appendActivities(9, block, added, 'UTC');
		expect(out).toEqual(activityBlockFromRows(9, [...old, ...added], 'UTC'));
		expect(activityRowsOfBlock(out).map((a) => [a.id, a.leadId, a.note])).toEqual([
			['a1', 'L1', 'first'],
			['a2', undefined, undefined],
			['a3', 'L2', undefined],
			['a4', 'L1', 'second']
		]);
	});

	it('appending no rows leaves the block as it was (no empty id is added)', () => {
		const events = stageEventBlockFromRows(4, [event('f', 'L1', 'lead')], 'UTC');
		const sameEvents = appendStageEvents(4, events, [], 'UTC');
		expect(sameEvents).toEqual(events);
		expect(stageEventRowsOfBlock(sameEvents).map((e) => e.id)).toEqual(['f']);

		const acts = activityBlockFromRows(5, [activity('a1', 'L1'), activity('a2', 'L2')], 'UTC');
		const sameActs = appendActivities(5, acts, [], 'UTC');
		expect(sameActs).toEqual(acts);
		expect(activityRowsOfBlock(sameActs).map((a) => a.id)).toEqual(['a1', 'a2']);
	});
});
