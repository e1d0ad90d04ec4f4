import { describe, expect, it, vi } from 'vitest';
import type { KpiResult } from '../kpi/result-types';
import type { KpiRequest, KpiResponse } from '../workers/kpi-protocol';
import { KpiState, SummaryState } from './kpi.svelte';
import { CHANGES_CHANNEL } from '../db/write-context';
import type { WorkspaceSummary } from '../workers/kpi-protocol';

function response(total: number): KpiResponse {
	return {
		result: { activities: { total } } as unknown as KpiResult,
		seq: 1,
		timings: { refresh: 'cached', refreshMs: 0, computeMs: 1 }
	};
}

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const req = (from: number): KpiRequest => ({ from, to: from + 1000 });

describe('KpiState', () => {
	it('keeps the last result visible while a new one is computed, then replaces it', async () => {
		const pending = [deferred<KpiResponse>(), deferred<KpiResponse>()];
		let call = 0;
		const state = new KpiState(() => ({ compute: () => pending[call++].promise }));
		const first = state.load(req(0));
		expect(state.loading).toBe(true);
		pending[0].resolve(response(5));
		await first;
		expect(state.result?.activities.total).toBe(5);
		expect(state.loading).toBe(false);

		const second = state.load(req(1));
		expect(state.loading).toBe(true);
		expect(state.result?.activities.total).toBe(5);
		pending[1].resolve(response(7));
		await second;
		expect(state.result?.activities.total).toBe(7);
	});

	it('drops an answer that arrives after a newer request', async () => {
		const pending = [deferred<KpiResponse>(), deferred<KpiResponse>()];
		let call = 0;
		const state = new KpiState(() => ({ compute: () => pending[call++].promise }));
		const slow = state.load(req(0));
		const fast = state.load(req(1));
		pending[1].resolve(response(2));
		await fast;
		pending[0].resolve(response(1));
		await slow;
		expect(state.result?.activities.total).toBe(2);
		expect(state.request?.from).toBe(1);
	});

	it('shows the error of a failed computation and stops loading', async () => {
		const state = new KpiState(() => ({
			compute: () => Promise.reject(new Error('database is closed'))
		}));
		await state.load(req(0));
		expect(state.error).toBe('database is closed');
		expect(state.loading).toBe(false);
	});
});

const glance = (leads: number): WorkspaceSummary => ({
	leads,
	openLeads: 1,
	openValue: 500,
	activities: 3
});

describe('SummaryState', () => {
	it('shows the newest answer even when an older one arrives last', async () => {
		const pending = [deferred<WorkspaceSummary>(), deferred<WorkspaceSummary>()];
		let call = 0;
		const state = new SummaryState(() => ({ summary: () => pending[call++].promise }));
		const first = state.load();
		const second = state.load();
		expect(state.loading).toBe(true);
		pending[1].resolve(glance(20));
		await second;
		pending[0].resolve(glance(10));
		await first;
		expect(state.current?.leads).toBe(20);
		expect(state.loading).toBe(false);
	});

	it('keeps the last figures and shows the error when the worker fails', async () => {
		let fail = false;
		const state = new SummaryState(() => ({
			summary: () => (fail ? Promise.reject(new Error('worker gone')) : Promise.resolve(glance(7)))
		}));
		await state.load();
		fail = true;
		await state.load();
		expect(state.current?.leads).toBe(7);
		expect(state.error).toBe('worker gone');
		expect(state.loading).toBe(false);
	});

	it('asks again when a change is committed elsewhere', async () => {
		let leads = 1;
		const state = new SummaryState(() => ({ summary: () => Promise.resolve(glance(leads)) }));
		await state.load();
		const stop = state.followChanges();
		leads = 2;
		const other = new BroadcastChannel(CHANGES_CHANNEL);
		other.postMessage({ seq: 2 });
		await vi.waitFor(() => expect(state.current?.leads).toBe(2));
		other.close();
		stop();
	});
});
