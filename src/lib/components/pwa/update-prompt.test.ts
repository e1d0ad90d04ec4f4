import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PwaState } from '$lib/state/pwa.svelte';
import UpdatePrompt from './update-prompt.svelte';
import VersionBanner from './version-banner.svelte';

describe('update prompt', () => {
	it('stays hidden until a new version is waiting', () => {
		const pwa = new PwaState();
		render(UpdatePrompt, { pwa });
		expect(screen.queryByText('Update available')).toBeNull();
	});

	it('offers Reload, which hands over to the new version only when clicked', async () => {
		const pwa = new PwaState();
		const apply = vi.spyOn(pwa, 'applyUpdate').mockResolvedValue();
		pwa.updateReady = true;
		render(UpdatePrompt, { pwa });
		expect(await screen.findByText('Update available')).toBeVisible();
		expect(apply).not.toHaveBeenCalled();
		await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
		expect(apply).toHaveBeenCalledOnce();
	});

	it('goes away on Later without reloading', async () => {
		const pwa = new PwaState();
		const apply = vi.spyOn(pwa, 'applyUpdate').mockResolvedValue();
		pwa.updateReady = true;
		render(UpdatePrompt, { pwa });
		await userEvent.click(await screen.findByRole('button', { name: 'Later' }));
		expect(screen.queryByText('Update available')).toBeNull();
		expect(apply).not.toHaveBeenCalled();
	});
});

describe('version banner', () => {
	it('appears when another tab upgraded the database', async () => {
		const pwa = new PwaState();
		render(VersionBanner, { pwa });
		expect(screen.queryByRole('alert')).toBeNull();
		pwa.schemaOutdated = true;
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Tragt was updated in another tab. Reload to continue.'
		);
		expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
	});
});
