// Forecast accuracy in words: 1 − Σ|error| ÷ actual, with the bias, in full money.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { money } from '../money';
import type { FormulaContext } from '../page-kit';

export function formula(f: KpiResult['forecastAccuracy'], ctx: FormulaContext): string {
	const cur = (v: number | null) => money(v, ctx.currency, true);
	const abs = f.rows.reduce((s, row) => s + Math.abs(row.error), 0);
	return m.dash_formula_forecastAccuracy({
		abs: cur(abs),
		actual: cur(f.actual),
		amount: cur(f.amount),
		result: formatPercent(f.accuracy),
		bias: formatPercent(f.bias)
	});
}
