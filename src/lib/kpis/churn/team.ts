// Churn in the team view's side-by-side table (one row each, a column per rep). Apart from
// text.ts so the import page's words stay out of the dashboard's first screen.
import { m } from '$lib/paraglide/messages.js';
import { formatPercent } from '$lib/i18n/format';
import type { KpiResult } from '$lib/kpi/result-types';
import type { TeamColumn } from '../text-kit';

export const team: TeamColumn<KpiResult['churn']>[] = [
	{ key: 'churn', label: m.import_kpi_churn, format: (r) => formatPercent(r.rate) }
];
