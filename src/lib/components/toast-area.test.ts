import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ToastState } from '$lib/state/toasts.svelte';
import ToastArea from './toast-area.svelte';

describe('toast area', () => {
	it('announces messages politely and offers their action', async () => {
		const toasts = new ToastState(0);
		const undo = vi.fn();
		render(ToastArea, { toasts });
		toasts.show('Lead deleted', { action: { label: 'Undo', run: undo } });
		const area = screen.getByRole('status');
		expect(await screen.findByText('Lead deleted')).toBeInTheDocument();
		expect(area).toHaveTextContent('Lead deleted');
		await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
		expect(undo).toHaveBeenCalledTimes(1);
		expect(area).not.toHaveTextContent('Lead deleted');
	});

	it('can be dismissed', async () => {
		const toasts = new ToastState(0);
		render(ToastArea, { toasts });
		toasts.show('Settings saved');
		await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByText('Settings saved')).not.toBeInTheDocument();
	});
});
