// The boot script, run as the page runs it (inline, before the body), in jsdom.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localStorageKey as LOCALE_KEY } from '$lib/paraglide/runtime.js';
import { THEME_STORAGE_KEY } from '$lib/state/theme.svelte';
import boot from './boot.js?raw';
import { shellHtml } from './shell-html';
import { SHELL_KEY } from './takeover';

// The boot script cannot import these (it is inlined as it is); the tests hold it to the keys
// the app itself writes, so a renamed key fails here rather than in a user's first paint.

const root = document.documentElement;

function runBoot(languages: string[] = ['en-US']) {
	vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
	new Function(boot)();
}

beforeEach(() => {
	for (const key of ['theme', 'shell', 'route']) delete root.dataset[key];
	root.lang = '';
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.useRealTimers();
	localStorage.clear();
	document.body.innerHTML = '';
	delete window.__tragtShellAction;
});

describe('the boot script', () => {
	it('picks the language as the app does: the saved choice first', () => {
		localStorage.setItem(LOCALE_KEY, 'da');
		runBoot(['en-GB']);
		expect(root.lang).toBe('da');
	});

	it('then the browser languages, by full tag or base tag, else English', () => {
		runBoot(['de-DE', 'da-DK', 'en']);
		expect(root.lang).toBe('da');
		runBoot(['de-DE', 'fr']);
		expect(root.lang).toBe('en');
	});

	it('applies a saved theme and paints the frame when this device has a workspace', () => {
		localStorage.setItem(THEME_STORAGE_KEY, 'dark');
		localStorage.setItem(SHELL_KEY, 'app');
		runBoot();
		expect(root.dataset.theme).toBe('dark');
		expect(root.dataset.shell).toBe('app');
	});

	it('paints the welcome form on a new device', () => {
		runBoot();
		expect(root.dataset.shell).toBe('first-run');
		expect(root.dataset.theme).toBeUndefined();
	});

	it('remembers a button pressed in the shell instead of submitting the form', () => {
		runBoot();
		document.body.innerHTML = shellHtml();
		const start = document.querySelector('[data-shell-action="start"]') as HTMLButtonElement;
		const submitted = vi.fn((e: Event) => e.preventDefault());
		document.addEventListener('submit', submitted);
		start.click();
		expect(window.__tragtShellAction).toBe('start');
		expect(start.getAttribute('aria-busy')).toBe('true');
		expect(submitted).not.toHaveBeenCalled();
		document.removeEventListener('submit', submitted);
	});

	it('marks the shell field being typed in, so the router leaves the keyboard there', () => {
		runBoot();
		document.body.innerHTML = shellHtml();
		const name = document.getElementById('shell-name') as HTMLInputElement;
		name.focus();
		expect(document.querySelector('[autofocus]')).toBe(name);
		name.blur();
		expect(document.querySelector('[autofocus]')).toBeNull();
	});

	it('starts the app by putting its start script in place of the template', async () => {
		vi.useFakeTimers();
		document.body.innerHTML =
			'<div id="mount"><template id="tragt-start"><link href="/a.js" rel="modulepreload"><script>window.__started = 1</script></template></div>';
		runBoot();
		await vi.advanceTimersByTimeAsync(3100);
		const mount = document.getElementById('mount');
		expect(mount?.querySelector('template')).toBeNull();
		expect(mount?.querySelector('script')?.textContent).toBe('window.__started = 1');
		expect(document.head.querySelector('link[rel="modulepreload"][href="/a.js"]')).not.toBeNull();
	});
});
