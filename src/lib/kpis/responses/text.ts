// Responses' words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['responses']> = {
	title: m.dash_kpi_responses,
	subline: (r) =>
		m.dash_sub_responses({
			positive: n(r.positive),
			negative: n(r.negative),
			neutral: n(r.neutral)
		})
};
