// Activities' charts: over time (per busy rep once the extras are in), by type, by rep, and by
// month of the year.
import { m } from '$lib/paraglide/messages.js';
import { formatNumber } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { activityTypeLabel } from '$lib/components/labels';
import { ACTIVITY_TYPES } from '$lib/domain/types';
import { repSeries } from '$lib/dashboard/rep-series';
import {
	sortedKeys,
	spec,
	type ChartContext,
	type ChartSpec,
	type RepSeriesData,
	type Series
} from '../chart-kit';

export function charts(a: KpiResult['activities'], ctx: ChartContext): ChartSpec[] {
	const buckets = sortedKeys(a.series);
	const reps = sortedKeys(a.byRep);
	const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
	const monthNames = months.map((mo) =>
		new Intl.DateTimeFormat(ctx.locale, { month: 'short', timeZone: 'UTC' }).format(
			new Date(Date.UTC(2026, Number(mo) - 1, 1))
		)
	);
	const perRep = ctx.extras?.repSeries;
	return [
		perRep
			? repSeriesChart(buckets, a.series, perRep, ctx)
			: spec(
					'series',
					m.dash_chart_series(),
					buckets,
					[{ name: m.dash_kpi_activities(), data: buckets.map((b) => a.series[b]) }],
					{ line: true }
				),
		spec('by-type', m.dash_kpi_activities(), ACTIVITY_TYPES.map(activityTypeLabel), [
			{ name: m.dash_count(), data: ACTIVITY_TYPES.map((t) => a.byType[t]) }
		]),
		spec(
			'by-rep',
			m.dash_chart_by_rep(),
			reps.map(ctx.repName),
			[{ name: m.dash_count(), data: reps.map((id) => a.byRep[id]) }],
			{ horizontal: true }
		),
		spec('seasonality', m.dash_chart_seasonality(), monthNames, [
			{ name: m.dash_count(), data: months.map((mo) => a.seasonality[mo] ?? 0) }
		])
	];
}

function repSeriesChart(
	buckets: string[],
	total: Record<string, number>,
	data: RepSeriesData,
	ctx: ChartContext
): ChartSpec {
	const list = repSeries(buckets, total, data.reps, data.perRep);
	const series: Series[] = list.map((x) => ({
		name: x.repId === null ? m.dash_others() : ctx.repName(x.repId),
		data: x.data,
		stack: 'reps'
	}));
	const chart = spec('series', m.dash_chart_rep_series(), buckets, series);
	// The table also has the team's total per bucket, first.
	chart.columns = [chart.columns[0], m.dash_total(), ...chart.columns.slice(1)];
	chart.rows = chart.rows.map((row, i) => [
		row[0],
		formatNumber(total[buckets[i]] ?? 0),
		...row.slice(1)
	]);
	if (list.some((x) => x.repId === null)) {
		chart.summary = m.dash_rep_series_note({ limit: formatNumber(data.reps.length) });
	}
	return chart;
}
