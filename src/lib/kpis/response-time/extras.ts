// The first-response-time histogram: the worker bins the hours (the result has only means and
// medians).
import type { KpiResult } from '$lib/kpi/result-types';
import type { ExtrasLoader } from '../chart-kit';

export const extras: ExtrasLoader<KpiResult['responseTime']> = async (ask, _r, source) => ({
	histogram: await source.responseHistogram(ask)
});
