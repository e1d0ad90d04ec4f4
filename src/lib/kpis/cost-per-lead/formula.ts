// Cost per lead in words: budget ÷ leads, in full money (rounded operands would not add up).
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { operand as n, type FormulaContext } from '../page-kit';

export function formula(r: KpiResult['costPerLead'], ctx: FormulaContext): string {
	const cur = (v: number | null) => money(v, ctx.currency, true);
	return m.dash_formula_costPerLead({
		budget: cur(r.budget),
		leads: n(r.leads),
		result: cur(r.cpl)
	});
}
