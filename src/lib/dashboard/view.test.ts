import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEW,
	NO_CAMPAIGN,
	hasFilters,
	initialView,
	storeView,
	viewFromParams,
	viewKey,
	viewToParams,
	type DashboardView
} from './view';

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

const roundTrip = (v: DashboardView) =>
	viewFromParams(new URLSearchParams(viewToParams(v).toString()));

describe('the view in the URL', () => {
	it('round-trips presets, custom ranges, reps, granularity and pipeline mode', () => {
		const views: DashboardView[] = [
			DEFAULT_VIEW,
			{
				period: { preset: 'last-30-days' },
				reps: ['a', 'b'],
				campaigns: [],
				origins: ['sales'],
				granularity: 'day',
				pipelineMode: 'configured'
			},
			{
				period: { preset: 'custom', start: '2026-01-05', end: '2026-02-28' },
				reps: ['rep, with comma', 'ø-rep'],
				// "No campaign", an id that looks like its URL token, and one with a comma.
				campaigns: [NO_CAMPAIGN, '-', 'c1', 'camp, 2'],
				origins: ['marketing'],
				granularity: 'month',
				pipelineMode: 'historical'
			}
		];
		for (const v of views) expect(roundTrip(v)).toEqual(v);
	});

	it('writes a short, readable query', () => {
		const v: DashboardView = {
			...DEFAULT_VIEW,
			period: { preset: 'last-30-days' },
			reps: ['a', 'b']
		};
		expect(decodeURIComponent(viewToParams(v).toString())).toBe('period=last-30-days&reps=a,b');
		const f: DashboardView = {
			...DEFAULT_VIEW,
			campaigns: [NO_CAMPAIGN, 'spring'],
			origins: ['marketing']
		};
		expect(decodeURIComponent(viewToParams(f).toString())).toBe(
			'period=last-90-days&campaigns=-,spring&origins=marketing'
		);
	});

	it('reads campaign and origin filters, dropping unknown origins and duplicates', () => {
		const v = viewFromParams(
			new URLSearchParams('period=this-week&campaigns=b,-,a,b&origins=sales,web,marketing,sales')
		)!;
		expect(v.campaigns).toEqual([NO_CAMPAIGN, 'a', 'b']);
		expect(v.origins).toEqual(['marketing', 'sales']);
		expect(hasFilters(v)).toBe(true);
		expect(hasFilters(viewFromParams(new URLSearchParams('period=this-week'))!)).toBe(false);
		// An empty value is no filter, not "no campaign".
		expect(viewFromParams(new URLSearchParams('campaigns=&origins='))).toMatchObject({
			campaigns: [],
			origins: []
		});
	});

	it('keeps other query parameters', () => {
		const p = viewToParams(DEFAULT_VIEW, new URLSearchParams('tab=2&period=this-week'));
		expect(p.get('tab')).toBe('2');
		expect(p.get('period')).toBe(DEFAULT_VIEW.period.preset);
	});

	it('ignores nonsense instead of failing', () => {
		const v = viewFromParams(
			new URLSearchParams('period=next-century&granularity=hour&pipeline=magic&reps=')
		);
		expect(v).toEqual({ ...DEFAULT_VIEW, reps: [], campaigns: [], origins: [] });
		// A custom range the wrong way round keeps the fallback period.
		expect(
			viewFromParams(new URLSearchParams('period=custom&from=2026-02-01&to=2026-01-01'))?.period
		).toEqual(DEFAULT_VIEW.period);
	});

	it('a URL naming no view gives null; equal filters in any order give the same key', () => {
		expect(viewFromParams(new URLSearchParams('tab=2'))).toBeNull();
		const a = viewFromParams(new URLSearchParams('period=this-week&reps=b,a'))!;
		const b = viewFromParams(new URLSearchParams('period=this-week&reps=a,b,a'))!;
		expect(viewKey(a)).toBe(viewKey(b));
	});
});

describe('URL against localStorage', () => {
	it('the URL wins; without one, the stored view comes back', () => {
		const storage = memoryStorage();
		const stored: DashboardView = {
			...DEFAULT_VIEW,
			period: { preset: 'last-year' },
			reps: ['x'],
			campaigns: [NO_CAMPAIGN, 'c9'],
			origins: ['sales']
		};
		storeView(storage, stored);
		expect(initialView(new URLSearchParams(), storage)).toEqual(stored);
		const fromUrl = initialView(new URLSearchParams('period=this-month'), storage);
		expect(fromUrl.period).toEqual({ preset: 'this-month' });
		// A URL naming a period without filters means no filter, not the stored ones.
		expect(fromUrl).toMatchObject({ reps: [], campaigns: [], origins: [] });
		// A URL with only a filter keeps the stored period.
		const onlyOrigin = initialView(new URLSearchParams('origins=marketing'), storage);
		expect(onlyOrigin).toMatchObject({ period: { preset: 'last-year' }, origins: ['marketing'] });
	});

	it('falls back to the default when storage is empty or broken', () => {
		expect(initialView(new URLSearchParams(), memoryStorage())).toEqual(DEFAULT_VIEW);
		const broken = {
			getItem: () => {
				throw new Error('denied');
			}
		} as unknown as Storage;
		expect(initialView(new URLSearchParams(), broken)).toEqual(DEFAULT_VIEW);
	});
});
