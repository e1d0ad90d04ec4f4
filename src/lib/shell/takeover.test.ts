import { afterEach, describe, expect, it } from 'vitest';
import { shellHtml } from './shell-html';
import { readShell, rememberShellScreen, removeShell, SHELL_KEY } from './takeover';

function mountShell() {
	document.body.innerHTML = shellHtml();
}

afterEach(() => {
	document.body.innerHTML = '';
	delete window.__tragtShellAction;
	localStorage.clear();
});

describe('taking over from the static shell', () => {
	it('finds no shell where the page was not served with one', () => {
		expect(readShell()).toBeNull();
	});

	it('reads what was typed, the focused field and the pressed button', () => {
		mountShell();
		(document.getElementById('shell-name') as HTMLInputElement).value = 'Mette';
		const zone = document.getElementById('shell-zone') as HTMLInputElement;
		zone.value = 'Europe/Oslo';
		zone.focus();
		window.__tragtShellAction = 'demo';
		expect(readShell()).toEqual({
			values: { name: 'Mette', currency: '', timeZone: 'Europe/Oslo' },
			focused: 'timeZone',
			action: 'demo'
		});
	});

	it('ignores an action it does not know', () => {
		mountShell();
		window.__tragtShellAction = 'delete-everything';
		expect(readShell()?.action).toBeNull();
	});

	it('removes the shell and forgets the pressed button', () => {
		mountShell();
		window.__tragtShellAction = 'start';
		removeShell();
		expect(document.getElementById('tragt-shell')).toBeNull();
		expect(window.__tragtShellAction).toBeUndefined();
		expect(readShell()).toBeNull();
	});

	it('remembers which screen the next visit paints', () => {
		rememberShellScreen('app');
		expect(localStorage.getItem(SHELL_KEY)).toBe('app');
		rememberShellScreen('first-run');
		expect(localStorage.getItem(SHELL_KEY)).toBeNull();
	});
});
