// Response time in words: mean = sum of hours ÷ contacted leads.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(x: KpiResult['responseTime']): string {
	return m.dash_formula_responseTime({
		sum: n((x.meanHours ?? 0) * x.count),
		count: n(x.count),
		result: formatDuration(x.meanHours, 'hour')
	});
}
