// The app's state objects travel through Svelte context from the root layout, so components
// never import a singleton (and tests can hand them their own).
import { getContext, setContext } from 'svelte';
import type { AppState } from './app-state.svelte';
import type { ThemeState } from './theme.svelte';

const APP = Symbol('app');
const THEME = Symbol('theme');

export function setAppState(app: AppState): AppState {
	return setContext(APP, app);
}

export function getAppState(): AppState {
	const app = getContext<AppState | undefined>(APP);
	if (!app) throw new Error('AppState missing: render inside the root layout');
	return app;
}

export function setThemeState(theme: ThemeState): ThemeState {
	return setContext(THEME, theme);
}

export function getThemeState(): ThemeState {
	const theme = getContext<ThemeState | undefined>(THEME);
	if (!theme) throw new Error('ThemeState missing: render inside the root layout');
	return theme;
}

/** The context entries the root layout provides, for rendering a page on its own in tests. */
export function appContext(app: AppState, theme?: ThemeState): Map<symbol, unknown> {
	const map = new Map<symbol, unknown>([[APP, app]]);
	if (theme) map.set(THEME, theme);
	return map;
}
