import { describe, expect, it } from 'vitest';
import { rowsBecomingLost } from './paste-lost';

const kinds = new Map([
	['lead', 'open'],
	['lost', 'lost'],
	['gone', 'lost'],
	['won', 'won']
]);

describe('rowsBecomingLost', () => {
	it('picks new and existing leads moved into any lost stage without a reason', () => {
		const current = new Map<string, unknown>([
			['a', 'lead'],
			['b', 'lost'],
			['c', 'lead'],
			['d', 'lead']
		]);
		const rows = [
			{ id: 'a', stageId: 'lost' }, // moved: asked
			{ id: 'b', stageId: 'lost' }, // already lost: not a move
			{ id: 'c', stageId: 'gone', lostReason: 'Price' }, // has its own reason
			{ id: 'd', name: 'only a rename' },
			{ name: 'new', stageId: 'gone' }, // new lead straight into a lost stage: asked
			{ name: 'new won', stageId: 'won' }
		];
		expect(rowsBecomingLost(rows, current, kinds)).toEqual([rows[0], rows[4]]);
	});
});
