// Lead origin in words: marketing's leads ÷ new leads.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['leadOrigin']): string {
	return m.dash_formula_leadOrigin({
		marketing: n(r.marketing),
		cohort: n(r.cohort),
		result: formatPercent(r.marketingShare)
	});
}
