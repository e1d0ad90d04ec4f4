// The latest KPI result for the page, computed in the worker. The page never computes KPIs:
// it asks, shows the last result at once, and swaps in the new one when it arrives.
import type { KpiResult, TileKpiResult } from '../kpi/result-types';
import { CHANGES_CHANNEL } from '../db/write-context';
import type {
	KpiRequest,
	KpiResponse,
	KpiService,
	KpiTimings,
	WorkspaceSummary
} from '../workers/kpi-protocol';

type Compute = Pick<KpiService, 'compute'>;

export class KpiState {
	result = $state.raw<KpiResult | null>(null);
	previous = $state.raw<TileKpiResult | null>(null);
	timings = $state.raw<KpiTimings | null>(null);
	/** A computation is under way (the last result stays visible meanwhile). */
	loading = $state(false);
	error = $state<string | null>(null);
	/** The request the shown result answers. */
	request = $state.raw<KpiRequest | null>(null);

	#service: () => Compute;
	#latest = 0;
	#channel: BroadcastChannel | null = null;

	constructor(service: () => Compute) {
		this.#service = service;
	}

	/**
	 * Asks the worker; an older answer arriving after a newer request is dropped. `applied` runs
	 * right after the answer is taken, in the same tick, so that state it changes renders in the
	 * same update as the figures.
	 */
	async load(request: KpiRequest, applied?: (response: KpiResponse) => void): Promise<void> {
		const id = ++this.#latest;
		this.loading = true;
		this.error = null;
		let response: KpiResponse;
		try {
			response = await this.#service().compute(request);
		} catch (e) {
			if (id === this.#latest) {
				this.error = e instanceof Error ? e.message : String(e);
				this.loading = false;
			}
			return;
		}
		if (id !== this.#latest) return;
		this.result = response.result;
		// Only a request that asked for the previous period replaces it (the dashboard asks for it
		// in a call of its own and sets it when that answer is in).
		if (request.withPrevious) this.previous = response.previous ?? null;
		this.timings = response.timings;
		this.request = request;
		this.loading = false;
		applied?.(response);
	}

	/** Recomputes the current request whenever any tab or worker commits a change. */
	followChanges(): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		this.#channel?.close();
		const channel = new BroadcastChannel('tragt-changes');
		channel.onmessage = () => {
			if (this.request) void this.load(this.request);
		};
		this.#channel = channel;
		return () => {
			channel.close();
			if (this.#channel === channel) this.#channel = null;
		};
	}
}

/**
 * The workspace at a glance (leads, open leads and their value, activities), counted by the KPI
 * worker from its dataset: the page never reads 100k leads for it, and does not compete with the
 * worker while the dashboard opens.
 */
export class SummaryState {
	current = $state.raw<WorkspaceSummary | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);

	#service: () => Pick<KpiService, 'summary'>;
	#latest = 0;

	constructor(service: () => Pick<KpiService, 'summary'>) {
		this.#service = service;
	}

	/** Asks the worker; an older answer arriving after a newer request is dropped. */
	async load(): Promise<void> {
		const id = ++this.#latest;
		this.loading = true;
		try {
			const s = await this.#service().summary();
			if (id !== this.#latest) return;
			this.current = s;
			this.error = null;
		} catch (e) {
			if (id !== this.#latest) return;
			this.error = e instanceof Error ? e.message : String(e);
		}
		this.loading = false;
	}

	/** Asks again whenever any tab or worker commits a change; returns the stop function. */
	followChanges(): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(CHANGES_CHANNEL);
		channel.onmessage = () => void this.load();
		return () => channel.close();
	}
}
