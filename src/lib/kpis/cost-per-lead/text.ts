// Cost per lead's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['costPerLead']> = {
	title: m.dash_kpi_costPerLead,
	subline: (r, currency) =>
		m.dash_sub_costPerLead({ budget: money(r.budget, currency), leads: n(r.leads) })
};
