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
				// The previous period (the second call) has 1 activity.
				result: resultWith({ activities: { total: calls.length === 1 ? total : 1 } }),
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
		now: () => NOW
	});
}

describe('DashboardState', () => {
	it('asks the worker for the view: period in the zone, reps, previous period', async () => {
		const { service, calls } = fakeService();
		const dash = state(memoryStorage(), service, 'period=last-30-days&reps=r2,r1');
		await dash.load();
		expect(calls[0]).toMatchObject({
			from: Date.parse('2026-10-28T23:00:00Z'),
			to: Date.parse('2026-11-27T23:00:00Z'),
			now: NOW,
			timeZone: 'Europe/Copenhagen',
			reps: ['r1', 'r2']
		});
		// Then the 30 days before, for the change lines.
		expect(calls[1]).toMatchObject({
			from: Date.parse('2026-09-28T23:00:00Z'),
			to: Date.parse('2026-10-28T23:00:00Z'),
			reps: ['r1', 'r2']
		});
		expect(dash.result?.activities.total).toBe(7);
		expect(dash.previous?.activities.total).toBe(1);
		expect(dash.updating).toBe(false);
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
		// Both calls (the period and the one before it) carry the filters; '-' is "no campaign".
		for (const c of calls) expect(c).toMatchObject({ campaigns: ['', 'c2'], origins: ['sales'] });
		await dash.records('activities');
		expect(vi.mocked(service.records).mock.calls[0][0]).toMatchObject({
			campaigns: ['', 'c2'],
			origins: ['sales']
		});
		await dash.computeForRep('r9');
		expect(calls.at(-1)).toMatchObject({ reps: ['r9'], campaigns: ['', 'c2'], origins: ['sales'] });
		// Clearing: empty lists are no filter, sent as absent; the cleared view is remembered.
		dash.setView({ campaigns: [], origins: [] });
		await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(5));
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
				// The second view's previous period hangs until released.
				if (call === 4) await new Promise<void>((r) => (release = r));
				return {
					result: resultWith({
						activities: { total: request.to - request.from > 40 * 864e5 ? 90 : 30 }
					}),
					seq: 1,
					timings: { refresh: 'cached', refreshMs: 0, computeMs: 1 }
				};
			}),
			records: vi.fn(async () => [])
		};
		const dash = state(memoryStorage(), service, 'period=last-90-days');
		await dash.load();
		expect(dash.previous).not.toBeNull();
		dash.setView({ period: { preset: 'last-30-days' } });
		await vi.waitFor(() => expect(dash.result?.activities.total).toBe(30));
		// The figures are in; the previous 30 days are still being computed.
		expect(dash.previousPending).toBe(true);
		expect(dash.previous).toBeNull();
		release();
		await vi.waitFor(() => expect(dash.previousPending).toBe(false));
		expect(dash.previous?.activities.total).toBe(30);
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
