// Response time's words.
import { m } from '$lib/paraglide/messages.js';
import { formatDuration } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['responseTime']> = {
	title: m.dash_kpi_responseTime,
	subline: (r) =>
		m.dash_sub_responseTime({
			median: formatDuration(r.medianHours, 'hour'),
			unanswered: n(r.unanswered)
		})
};
