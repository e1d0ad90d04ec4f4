// Weighted pipeline's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['weightedPipeline']> = {
	title: m.dash_kpi_weightedPipeline,
	subline: (r, currency) =>
		m.dash_sub_weightedPipeline({ count: n(r.count), total: money(r.total, currency) })
};
