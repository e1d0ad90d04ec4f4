// Words for the dashboard's filters: origin names and the chips of the active filters.
import { m } from '$lib/paraglide/messages.js';
import { NO_CAMPAIGN, type DashboardView } from '$lib/dashboard/view';
import type { Origin } from '$lib/domain/types';

export function originLabel(origin: Origin): string {
	return origin === 'marketing' ? m.dash_marketing() : m.dash_sales();
}

export interface FilterChip {
	kind: 'reps' | 'campaigns' | 'origins';
	id: string;
	label: string;
}

/** One chip per active filter value, reps first, each list in the view's (sorted) order. */
export function filterChips(
	view: Pick<DashboardView, 'reps' | 'campaigns' | 'origins'>,
	names: { repName: (id: string) => string; campaignName: (id: string) => string }
): FilterChip[] {
	return [
		...view.reps.map((id) => ({ kind: 'reps' as const, id, label: names.repName(id) })),
		...view.campaigns.map((id) => ({
			kind: 'campaigns' as const,
			id,
			label: id === NO_CAMPAIGN ? m.dash_campaign_none() : names.campaignName(id)
		})),
		...view.origins.map((id) => ({ kind: 'origins' as const, id, label: originLabel(id) }))
	];
}
