// Lead origin's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['leadOrigin']> = {
	title: m.dash_kpi_leadOrigin,
	subline: (r) => m.dash_sub_leadOrigin({ marketing: n(r.marketing), sales: n(r.sales) })
};
