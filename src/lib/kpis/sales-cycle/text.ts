// Sales cycle's words: mean days on the tile, the median and the deals below.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['salesCycle']> = {
	title: m.dash_kpi_salesCycle,
	subline: (r) =>
		m.dash_sub_salesCycle({ median: formatDuration(r.medianDays, 'day'), count: n(r.count) })
};
