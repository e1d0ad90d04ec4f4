// The static shell: the markup the page is served with, so a phone paints the app's first
// screen from the HTML alone, before any module has loaded (issue #17). It holds both first
// screens (the welcome form of a new device, the frame with dashboard placeholders of a known
// one) in both languages; the boot script (boot.js) picks one of each from what the app saved,
// and shell.css shows only those. The app removes it when its own screen is in place
// (takeover.ts). Built once, when the page is generated (src/hooks.server.ts).
import { m } from '$lib/paraglide/messages.js';
import { locales, type Locale } from '$lib/paraglide/runtime.js';
import { KPI_KEYS } from '$lib/kpis/registry';

import { SHELL_FIELDS, SHELL_ID } from './shell-ids';

export { SHELL_FIELDS, SHELL_ID };

/** The dashboard shows a tile per KPI; the shell reserves their grid. */
const TILE_COUNT = KPI_KEYS.length;

const LOGO = (size: number) =>
	`<svg viewBox="0 0 64 64" width="${size}" height="${size}" aria-hidden="true"><rect width="64" height="64" rx="14" fill="var(--accent)"/><path d="M12 16h40l-14 16v14l-12 6V32z" fill="var(--on-accent)"/></svg>`;

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** A message in every language, each in a span the stylesheet shows for its language only. */
function say(message: (inputs: object, options: { locale: Locale }) => string): string {
	return locales
		.map((locale) => `<span lang="${locale}">${escapeHtml(message({}, { locale }))}</span>`)
		.join('');
}

function firstRunScreen(): string {
	const field = (id: string, label: string, attrs: string) =>
		`<div class="field"><label for="${id}">${label}</label><input id="${id}" class="input" ${attrs}></div>`;
	return `<div data-screen="first-run"><div class="first-run">
<header class="intro"><div class="logo" aria-hidden="true">${LOGO(48)}</div><h1>${say(m.welcome_title)}</h1><p>${say(m.welcome_intro)}</p></header>
<div class="panels">
<form class="card stack" novalidate><h2>${say(m.welcome_start_heading)}</h2>
${field(SHELL_FIELDS.name, say(m.field_your_name), 'autocomplete="name" required aria-required="true"')}
<div class="two">${field(SHELL_FIELDS.currency, say(m.field_currency), 'maxlength="3" autocapitalize="characters" spellcheck="false"')}${field(SHELL_FIELDS.timeZone, say(m.field_time_zone), 'spellcheck="false"')}</div>
<button type="submit" class="btn btn-primary" data-shell-action="start">${say(m.start)}</button></form>
<section class="card stack demo"><h2>${say(m.demo_heading)}</h2><p class="muted">${say(m.demo_intro)}</p><button type="button" class="btn" data-shell-action="demo">${say(m.demo_load)}</button></section>
</div></div></div>`;
}

function appScreen(): string {
	const tiles = '<div class="shell-tile"></div>'.repeat(TILE_COUNT);
	return `<div class="shell" data-screen="app">
<header class="top-bar"><span class="brand">${LOGO(28)}<span class="brand-name">${say(m.app_name)}</span></span></header>
<div class="side"></div>
<main><div class="shell-dashboard"><div class="page-head"><div><h1>${say(m.dash_title)}</h1></div></div><div class="shell-tiles">${tiles}</div></div></main>
<div class="tabs"><div class="shell-tab-bar"></div></div>
</div>`;
}

/** The shell's markup. aria-busy: assistive technology hears that the app is still starting. */
export function shellHtml(): string {
	return `<div id="${SHELL_ID}" aria-busy="true">${firstRunScreen()}${appScreen()}</div>`;
}
