import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../kpi/result-types';
import type { KpiRequest, KpiResponse } from '../workers/kpi-protocol';
import { KpiState } from './kpi.svelte';

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
