import { describe, expect, it } from 'vitest';
import { addTouch, mergeRecent, parseTouches, stableOrder } from './recent-leads';

interface L {
	id: string;
	updated: number;
}
const lead = (id: string, updated: number): L => ({ id, updated });

describe('recent leads: which and in what order', () => {
	it('puts a lead I just logged on ahead of leads edited earlier', () => {
		const byUpdate = [lead('a', 500), lead('b', 400), lead('c', 300)];
		const touched = [lead('c', 300), lead('z', 100)];
		const got = mergeRecent(
			byUpdate,
			(l) => l.updated,
			[
				{ id: 'c', at: 450 },
				{ id: 'z', at: 420 }
			],
			touched,
			10
		);
		// c: touched at 450 beats b (400); z was only touched (420), also ahead of b.
		expect(got.map((l) => l.id)).toEqual(['a', 'c', 'z', 'b']);
	});

	it('leaves out touched leads that are gone (deleted or in the bin) and keeps n', () => {
		const got = mergeRecent(
			[lead('a', 5), lead('b', 4)],
			(l) => l.updated,
			[{ id: 'gone', at: 99 }],
			[undefined],
			1
		);
		expect(got.map((l) => l.id)).toEqual(['a']);
	});

	it('records a touch in front, once per lead, and caps the list', () => {
		let list = addTouch([], 'a', 1);
		list = addTouch(list, 'b', 2);
		list = addTouch(list, 'a', 3);
		expect(list).toEqual([
			{ id: 'a', at: 3 },
			{ id: 'b', at: 2 }
		]);
		expect(addTouch(list, 'c', 4, 2).map((t) => t.id)).toEqual(['c', 'a']);
	});

	it('reads back a stored list and shrugs off garbage', () => {
		expect(parseTouches('[{"id":"a","at":1},{"id":2,"at":1},{"id":"b"}]')).toEqual([
			{ id: 'a', at: 1 }
		]);
		expect(parseTouches('{oops')).toEqual([]);
		expect(parseTouches('{"id":"a"}')).toEqual([]);
		expect(parseTouches(null)).toEqual([]);
	});

	it('keeps rows in place under the thumb: new leads on top, the rest where they were', () => {
		// b was logged on and would now sort first; it stays second. n is new; c went away.
		expect(stableOrder(['a', 'b', 'c'], ['n', 'b', 'a'])).toEqual(['n', 'a', 'b']);
		expect(stableOrder([], ['x', 'y'])).toEqual(['x', 'y']);
	});
});
