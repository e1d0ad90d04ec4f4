import { describe, expect, it, vi } from 'vitest';
import { resultWith } from '../dashboard/test-results';
import { VIEW_STORAGE_KEY } from '../dashboard/view';
import type { KpiRequest, KpiResponse } from '../workers/kpi-protocol';
import { DashboardState, type DashboardService } from './dashboard.svelte';

const NOW = Date.parse('2026-11-27T12:00:00Z');

function memoryStorage(): Storage {
	const map = new Map<string, string>();
	return {
		get length() {
			return map.size;
		},
		clear: () => map.clear(),
		getItem: (k) => map.get(k) ?? null,
		key: (i) => [...map.keys()][i] ?? null,
		removeItem: (k) => void map.delete(k),
		setItem: (k, v) => void map.set(k, String(v))
	};
}

function fakeService(total = 7) {
	const calls: KpiRequest[] = [];
	const service: DashboardService = {
		compute: vi.fn(async (request: KpiRequest): Promise<KpiResponse> => {
			calls.push(request);
			return {
				// The views here end after NOW; the period before them ends over 6 days earlier and
				// has 1 activity.
				result: resultWith({ activities: { total: request.to < NOW - 6 * 864e5 ? 1 : total } }),
				seq: 1,
				timings: { refresh: 'cached', refreshMs: 0, computeMs: 1 }
			};
		}),
		records: vi.fn(async () => ['a', 'b'])
	};
	return { service, calls };
}

function state(storage: Storage, service: DashboardService, query = '') {
	return new DashboardState({
		service: () => service,
		timeZone: () => 'Europe/Copenhagen',
		query: new URLSearchParams(query),
		storage,
		now: () => NOW,
		defer: (write) => write()
	});
}

describe('DashboardState', () => {
	it('asks the worker for the view and the previous period at once, in two calls', async () => {
		const { service, calls } = fakeService();
		const dash = state(memoryStorage(), service, 'period=last-30-days&reps=r2,r1');
		await dash.load();
		// Both asked before either answer: the figures do not wait for the change lines' period.
		expect(calls).toHaveLength(2);
		const view = {
			now: NOW,
			timeZone: 'Europe/Copenhagen',
			reps: ['r1', 'r2']
		};
		expect(calls[0]).toMatchObject({
			...view,
			from: Date.parse('2026-10-28T23:00:00Z'),
			to: Date.parse('2026-11-27T23:00:00Z')
		});
		// The 30 days before, with the same filters.
		expect(calls[1]).toMatchObject({
			...view,
			from: Date.parse('2026-09-28T23:00:00Z'),
			to: Date.parse('2026-10-28T23:00:00Z')
		});
		expect(calls.some((c) => c.withPrevious)).toBe(false);
		expect(dash.result?.activities.total).toBe(7);
		expect(dash.previous?.activities.total).toBe(1);
		expect(dash.previousPending).toBe(false);
		expect(dash.updating).toBe(false);
	});

	it('shows the figures before the previous period is in, with the change marked pending', async () => {
		let releasePrevious: () => void = () => {};
		const service: DashboardService = {
			compute: vi.fn(async (request: KpiRequest): Promise<KpiResponse> => {
				const previous = request.to < NOW - 6 * 864e5;
				if (previous) await new Promise<void>((r) => (releasePrevious = r));
				return {
					result: resultWith({ activities: { total: previous ? 1 : 7 } }),
					seq: 1,
					timings: { refresh: 'cached', refreshMs: 0, computeMs: 1 }
				};
			}),
			records: vi.fn(async () => [])
		};
		const dash = state(memoryStorage(), service, 'period=last-30-days');
		const loading = dash.load();
		await vi.waitFor(() => expect(dash.result?.activities.total).toBe(7));
		expect(dash.updating).toBe(false);
		expect(dash.previousPending).toBe(true);
		expect(dash.previous).toBeNull();
		releasePrevious();
		await loading;
		expect(dash.previousPending).toBe(false);
		expect(dash.previous?.activities.total).toBe(1);
	});

	it('a reload shows the last figures at once, marked as updating until the worker answers', async () => {
		const storage = memoryStorage();
		const first = state(storage, fakeService(7).service);
		await first.load();

		const { service } = fakeService(9);
		const again = state(storage, service);
		expect(again.result?.activities.total).toBe(7);
		expect(again.updating).toBe(true);
		await again.load();
		expect(again.result?.activities.total).toBe(9);
		expect(again.updating).toBe(false);
	});

	it('another view has its own cache entry; the view is remembered', async () => {
		const storage = memoryStorage();
		const dash = state(storage, fakeService().service);
		await dash.load();
		dash.setView({ period: { preset: 'this-week' }, reps: ['b', 'a', 'b'] });
		expect(dash.view.reps).toEqual(['a', 'b']);
		expect(storage.getItem(VIEW_STORAGE_KEY)).toContain('period=this-week');
		expect(state(storage, fakeService().service).view.period).toEqual({ preset: 'this-week' });
	});

	it('sends the campaign and origin filters with the figures, the drill list and each rep', async () => {
		const { service, calls } = fakeService();
		const storage = memoryStorage();
		const dash = state(storage, service, 'period=last-30-days&campaigns=c2,-&origins=sales');
		await dash.load();
		// '-' is "no campaign"; the worker applies the filters to the previous period too.
		expect(calls[0]).toMatchObject({ campaigns: ['', 'c2'], origins: ['sales'] });
		expect(calls[1]).toMatchObject({ campaigns: ['', 'c2'], origins: ['sales'] });
		await dash.records('activities');
		expect(vi.mocked(service.records).mock.calls[0][0]).toMatchObject({
			campaigns: ['', 'c2'],
			origins: ['sales']
		});
		await dash.computeForRep('r9');
		expect(calls.at(-1)).toMatchObject({ reps: ['r9'], campaigns: ['', 'c2'], origins: ['sales'] });
		expect(calls.at(-1)?.withPrevious).toBeFalsy();
		// Clearing: empty lists are no filter, sent as absent; the cleared view is remembered.
		dash.setView({ campaigns: [], origins: [] });
		await vi.waitFor(() => expect(calls.length).toBe(5));
		expect(calls[3].campaigns).toBeUndefined();
		expect(calls[3].origins).toBeUndefined();
		expect(storage.getItem(VIEW_STORAGE_KEY)).not.toContain('campaigns');
	});

	it('drill-through asks for the current view without the previous period', async () => {
		const { service } = fakeService();
		const dash = state(memoryStorage(), service, 'period=last-week');
		expect(await dash.records('winLoss', 'won')).toEqual(['a', 'b']);
		const [request, kpi, part] = vi.mocked(service.records).mock.calls[0];
		expect(request.withPrevious).toBeFalsy();
		expect([kpi, part]).toEqual(['winLoss', 'won']);
	});
});

