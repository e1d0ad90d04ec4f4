import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PwaState } from '$lib/state/pwa.svelte';
import StorageStatus from './storage-status.svelte';

/** A StorageManager stand-in: persistence as given, `persist()` grants when `grant`. */
function fakeStorage(opts: { persisted: boolean; grant: boolean; usage: number; quota: number }) {
	let persisted = opts.persisted;
	const storage = {
		persisted: vi.fn(async () => persisted),
		persist: vi.fn(async () => {
			persisted = opts.grant;
			return persisted;
		}),
		estimate: vi.fn(async () => ({ usage: opts.usage, quota: opts.quota }))
	};
	setStorage(storage);
	return storage;
}

function setStorage(storage: unknown) {
	Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

afterEach(() => {
	Reflect.deleteProperty(navigator, 'storage');
});

describe('storage status', () => {
	it('shows that the data is protected, and the usage of the quota', async () => {
		fakeStorage({ persisted: true, grant: true, usage: 12_400_000, quota: 2_000_000_000 });
		render(StorageStatus, { pwa: new PwaState() });
		expect(await screen.findByText(/^Protected:/)).toBeVisible();
		expect(screen.getByTestId('storage-usage')).toHaveTextContent('Using 12 MB of 2 GB available.');
		expect(screen.queryByRole('button', { name: 'Protect my data' })).toBeNull();
	});

	it('says when it is not protected and asks the browser on request', async () => {
		const storage = fakeStorage({
			persisted: false,
			grant: true,
			usage: 1_500,
			quota: 300_000_000
		});
		render(StorageStatus, { pwa: new PwaState() });
		expect(await screen.findByText(/^Not protected:/)).toBeVisible();
		expect(screen.getByTestId('storage-usage')).toHaveTextContent('Using 1.5 kB of 300 MB');
		await userEvent.click(screen.getByRole('button', { name: 'Protect my data' }));
		expect(storage.persist).toHaveBeenCalledOnce();
		expect(await screen.findByText(/^Protected:/)).toBeVisible();
	});

	it('says so when the browser cannot tell', async () => {
		setStorage(undefined);
		render(StorageStatus, { pwa: new PwaState() });
		expect(
			await screen.findByText('This browser does not say whether your data is protected.')
		).toBeVisible();
		expect(screen.getByTestId('storage-usage')).toHaveTextContent(
			'This browser does not report how much space is used.'
		);
	});
});

describe('asking for persistence once there is data', () => {
	it('does not ask before there is a workspace, then asks once', async () => {
		const storage = fakeStorage({ persisted: false, grant: false, usage: 0, quota: 1 });
		const pwa = new PwaState();
		await pwa.persistWhenReady(false);
		expect(storage.persist).not.toHaveBeenCalled();
		await pwa.persistWhenReady(true);
		await pwa.persistWhenReady(true);
		expect(storage.persist).toHaveBeenCalledOnce();
		expect(pwa.storage.persisted).toBe(false);
	});
});
