// Churn in words: churned ÷ customers at the start.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['churn']): string {
	return m.dash_formula_churn({
		churned: n(r.churned),
		atStart: n(r.atStart),
		result: formatPercent(r.rate)
	});
}
