// Weighted pipeline in words: Σ value × probability over the open deals, in full money.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import { operand as n, type FormulaContext } from '../page-kit';

export function formula(r: KpiResult['weightedPipeline'], ctx: FormulaContext): string {
	const cur = (v: number | null) => money(v, ctx.currency, true);
	return m.dash_formula_weightedPipeline({
		count: n(r.count),
		result: cur(r.weighted),
		total: cur(r.total)
	});
}
