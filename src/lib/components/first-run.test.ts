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

describe('first-run form taking over from the static shell', () => {
	const typed = (values: Partial<Record<'name' | 'currency' | 'timeZone', string>>) => ({
		values: { name: '', currency: '', timeZone: '', ...values },
		focused: null,
		action: null
	});

	it('keeps what was typed into the shell and fills only the untouched fields', () => {
		render(FirstRun, {
			defaults,
			handoff: typed({ name: 'Mette', currency: 'sek' }),
			onstart: vi.fn(),
			ondemo: vi.fn()
		});
		expect(screen.getByLabelText('Your name')).toHaveValue('Mette');
		expect(screen.getByLabelText('Currency')).toHaveValue('sek');
		expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Copenhagen');
	});

	it('gives the keyboard back to the field the person was typing in', () => {
		render(FirstRun, {
			defaults,
			handoff: { ...typed({ name: 'Met' }), focused: 'name' as const },
			onstart: vi.fn(),
			ondemo: vi.fn()
		});
		expect(screen.getByLabelText('Your name')).toHaveFocus();
	});

	it('loads the demo when its button was pressed before the app had loaded', async () => {
		const ondemo = vi.fn();
		render(FirstRun, {
			defaults,
			handoff: { ...typed({}), action: 'demo' as const },
			onstart: vi.fn(),
			ondemo
		});
		await vi.waitFor(() => expect(ondemo).toHaveBeenCalledTimes(1));
	});

	it('starts the workspace with the typed values when Start was pressed in the shell', async () => {
		const onstart = vi.fn();
		render(FirstRun, {
			defaults,
			handoff: { ...typed({ name: ' Mette ', currency: 'nok' }), action: 'start' as const },
			onstart,
			ondemo: vi.fn()
		});
		await vi.waitFor(() =>
			expect(onstart).toHaveBeenCalledWith({
				repName: 'Mette',
				currency: 'NOK',
				timeZone: 'Europe/Copenhagen'
			})
		);
	});

	it('says what is missing when Start was pressed in the shell with no name', async () => {
		const onstart = vi.fn();
		render(FirstRun, {
			defaults,
			handoff: { ...typed({}), action: 'start' as const },
			onstart,
			ondemo: vi.fn()
		});
		const name = screen.getByLabelText('Your name');
		await vi.waitFor(() => expect(name).toHaveAccessibleDescription('Enter your name.'));
		expect(name).toHaveFocus();
		expect(onstart).not.toHaveBeenCalled();
	});
});
