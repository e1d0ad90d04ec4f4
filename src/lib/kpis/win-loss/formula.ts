// Win rate in words: won ÷ (won + lost).
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n } from '../page-kit';

export function formula(r: KpiResult['winLoss']): string {
	return m.dash_formula_winLoss({
		won: n(r.won),
		lost: n(r.lost),
		result: formatPercent(r.winRate)
	});
}
