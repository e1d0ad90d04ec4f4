// Churn's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['churn']> = {
	title: m.dash_kpi_churn,
	subline: (r) => m.dash_sub_churn({ churned: n(r.churned), atStart: n(r.atStart), new: n(r.new) })
};
