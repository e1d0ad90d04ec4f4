// Sales cycle's chart: mean and median days, all closed deals, won and lost.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { round, spec, type ChartSpec } from '../chart-kit';

export function charts(s: KpiResult['salesCycle']): ChartSpec[] {
	const cats = [m.dash_total(), m.dash_won(), m.dash_lost()];
	const rows = [s, s.won, s.lost];
	return [
		spec(
			'cycle',
			m.dash_chart_cycle(),
			cats,
			[
				{ name: m.dash_mean(), data: rows.map((x) => round(x.meanDays, 1)) },
				{ name: m.dash_median(), data: rows.map((x) => round(x.medianDays, 1)) }
			],
			{ format: (v) => formatDuration(v, 'day') }
		)
	];
}
