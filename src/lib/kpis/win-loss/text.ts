// Win/loss's words.
import { m } from '$lib/paraglide/messages.js';
import type { KpiResult } from '$lib/kpi/result-types';
import { n, type KpiText } from '../text-kit';

export const text: KpiText<KpiResult['winLoss']> = {
	title: m.dash_kpi_winLoss,
	subline: (r) => m.dash_sub_winLoss({ won: n(r.won), lost: n(r.lost) })
};
