// Sales cycle in words: mean = sum of days ÷ closed deals.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(s: KpiResult['salesCycle']): string {
	return m.dash_formula_salesCycle({
		sum: n((s.meanDays ?? 0) * s.count),
		count: n(s.count),
		result: formatDuration(s.meanDays, 'day')
	});
}