describe('DashboardState across views and edits', () => {
	it('never compares a new period with the previous figures of another view', async () => {
		let release: () => void = () => {};
		let call = 0;
		const service: DashboardService = {
			compute: vi.fn(async (request: KpiRequest): Promise<KpiResponse> => {
				call++;
				// The answer for the 30 days (calls 3 and 4: figures and the period before) hangs
				// until released, after a newer view's.
				if (call === 3) await new Promise<void>((r) => (release = r));
				const days = Math.round((request.to - request.from) / 864e5);
				// The views end after NOW - 6 days; the periods before them end earlier.
				const previous = request.to < NOW - 6 * 864e5;
				return {
					result: resultWith({ activities: { total: previous ? days + 1000 : days } }),
					seq: 1,
					timings: { refresh: 'cached', refreshMs: 0, computeMs: 1 }
				};
			}),
			records: vi.fn(async () => [])
		};
		const dash = state(memoryStorage(), service, 'period=last-90-days');
		await dash.load();
		expect(dash.result?.activities.total).toBe(90);
		expect(dash.previous?.activities.total).toBe(1090);
		dash.setView({ period: { preset: 'last-30-days' } });
		// While the 30 days are computed, the 90 days stay with their own previous period.
		expect(dash.updating).toBe(true);
		expect(dash.previous?.activities.total).toBe(1090);
		dash.setView({ period: { preset: 'last-week' } });
		await vi.waitFor(() => expect(dash.result?.activities.total).toBe(7));
		expect(dash.previous?.activities.total).toBe(1007);
		// The late answer for the 30 days does not land over the week's figures.
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(dash.result?.activities.total).toBe(7);
		expect(dash.previous?.activities.total).toBe(1007);
		expect(dash.updating).toBe(false);
	});

	it('an edit in any tab recomputes the figures', async () => {
		const { service, calls } = fakeService();
		const dash = state(memoryStorage(), service);
		const stop = dash.followChanges();
		new BroadcastChannel('tragt-changes').postMessage({ seq: 2 });
		await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(1));
		stop();
	});
});
