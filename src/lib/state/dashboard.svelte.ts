// The dashboard's state: the view (period, filters, granularity, pipeline mode), the request it
// makes of the KPI worker (the period and the one before it, asked at once, answered apart), and
// the last answer.
// The last answer per view is also kept in localStorage so that a reload shows figures at once
// (marked as updating) instead of blanks.
import { choiceRange, previousRange, type Range } from '../dashboard/periods';
import {
	initialView,
	normaliseView,
	storeView,
	viewKey,
	type DashboardView
} from '../dashboard/view';
import type { KpiResult, ResultKey, TileKpiResult } from '../kpi/result-types';
import type { KpiRequest, KpiService } from '../workers/kpi-protocol';
import { CHANGES_CHANNEL } from '../db/write-context';
import { KpiState } from './kpi.svelte';

export type DashboardService = Pick<KpiService, 'compute' | 'records'>;

export const RESULT_CACHE_KEY = 'tragt.dashboard.results';
const CACHE_ENTRIES = 6;

interface CacheEntry {
	key: string;
	result: KpiResult;
	previous: TileKpiResult | null;
}

export interface DashboardOptions {
	service: () => DashboardService;
	/** The workspace (or device) zone; read on every load, so a settings change applies. */
	timeZone: () => string;
	/** The URL's query: it wins over the stored view. */
	query?: URLSearchParams;
	storage?: Storage;
	/** The clock (tests fix it). */
	now?: () => number;
	/**
	 * Runs the result cache's write later, off the path to the painted figures (default: when
	 * the browser is idle). Tests run it at once.
	 */
	defer?: (write: () => void) => void;
}

/** When idle (within 2 s), else on the next macrotask. */
function deferToIdle(write: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 2000 });
	else setTimeout(write, 0);
}

export class DashboardState {
	view = $state.raw<DashboardView>(undefined as unknown as DashboardView);
	readonly kpi: KpiState;
	/** The shown figures come from the cache of an earlier visit, not from this computation. */
	fromCache = $state(false);
	/** The figures are in, the previous period's are still being computed. */
	previousPending = $state(false);

	#service: () => DashboardService;
	#timeZone: () => string;
	#storage: Storage | undefined;
	#now: () => number;
	#defer: (write: () => void) => void;
	/** The cache as last read or written by this tab (a view change needs no JSON.parse). */
	#cache: CacheEntry[] | null = null;
	/** The cache key the shown `previous` belongs to. */
	#previousKey = '';

