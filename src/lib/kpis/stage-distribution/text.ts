// Stage distribution's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['stageDistribution']> = {
	title: m.dash_kpi_stageDistribution,
	subline: (r) => m.dash_sub_stageDistribution({ total: n(r.total) })
};
