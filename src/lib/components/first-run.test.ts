import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import FirstRun from './first-run.svelte';

const defaults = { currency: 'DKK', timeZone: 'Europe/Copenhagen' };

describe('first-run form', () => {
	it('prefills currency and time zone from the device', () => {
		render(FirstRun, { defaults, onstart: vi.fn(), ondemo: vi.fn() });
		expect(screen.getByLabelText('Currency')).toHaveValue('DKK');
		expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Copenhagen');
	});

	it('requires a name and says so next to the field', async () => {
		const onstart = vi.fn();
		render(FirstRun, { defaults, onstart, ondemo: vi.fn() });
		await userEvent.click(screen.getByRole('button', { name: 'Start' }));
		expect(onstart).not.toHaveBeenCalled();
		const name = screen.getByLabelText('Your name');
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveAccessibleDescription('Enter your name.');
		expect(name).toHaveFocus();
	});

	it('treats a name of only spaces as missing', async () => {
		const onstart = vi.fn();
		render(FirstRun, { defaults, onstart, ondemo: vi.fn() });
		await userEvent.type(screen.getByLabelText('Your name'), '   ');
		await userEvent.click(screen.getByRole('button', { name: 'Start' }));
		expect(onstart).not.toHaveBeenCalled();
	});

	it('rejects an unknown time zone', async () => {
		const onstart = vi.fn();
		render(FirstRun, { defaults, onstart, ondemo: vi.fn() });
		await userEvent.type(screen.getByLabelText('Your name'), 'Mette');
		const zone = screen.getByLabelText('Time zone');
		await userEvent.clear(zone);
		await userEvent.type(zone, 'Mars/Olympus');
		await userEvent.click(screen.getByRole('button', { name: 'Start' }));
		expect(onstart).not.toHaveBeenCalled();
		expect(zone).toHaveAttribute('aria-invalid', 'true');
	});

	it('starts with the trimmed name and the chosen settings', async () => {
		const onstart = vi.fn();
		render(FirstRun, { defaults, onstart, ondemo: vi.fn() });
		await userEvent.type(screen.getByLabelText('Your name'), '  Mette Holm ');
		const currency = screen.getByLabelText('Currency');
		await userEvent.clear(currency);
		await userEvent.type(currency, 'eur');
		await userEvent.click(screen.getByRole('button', { name: 'Start' }));
		expect(onstart).toHaveBeenCalledWith({
			repName: 'Mette Holm',
			currency: 'EUR',
			timeZone: 'Europe/Copenhagen'
		});
	});

	it('offers demo data', async () => {
		const ondemo = vi.fn();
		render(FirstRun, { defaults, onstart: vi.fn(), ondemo });
		await userEvent.click(screen.getByRole('button', { name: 'Try with demo data' }));
		expect(ondemo).toHaveBeenCalledTimes(1);
	});
});
