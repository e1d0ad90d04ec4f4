import { describe, expect, it } from 'vitest';
import type { Target } from './types';
import { copyLastPeriod, currentWindow, previousWindow } from './target-periods';

const U = '2026-10-01T00:00:00Z';
const target = (id: string, from: string, to: string, extra: Partial<Target> = {}): Target => ({
	id,
	updatedAt: U,
	metric: 'wonValue',
	from,
	to,
	amount: 100,
	...extra
});

describe('currentWindow', () => {
	it('gives the month and the quarter of the day in the time zone', () => {
		const now = Date.UTC(2026, 10, 27, 12); // 27 November 2026
		expect(currentWindow('month', now, 'UTC')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
		expect(currentWindow('quarter', now, 'UTC')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
	});

	it('reads the calendar day in the zone: 23:30 UTC on 31 January is February in Copenhagen', () => {
		const now = Date.UTC(2028, 0, 31, 23, 30);
		expect(currentWindow('month', now, 'UTC')).toEqual({ from: '2028-01-01', to: '2028-01-31' });
		// 2028 is a leap year.
		expect(currentWindow('month', now, 'Europe/Copenhagen')).toEqual({
			from: '2028-02-01',
			to: '2028-02-29'
		});
		expect(currentWindow('quarter', now, 'Europe/Copenhagen')).toEqual({
			from: '2028-01-01',
			to: '2028-03-31'
		});
	});
});

describe('previousWindow', () => {
	it('steps back a month or a quarter, across the year', () => {
		expect(previousWindow('month', { from: '2026-03-01', to: '2026-03-31' })).toEqual({
			from: '2026-02-01',
			to: '2026-02-28'
		});
		expect(previousWindow('month', { from: '2026-01-01', to: '2026-01-31' })).toEqual({
			from: '2025-12-01',
			to: '2025-12-31'
		});
		expect(previousWindow('quarter', { from: '2026-01-01', to: '2026-03-31' })).toEqual({
			from: '2025-10-01',
			to: '2025-12-31'
		});
		expect(previousWindow('quarter', { from: '2026-07-01', to: '2026-09-30' })).toEqual({
			from: '2026-04-01',
			to: '2026-06-30'
		});
	});
});

describe('copyLastPeriod', () => {
	const now = Date.UTC(2026, 10, 10); // November 2026
	const oct = ['2026-10-01', '2026-10-31'] as const;
	const nov = ['2026-11-01', '2026-11-30'] as const;

	it("copies last month's live targets into this month, amount, rep and metric kept", () => {
		const targets = [
			target('b', ...oct, { repId: 'r1', amount: 5000 }),
			target('a', ...oct, { metric: 'won', amount: 4 }),
			target('gone', ...oct, { metric: 'activities', deletedAt: U }),
			// Not exactly last month: left alone.
			target('q', '2026-07-01', '2026-09-30'),
			target('half', '2026-10-01', '2026-10-15', { metric: 'newLeads' })
		];
		expect(copyLastPeriod(targets, 'month', now, 'UTC')).toEqual([
			{ metric: 'won', from: nov[0], to: nov[1], amount: 4 },
			{ metric: 'wonValue', repId: 'r1', from: nov[0], to: nov[1], amount: 5000 }
		]);
	});

	it('skips a goal that already has a target this period, so a second press adds nothing', () => {
		const targets = [
			target('a', ...oct, { repId: 'r1' }),
			target('b', ...oct, { repId: null, metric: 'won' }),
			target('c', ...oct, { repId: 'r2' }),
			target('now-r1', ...nov, { repId: 'r1', amount: 1 }),
			// A team target with an empty rep is the same goal as one with a null rep.
			target('now-team', ...nov, { repId: '', metric: 'won' })
		];
		expect(copyLastPeriod(targets, 'month', now, 'UTC')).toEqual([
			{ metric: 'wonValue', repId: 'r2', from: nov[0], to: nov[1], amount: 100 }
		]);
	});

	it('copies quarters from the previous quarter', () => {
		const targets = [target('q3', '2026-07-01', '2026-09-30', { metric: 'newLeads', amount: 90 })];
		expect(copyLastPeriod(targets, 'quarter', now, 'UTC')).toEqual([
			{ metric: 'newLeads', from: '2026-10-01', to: '2026-12-31', amount: 90 }
		]);
		expect(copyLastPeriod(targets, 'month', now, 'UTC')).toEqual([]);
	});
});
