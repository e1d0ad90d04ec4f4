// One headline figure per KPI of spec/kpis.md, for the team view's side-by-side table. Each
// KPI's columns live in its module (src/lib/kpis/<slug>/team.ts); here they become rows that
// take the whole result, in the team table's order.
import type { KpiKey, KpiResult } from '$lib/kpi/result-types';
import { TEAM, TEAM_ORDER } from '$lib/kpis/team-registry';
import type { TeamColumn } from '$lib/kpis/text-kit';

export interface TeamKpi {
	key: string;
	label: () => string;
	format: (r: KpiResult, currency: string) => string;
}

function rowsOf<K extends KpiKey>(kpi: K): TeamKpi[] {
	const columns: readonly TeamColumn<KpiResult[K]>[] = TEAM[kpi];
	return columns.map((c) => ({
		key: c.key,
		label: c.label,
		format: (r: KpiResult, currency: string) => c.format(r[kpi], currency)
	}));
}

export const TEAM_KPIS: readonly TeamKpi[] = TEAM_ORDER.flatMap((kpi) => rowsOf(kpi));
