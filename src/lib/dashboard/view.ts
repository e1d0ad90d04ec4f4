// The dashboard's view (period, rep filter, granularity, pipeline mode) and its two homes: the
// URL query (a link or bookmark reopens the same view) and localStorage (the last view comes
// back next time). The URL wins; anything unreadable falls back to the default, never throws.
import { isIsoDate } from '../domain/time';
import type { Granularity, PipelineMode } from '../kpi/result-types';
import { isPeriodPreset, type PeriodChoice } from './periods';

export interface DashboardView {
	period: PeriodChoice;
	/** Rep ids; empty = every rep. Kept sorted so equal filters give equal keys. */
	reps: string[];
	granularity: Granularity;
	pipelineMode: PipelineMode;
}

export const DEFAULT_VIEW: DashboardView = {
	period: { preset: 'last-90-days' },
	reps: [],
	granularity: 'week',
	pipelineMode: 'configured'
};

export const VIEW_STORAGE_KEY = 'tragt.dashboard.view';

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
const MODES: readonly PipelineMode[] = ['configured', 'historical'];

/** The query parameters this module owns (others on the URL are left alone). */
export const VIEW_PARAMS = ['period', 'from', 'to', 'reps', 'granularity', 'pipeline'] as const;

export function normaliseReps(reps: readonly string[]): string[] {
	return [...new Set(reps.filter((r) => r !== ''))].sort();
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
	const rawReps = p.get('reps');
	const reps =
		rawReps === null
			? p.has('period')
				? []
				: fallback.reps
			: normaliseReps(rawReps.split(',').map(safeDecode));
	const g = p.get('granularity');
	const mode = p.get('pipeline');
	return {
		period,
		reps,
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
