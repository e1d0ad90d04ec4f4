// Names of the drill-through parts (explicit references keep the message bundle small).
import { m } from '$lib/paraglide/messages.js';
import type { DrillLabel } from '$lib/dashboard/drill';

const PART_LABELS: Record<DrillLabel, () => string> = {
	closed: m.dash_part_closed,
	won: m.dash_part_won,
	lost: m.dash_part_lost,
	leads: m.dash_part_leads,
	created: m.dash_part_created,
	converted: m.dash_part_converted,
	cohort: m.dash_part_cohort,
	contacted: m.dash_part_contacted,
	unanswered: m.dash_part_unanswered,
	followed: m.dash_part_followed,
	'not-followed': m['dash_part_not-followed'],
	activities: m.dash_part_activities,
	positive: m.dash_part_positive,
	negative: m.dash_part_negative,
	neutral: m.dash_part_neutral,
	marketing: m.dash_part_marketing,
	sales: m.dash_part_sales,
	forecasts: m.dash_part_forecasts,
	open: m.dash_part_open,
	'at-start': m['dash_part_at-start'],
	churned: m.dash_part_churned,
	new: m.dash_part_new,
	'active-end': m['dash_part_active-end']
};

export const partLabel = (label: DrillLabel): string => PART_LABELS[label]();
