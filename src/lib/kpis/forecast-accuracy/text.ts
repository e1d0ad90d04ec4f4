// Forecast accuracy's words, and its marker when a filter is in force that forecasts ignore.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

type Forecasts = KpiResult['forecastAccuracy'];

/**
 * The tile's marker when a campaign or origin filter is in force: forecasts name neither, so
 * the figure ignores them (`unfilteredBy`). Null otherwise.
 */
export function unfilteredMarker(r: Forecasts): string | null {
	const by = r.unfilteredBy ?? [];
	const campaigns = by.includes('campaigns');
	const origins = by.includes('origins');
	if (campaigns && origins) return m.dash_tile_unfiltered_both();
	if (campaigns) return m.dash_tile_unfiltered_campaigns();
	if (origins) return m.dash_tile_unfiltered_origins();
	return null;
}

export const text: KpiText<Forecasts> = {
	title: m.dash_kpi_forecastAccuracy,
	subline: (r) =>
		m.dash_sub_forecastAccuracy({
			bias: (r.bias !== null && r.bias > 0 ? '+' : '') + formatPercent(r.bias),
			count: n(r.count)
		}),
	marker: unfilteredMarker
};
