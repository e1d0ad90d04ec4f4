import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, ThemeState } from '$lib/state/theme.svelte';
import ThemeSwitch from './theme-switch.svelte';

/** A matchMedia stand-in whose dark preference the test controls. */
function fakeMedia(dark: boolean) {
	const listeners = new Set<(e: MediaQueryListEvent) => void>();
	const list = {
		matches: dark,
		addEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.add(fn),
		removeEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.delete(fn)
	};
	return {
		matchMedia: () => list as unknown as MediaQueryList,
		flip(to: boolean) {
			list.matches = to;
			for (const fn of listeners) fn({ matches: to } as MediaQueryListEvent);
		}
	};
}

function setup(systemDark: boolean, stored?: string) {
	const root = document.createElement('html');
	localStorage.clear();
	if (stored) localStorage.setItem(THEME_STORAGE_KEY, stored);
	const media = fakeMedia(systemDark);
	const theme = new ThemeState({ root, storage: localStorage, matchMedia: media.matchMedia });
	return { root, theme, media };
}

describe('theme switch', () => {
	it('follows the system until a choice is made', () => {
		const { root, media } = setup(true);
		expect(root.dataset.theme).toBe('dark');
		media.flip(false);
		expect(root.dataset.theme).toBe('light');
	});

	it('applies and remembers Light against a dark system', async () => {
		const { root, theme } = setup(true);
		render(ThemeSwitch, { theme });
		expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
		await userEvent.click(screen.getByRole('radio', { name: 'Light' }));
		expect(root.dataset.theme).toBe('light');
		expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
		expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
	});

	it('restores a saved Dark choice, and System forgets it', async () => {
		const { root, theme } = setup(false, 'dark');
		render(ThemeSwitch, { theme, compact: true });
		expect(root.dataset.theme).toBe('dark');
		expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
		await userEvent.click(screen.getByRole('radio', { name: 'System' }));
		expect(root.dataset.theme).toBe('light');
		expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
	});

	it('is a labelled group', () => {
		const { theme } = setup(false);
		render(ThemeSwitch, { theme, compact: true });
		expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
	});
});
