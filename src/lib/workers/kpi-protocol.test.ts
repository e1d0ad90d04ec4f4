import { describe, expect, it } from 'vitest';
import { requestFilters } from './kpi-protocol';

describe('requestFilters', () => {
	it('passes given filters on and drops empty lists (nothing ticked = everyone)', () => {
		expect(requestFilters({ reps: ['r1'], campaigns: ['', 'c1'], origins: ['sales'] })).toEqual({
			reps: ['r1'],
			campaigns: ['', 'c1'],
			origins: ['sales']
		});
		// An empty list would keep nothing in the engine; from a request it means no filter.
		expect(requestFilters({ reps: [], campaigns: [], origins: [] })).toEqual({});
		expect(requestFilters({})).toEqual({});
	});
});
