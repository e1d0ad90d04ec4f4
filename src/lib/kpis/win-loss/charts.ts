// Win/loss's chart: won against lost.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { spec, type ChartSpec } from '../chart-kit';

export function charts(w: KpiResult['winLoss']): ChartSpec[] {
	return [
		spec(
			'outcome',
			m.dash_chart_outcome(),
			[m.dash_won(), m.dash_lost()],
			[{ name: m.dash_count(), data: [w.won, w.lost] }]
		)
	];
}
