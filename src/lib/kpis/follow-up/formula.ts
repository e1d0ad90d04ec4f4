// Follow-up in words: followed up ÷ new leads.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['followUp']): string {
	return m.dash_formula_followUp({
		followed: n(r.followedUp),
		total: n(r.total),
		result: formatPercent(r.rate)
	});
}
