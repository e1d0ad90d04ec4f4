// Win/loss in the team view's side-by-side table (one row each, a column per rep). Apart from
// text.ts so the import page's words stay out of the dashboard's first screen.
import { m } from '$lib/paraglide/messages.js';
import { formatMoney, formatNumber, formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import type { TeamColumn } from '../text-kit';

export const team: TeamColumn<KpiResult['winLoss']>[] = [
	{ key: 'won', label: m.import_kpi_won, format: (r) => formatNumber(r.won) },
	{ key: 'winRate', label: m.import_kpi_win_rate, format: (r) => formatPercent(r.winRate) },
	{ key: 'wonValue', label: m.import_kpi_won_value, format: (r, c) => formatMoney(r.wonValue, c) }
];
