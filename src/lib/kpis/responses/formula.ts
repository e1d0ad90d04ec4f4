// Responses in words: positive ÷ (positive + negative).
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['responses']): string {
	return m.dash_formula_responses({
		positive: n(r.positive),
		negative: n(r.negative),
		result: formatPercent(r.positiveShare)
	});
}
