// The app's sections, in navigation order. Labels are message functions so that they follow
// the chosen language at render time.
import { m } from '$lib/paraglide/messages.js';
import type { Pathname } from '$app/types';
import type { IconName } from './icon.svelte';

export interface NavItem {
	href: Pathname;
	label: () => string;
	icon: IconName;
}

export const NAV_DASHBOARD: NavItem = { href: '/', label: m.nav_dashboard, icon: 'dashboard' };
export const NAV_LEADS: NavItem = { href: '/leads', label: m.nav_leads, icon: 'leads' };
export const NAV_BOARD: NavItem = { href: '/board', label: m.nav_board, icon: 'board' };
export const NAV_ACTIVITIES: NavItem = {
	href: '/activities',
	label: m.nav_activities,
	icon: 'activities'
};
export const NAV_CAMPAIGNS: NavItem = {
	href: '/campaigns',
	label: m.nav_campaigns,
	icon: 'campaigns'
};
/** One-thumb logging on the recent leads (and a new lead from a name). */
export const NAV_LOG: NavItem = { href: '/log', label: m.entry_quicklog_nav, icon: 'phone' };
export const NAV_MORE: NavItem = { href: '/more', label: m.nav_more, icon: 'more' };

/** Sections listed under More (and, on wide screens, in the side navigation's second group). */
export const MORE_ITEMS: NavItem[] = [
	{ href: '/customers', label: m.nav_customers, icon: 'customers' },
	{ href: '/forecasts', label: m.nav_forecasts, icon: 'forecasts' },
	{ href: '/targets', label: m.nav_targets, icon: 'targets' },
	{ href: '/reps', label: m.nav_reps, icon: 'reps' },
	{ href: '/stages', label: m.nav_stages, icon: 'stages' },
	{ href: '/stage-moves', label: m.nav_stage_moves, icon: 'activities' },
	{ href: '/import-export', label: m.nav_import_export, icon: 'import-export' },
	{ href: '/bin', label: m.nav_bin, icon: 'bin' },
	{ href: '/settings', label: m.nav_settings, icon: 'settings' }
];

/** Side navigation (wide screens): the daily work first, then the rest. */
export const SIDE_PRIMARY: NavItem[] = [
	NAV_DASHBOARD,
	NAV_LEADS,
	NAV_BOARD,
	NAV_LOG,
	NAV_ACTIVITIES,
	NAV_CAMPAIGNS
];

/** Bottom tabs on phones: five fit at 360 px. A phone logs more than it browses the activity
 * grid, so Log takes a tab and Activities and Campaigns move under More there. */
export const TAB_ITEMS: NavItem[] = [NAV_DASHBOARD, NAV_LEADS, NAV_BOARD, NAV_LOG, NAV_MORE];

/** On phones, Activities and Campaigns are among More's entries. */
export const MORE_PAGE_ITEMS: NavItem[] = [NAV_ACTIVITIES, NAV_CAMPAIGNS, ...MORE_ITEMS];

/** Whether `href` is the section the person is in (the lead page belongs to Leads). */
export function isActive(href: Pathname, pathname: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(href + '/');
}

/** The bottom tab that stands for `pathname`: More covers every section it lists. */
export function isTabActive(href: Pathname, pathname: string): boolean {
	if (href === NAV_MORE.href) {
		return (
			isActive(NAV_MORE.href, pathname) ||
			MORE_PAGE_ITEMS.some((item) => isActive(item.href, pathname))
		);
	}
	return isActive(href, pathname);
}
