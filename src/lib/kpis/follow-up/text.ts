// Follow-up's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['followUp']> = {
	title: m.dash_kpi_followUp,
	subline: (r) => m.dash_sub_followUp({ followed: n(r.followedUp), total: n(r.total) })
};
