import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SideNav from './side-nav.svelte';
import TabBar from './tab-bar.svelte';

function links() {
	return within(screen.getByRole('navigation')).getAllByRole('link');
}

describe('bottom tab bar (phones)', () => {
	it('offers five tabs, with Activities and Campaigns left to More', () => {
		render(TabBar, { pathname: '/' });
		expect(links().map((a) => a.textContent?.trim())).toEqual([
			'Dashboard',
			'Leads',
			'Board',
			'Log',
			'More'
		]);
	});

	it('marks More current on the activities grid, which lives under More on phones', () => {
		render(TabBar, { pathname: '/activities' });
		expect(screen.getByRole('link', { name: 'More' })).toHaveAttribute('aria-current', 'page');
	});

	it('marks the Leads tab current on a lead page, and only that tab', () => {
		render(TabBar, { pathname: '/leads/42' });
		const current = links().filter((a) => a.getAttribute('aria-current') === 'page');
		expect(current.map((a) => a.textContent?.trim())).toEqual(['Leads']);
	});

	it('marks More current on a section listed under More', () => {
		render(TabBar, { pathname: '/campaigns' });
		expect(screen.getByRole('link', { name: 'More' })).toHaveAttribute('aria-current', 'page');
		expect(screen.getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current');
	});
});

describe('side navigation (wide screens)', () => {
	it('lists every section', () => {
		render(SideNav, { pathname: '/' });
		expect(links().map((a) => a.getAttribute('href'))).toEqual([
			'/',
			'/leads',
			'/board',
			'/log',
			'/activities',
			'/campaigns',
			'/customers',
			'/forecasts',
			'/targets',
			'/reps',
			'/stages',
			'/stage-moves',
			'/import-export',
			'/bin',
			'/settings'
		]);
	});

	it('does not mark Dashboard current on other pages', () => {
		render(SideNav, { pathname: '/settings' });
		expect(screen.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
		expect(screen.getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current');
	});
});
