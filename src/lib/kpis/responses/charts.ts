// Responses' chart: positive, negative and neutral answers per rep, stacked.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { sortedKeys, spec, type ChartContext, type ChartSpec } from '../chart-kit';

export function charts(r: KpiResult['responses'], ctx: ChartContext): ChartSpec[] {
	const x = r.byRep;
	const reps = sortedKeys(x);
	return [
		spec(
			'by-rep',
			m.dash_chart_by_rep(),
			reps.map(ctx.repName),
			[
				{ name: m.dash_positive(), data: reps.map((id) => x[id].positive), stack: 'r' },
				{ name: m.dash_negative(), data: reps.map((id) => x[id].negative), stack: 'r' },
				{ name: m.dash_neutral(), data: reps.map((id) => x[id].neutral), stack: 'r' }
			],
			{ horizontal: true }
		)
	];
}
