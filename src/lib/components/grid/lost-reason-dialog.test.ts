// The one "why was it lost?" dialog: the board, the grid, the lead page (one move) and a paste
// (many leads) all ask through it, and get the reason, or null when the person cancels.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import LostReasonDialog from './lost-reason-dialog.svelte';
import '../jsdom-dialog';

describe('the lost-reason dialog', () => {
	it('asks about one move with its own title and button, and gives the chosen reason', async () => {
		const { component } = render(LostReasonDialog);
		const answer = component.ask({ title: 'Why was it lost?', confirmLabel: 'Move to Lost' });
		const reason = await screen.findByLabelText('Reason');
		expect(screen.getByText('Why was it lost?')).toBeInTheDocument();
		await userEvent.selectOptions(reason, 'Withdrawn by customer');
		await userEvent.click(screen.getByRole('button', { name: 'Move to Lost' }));
		expect(await answer).toBe('Withdrawn by customer');
		// Closed: its field is gone from the page.
		expect(screen.queryByLabelText('Reason')).toBeNull();
	});

	it('asks the paste question for a count, takes a typed "Other" reason', async () => {
		const { component } = render(LostReasonDialog);
		const answer = component.ask(3);
		await userEvent.selectOptions(await screen.findByLabelText('Reason'), 'Other');
		await userEvent.type(screen.getByRole('textbox', { name: 'Other' }), ' Moved abroad ');
		await userEvent.click(screen.getByRole('button', { name: 'Paste with this reason' }));
		expect(await answer).toBe('Moved abroad');
		expect(screen.getByText(/3 pasted leads move to a lost stage/)).toBeInTheDocument();
	});

	it('gives null when cancelled, and asks afresh the next time', async () => {
		const { component } = render(LostReasonDialog);
		const first = component.ask({ title: 'Why?', confirmLabel: 'Move' });
		await userEvent.selectOptions(await screen.findByLabelText('Reason'), 'No budget');
		await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(await first).toBeNull();
		const second = component.ask({ title: 'Why?', confirmLabel: 'Move' });
		// The previous choice is not carried over: the first reason again.
		expect(await screen.findByLabelText('Reason')).toHaveValue('Price');
		await userEvent.click(screen.getByRole('button', { name: 'Move' }));
		expect(await second).toBe('Price');
	});
});
