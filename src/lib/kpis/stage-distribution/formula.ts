// Stage distribution in words: the largest stage's share of all leads.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { operand as n, type FormulaContext } from '../page-kit';

export function formula(d: KpiResult['stageDistribution'], ctx: FormulaContext): string {
	const [id, top] = Object.entries(d.byStage).sort((a, b) => b[1].count - a[1].count)[0];
	return m.dash_formula_stageDistribution({
		stage: ctx.stageName(id),
		count: n(top.count),
		total: n(d.total),
		result: formatPercent(top.share)
	});
}
