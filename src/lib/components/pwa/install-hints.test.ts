import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PwaState, type BeforeInstallPromptEvent } from '$lib/state/pwa.svelte';
import InstallButton from './install-button.svelte';
import IosInstallHint from './ios-install-hint.svelte';

function promptEvent(outcome: 'accepted' | 'dismissed') {
	const event = new Event('beforeinstallprompt', { cancelable: true }) as BeforeInstallPromptEvent;
	const prompt = vi.fn(async () => {});
	Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
	return { event, prompt };
}

describe('install button', () => {
	it('appears only after the browser offers installation, and shows its dialog', async () => {
		const pwa = new PwaState();
		const stop = pwa.start();
		render(InstallButton, { pwa });
		expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();

		const { event, prompt } = promptEvent('accepted');
		window.dispatchEvent(event);
		// The browser's own mini-infobar is suppressed in favour of our button.
		expect(event.defaultPrevented).toBe(true);
		await userEvent.click(await screen.findByRole('button', { name: 'Install app' }));
		expect(prompt).toHaveBeenCalledOnce();
		expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();
		expect(pwa.installed).toBe(true);
		stop();
	});
});

describe('iOS hint', () => {
	it('tells iPhone users how to add the app, and stays away once dismissed', async () => {
		localStorage.clear();
		const pwa = new PwaState();
		pwa.showIosHint = true;
		render(IosInstallHint, { pwa });
		expect(screen.getByText(/tap Share, then Add to Home Screen/)).toBeVisible();
		await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByText(/Add to Home Screen/)).toBeNull();

		// A later visit on the same iPhone: start() reads the remembered dismissal.
		const ua = vi
			.spyOn(navigator, 'userAgent', 'get')
			.mockReturnValue('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1');
		const again = new PwaState();
		const stop = again.start();
		expect(again.showIosHint).toBe(false);
		localStorage.clear();
		const fresh = new PwaState();
		const stop2 = fresh.start();
		expect(fresh.showIosHint).toBe(true);
		stop();
		stop2();
		ua.mockRestore();
	});
});