	constructor(options: DashboardOptions) {
		this.#service = options.service;
		this.#timeZone = options.timeZone;
		this.#storage =
			options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
		this.#now = options.now ?? Date.now;
		this.#defer = options.defer ?? deferToIdle;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never mutated
		this.view = initialView(options.query ?? new URLSearchParams(), this.#storage);
		this.kpi = new KpiState(() => this.#service());
		this.#showCached();
	}

	get timeZone(): string {
		return this.#timeZone();
	}

	/** The period as instants; null for an unusable custom range. */
	get range(): Range | null {
		return choiceRange(this.view.period, this.#now(), this.#timeZone());
	}

	get previousRange(): Range | null {
		const r = this.range;
		return r ? previousRange(r) : null;
	}

	get result(): KpiResult | null {
		return this.kpi.result;
	}

	/**
	 * The previous period's figures (the change lines): always those of the shown view, or
	 * none while they are computed after a view change.
	 */
	get previous(): TileKpiResult | null {
		return this.kpi.previous;
	}

	/** Computing, or showing cached figures that a computation will replace. */
	get updating(): boolean {
		return this.kpi.loading || this.fromCache;
	}

	/** The worker request for the current view (filters, granularity, pipeline mode). */
	request(overrides: Partial<KpiRequest> = {}): KpiRequest | null {
		const r = this.range;
		if (!r) return null;
		const v = this.view;
		return {
			from: r.from,
			to: r.to,
			now: this.#now(),
			timeZone: this.#timeZone(),
			reps: v.reps.length ? [...v.reps] : undefined,
			campaigns: v.campaigns.length ? [...v.campaigns] : undefined,
			origins: v.origins.length ? [...v.origins] : undefined,
			granularity: v.granularity,
			pipelineMode: v.pipelineMode,
			...overrides
		};
	}

	setView(patch: Partial<DashboardView>): void {
		const next = normaliseView({ ...this.view, ...patch });
		this.view = next;
		storeView(this.#storage, next);
		this.#showCached();
		void this.load();
	}

	/**
	 * Two worker calls sent at once: the period, then the period of equal length before it (the
	 * change lines). One round trip of latency, but the figures do not wait for the previous
	 * period's computation (as long again with L data: a period change would miss 100 ms); the
	 * tiles show "…" for the change until it is in.
	 */
	async load(): Promise<void> {
		const request = this.request();
		if (!request) return;
		const key = this.#cacheKey();
		// Marks for the dashboard bench's breakdown (when the page asked, when it had the answer).
		performance.mark?.('tragt:kpi-ask');
		// The figures first: the worker answers in the order asked.
		const figures = this.kpi.load(request, () => {
			performance.mark?.('tragt:kpi-answer');
			// In the same tick as the figures: the "updating" mark goes with the old figures.
			this.fromCache = false;
			// A comparison with another view's previous period would be wrong; none is better.
			if (this.#previousKey !== key) this.kpi.previous = null;
			this.previousPending = true;
		});
		const previousAnswer = this.#service()
			.compute({ ...request, ...previousRange(request) })
			.then(
				(r) => r.result,
				// The figures stand on their own; only the change lines go without a comparison.
				() => null
			);
		await figures;
		// Only the answer to the view still shown may land in the cache or clear the mark.
		if (this.kpi.request !== request || this.kpi.error || !this.kpi.result) return;
		const result = this.kpi.result;
		const previous = await previousAnswer;
		if (this.kpi.request !== request) return;
		this.previousPending = false;
		if (!previous) return;
		this.kpi.previous = previous;
		this.#previousKey = key;
		this.#defer(() => this.#writeCache(key, result, previous));
	}

	/**
	 * Recomputes (figures, then the previous period) whenever any tab or worker commits a
	 * change, so an edit elsewhere shows up without a reload. Returns the stop function.
	 */
	followChanges(): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(CHANGES_CHANNEL);
		channel.onmessage = () => void this.load();
		return () => channel.close();
	}

	/** Ids of the records behind a figure (drill-through); also of the forecast keys' figures. */
	records(kpi: ResultKey, part?: string): Promise<string[]> {
		const request = this.request();
		if (!request) return Promise.resolve([]);
		return this.#service().records(request, kpi, part);
	}

	/**
	 * The same view restricted to one rep (the per-rep tables of the KPI pages); the campaign
	 * and origin filters still apply.
	 */
	async computeForRep(repId: string): Promise<KpiResult | null> {
		const request = this.request({ reps: [repId] });
		if (!request) return null;
		return (await this.#service().compute(request)).result;
	}

	// The key names the view, the zone and the day: "this week" is another range tomorrow.
	#cacheKey(): string {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off conversion
		const day = new Date(this.#now()).toISOString().slice(0, 10);
		return `${viewKey(this.view)}|${this.#timeZone()}|${day}`;
	}

	#readCache(): CacheEntry[] {
		try {
			const raw = this.#storage?.getItem(RESULT_CACHE_KEY);
			const list = raw ? (JSON.parse(raw) as unknown) : [];
			return Array.isArray(list) ? (list as CacheEntry[]) : [];
		} catch {
			return [];
		}
	}

	#writeCache(key: string, result: KpiResult, previous: TileKpiResult | null): void {
		// Read again: another tab may have cached its own views since.
		const list = this.#readCache().filter((e) => e.key !== key);
		list.unshift({ key, result, previous });
		this.#cache = list.slice(0, CACHE_ENTRIES);
		try {
			this.#storage?.setItem(RESULT_CACHE_KEY, JSON.stringify(this.#cache));
		} catch {
			// Quota: drop the cache rather than fail; it only saves a moment on the next visit.
			try {
				this.#storage?.removeItem(RESULT_CACHE_KEY);
			} catch {
				/* nothing more to do */
			}
		}
	}

	#showCached(): void {
		this.#cache ??= this.#readCache();
		const hit = this.#cache.find((e) => e.key === this.#cacheKey());
		if (!hit) return;
		this.kpi.result = hit.result;
		this.kpi.previous = hit.previous;
		this.#previousKey = hit.key;
		this.fromCache = true;
	}
}
