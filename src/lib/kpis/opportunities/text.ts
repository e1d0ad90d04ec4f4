// Opportunities' words: the conversion of the period's cohort below the leads created.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['opportunities']> = {
	title: m.dash_kpi_opportunities,
	subline: (r) => m.dash_sub_opportunities({ rate: formatPercent(r.rate), cohort: n(r.cohort) })
};
