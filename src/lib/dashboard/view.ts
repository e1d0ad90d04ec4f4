// The dashboard's view (period, rep, campaign and origin filters, granularity, pipeline mode)
// and its two homes: the URL query (a link or bookmark reopens the same view) and localStorage
// (the last view comes back next time). The URL wins; anything unreadable falls back to the
// default, never throws.
import { isIsoDate } from '../domain/time';
import { ORIGINS, type Origin } from '../domain/types';
import type { Granularity, PipelineMode } from '../kpi/result-types';
import { isPeriodPreset, type PeriodChoice } from './periods';

export interface DashboardView {
	period: PeriodChoice;
	/** Rep ids; empty = every rep. Kept sorted so equal filters give equal keys. */
	reps: string[];
	/** Campaign ids, `NO_CAMPAIGN` for leads without one; empty = no filter. Sorted. */
	campaigns: string[];
	/** Lead origins; empty = both (no filter). Sorted. */
	origins: Origin[];
	granularity: Granularity;
	pipelineMode: PipelineMode;
}

/** The campaign filter's entry for leads without a campaign (the engine's token). */
export const NO_CAMPAIGN = '';
/** How NO_CAMPAIGN is written in the URL (an id '-' itself is written escaped). */
const NO_CAMPAIGN_PARAM = '-';

export const DEFAULT_VIEW: DashboardView = {
	period: { preset: 'last-90-days' },
	reps: [],
	campaigns: [],
	origins: [],
	granularity: 'week',
	pipelineMode: 'configured'
};

export const VIEW_STORAGE_KEY = 'tragt.dashboard.view';

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
const MODES: readonly PipelineMode[] = ['configured', 'historical'];

/** The query parameters this module owns (others on the URL are left alone). */
export const VIEW_PARAMS = [
	'period',
	'from',
	'to',
	'reps',
	'campaigns',
	'origins',
	'granularity',
	'pipeline'
] as const;

export function normaliseReps(reps: readonly string[]): string[] {
	return [...new Set(reps.filter((r) => r !== ''))].sort();
}

/** Unique and sorted; NO_CAMPAIGN ('') is kept (it sorts first). */
export function normaliseCampaigns(campaigns: readonly string[]): string[] {
	return [...new Set(campaigns)].sort();
}

/** Known origins only, unique, in ORIGINS order. */
export function normaliseOrigins(origins: readonly string[]): Origin[] {
	return ORIGINS.filter((o) => origins.includes(o));
}

/** A view with its filter lists in normal form (so equal filters give equal keys). */
export function normaliseView(view: DashboardView): DashboardView {
	return {
		...view,
		reps: normaliseReps(view.reps),
		campaigns: normaliseCampaigns(view.campaigns),
		origins: normaliseOrigins(view.origins)
	};
}

/** Whether the view filters by rep, campaign or origin. */
export function hasFilters(view: DashboardView): boolean {
	return view.reps.length > 0 || view.campaigns.length > 0 || view.origins.length > 0;
}

function encodeCampaign(id: string): string {
	if (id === NO_CAMPAIGN) return NO_CAMPAIGN_PARAM;
	return id === NO_CAMPAIGN_PARAM ? '%2D' : encodeURIComponent(id);
}

function decodeCampaign(raw: string): string {
	return raw === NO_CAMPAIGN_PARAM ? NO_CAMPAIGN : safeDecode(raw);
}

/** Writes the view into `params` (a copy), omitting values equal to the default. */
export function viewToParams(view: DashboardView, base?: URLSearchParams): URLSearchParams {
	const p = new URLSearchParams(base);
	for (const k of VIEW_PARAMS) p.delete(k);
	p.set('period', view.period.preset);
	if (view.period.preset === 'custom') {
		p.set('from', view.period.start);
		p.set('to', view.period.end);
	}
	// Ids are joined with commas; encode each so an id holding a comma survives.
	if (view.reps.length) p.set('reps', view.reps.map(encodeURIComponent).join(','));
	if (view.campaigns.length) p.set('campaigns', view.campaigns.map(encodeCampaign).join(','));
	if (view.origins.length) p.set('origins', view.origins.join(','));
	if (view.granularity !== DEFAULT_VIEW.granularity) p.set('granularity', view.granularity);
	if (view.pipelineMode !== DEFAULT_VIEW.pipelineMode) p.set('pipeline', view.pipelineMode);
	return p;
}

/** Reads a view from query parameters; null when the query names no view at all. */
export function viewFromParams(
	p: URLSearchParams,
	fallback: DashboardView = DEFAULT_VIEW
): DashboardView | null {
	if (!VIEW_PARAMS.some((k) => p.has(k))) return null;
	const preset = p.get('period');
	let period: PeriodChoice = fallback.period;
	if (preset === 'custom') {
		const start = p.get('from') ?? '';
		const end = p.get('to') ?? '';
		if (isIsoDate(start) && isIsoDate(end) && start <= end) {
			period = { preset: 'custom', start, end };
		}
	} else if (isPeriodPreset(preset)) {
		period = { preset };
	}
	// A URL naming a period without a filter means no filter, not the stored one.
	const list = <T>(key: string, parse: (raw: string) => T[], stored: T[]): T[] => {
		const raw = p.get(key);
		if (raw === null) return p.has('period') ? [] : stored;
		return raw === '' ? [] : parse(raw);
	};
	const reps = list('reps', (raw) => normaliseReps(raw.split(',').map(safeDecode)), fallback.reps);
	const campaigns = list(
		'campaigns',
		(raw) => normaliseCampaigns(raw.split(',').map(decodeCampaign)),
		fallback.campaigns
	);
	const origins = list('origins', (raw) => normaliseOrigins(raw.split(',')), fallback.origins);
	const g = p.get('granularity');
	const mode = p.get('pipeline');
	return {
		period,
		reps,
		campaigns,
		origins,
		granularity: GRANULARITIES.includes(g as Granularity)
			? (g as Granularity)
			: fallback.granularity,
		pipelineMode: MODES.includes(mode as PipelineMode)
			? (mode as PipelineMode)
			: fallback.pipelineMode
	};
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** A stable string for a view (cache key of the last result). */
export function viewKey(view: DashboardView): string {
	return viewToParams(view).toString();
}

export function loadStoredView(storage: Storage | undefined): DashboardView | null {
	try {
		const raw = storage?.getItem(VIEW_STORAGE_KEY);
		if (!raw) return null;
		return viewFromParams(new URLSearchParams(raw));
	} catch {
		// Storage can throw (private mode, quota); a default view is fine.
		return null;
	}
}

export function storeView(storage: Storage | undefined, view: DashboardView): void {
	try {
		storage?.setItem(VIEW_STORAGE_KEY, viewKey(view));
	} catch {
		// Not being able to remember the view is no reason to fail.
	}
}

/** The view to open with: the URL's if it names one, else the stored one, else the default. */
export function initialView(url: URLSearchParams, storage: Storage | undefined): DashboardView {
	const stored = loadStoredView(storage) ?? DEFAULT_VIEW;
	return viewFromParams(url, stored) ?? stored;
}
