// The definition of each KPI in plain words with this period's numbers plugged in, e.g.
// "Win rate = won ÷ (won + lost) = 12 ÷ (12 + 7) = 63.2 %". Each KPI's sentence lives in its
// module (src/lib/kpis/<slug>/formula.ts); an empty period gets the one shared sentence.
import { m } from '$lib/paraglide/messages.js';
import { emptyReason } from '$lib/dashboard/tiles';
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import { pageOf } from '$lib/kpis/page-registry';

export function formulaText<K extends KpiKey>(
	key: K,
	r: KpiResult,
	currency: string,
	stageName: (id: string) => string
): string {
	if (emptyReason(key, r)) return m.dash_formula_empty();
	return pageOf(key).formula(r[key], { currency, stageName });
}
