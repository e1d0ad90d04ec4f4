// Opportunities in words: the cohort's conversion, beside the leads created.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['opportunities']): string {
	return m.dash_formula_opportunities({
		converted: n(r.converted),
		cohort: n(r.cohort),
		result: formatPercent(r.rate),
		created: n(r.created)
	});
}
