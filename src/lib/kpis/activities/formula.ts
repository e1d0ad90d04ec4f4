// Activities in words: the sum of calls, emails, meetings and the rest.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['activities']): string {
	const t = r.byType;
	return m.dash_formula_activities({
		calls: n(t.call),
		emails: n(t.email),
		meetings: n(t.meeting),
		other: n(t.other),
		result: n(r.total)
	});
}
