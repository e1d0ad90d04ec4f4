// Follow-up's chart: the rate per rep.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { round, sortedKeys, spec, type ChartContext, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['followUp'], ctx: ChartContext): ChartSpec[] {
	const x = r.byRep;
	const reps = sortedKeys(x);
	return [
		spec(
			'by-rep',
			m.dash_chart_by_rep(),
			reps.map(ctx.repName),
			[{ name: m.dash_rate(), data: reps.map((id) => round(x[id].rate, 4)) }],
			{ horizontal: true, percent: true, format: (v) => formatPercent(v) }
		)
	];
}
