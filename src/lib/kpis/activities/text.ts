// Activities' words: the count by type below the total.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['activities']> = {
	title: m.dash_kpi_activities,
	subline: (r) =>
		m.dash_sub_activities({
			calls: n(r.byType.call),
			emails: n(r.byType.email),
			meetings: n(r.byType.meeting)
		})
};
