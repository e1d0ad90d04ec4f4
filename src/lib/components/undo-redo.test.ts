import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import UndoRedo from './undo-redo.svelte';

describe('undo and redo buttons', () => {
	it('are disabled with nothing to undo or redo', () => {
		render(UndoRedo, { canUndo: false, canRedo: false, onundo: vi.fn(), onredo: vi.fn() });
		expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Redo' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Undo' })).toHaveAttribute(
			'title',
			'Nothing to undo'
		);
	});

	it('name what would be undone and call back when pressed', async () => {
		const onundo = vi.fn();
		const onredo = vi.fn();
		render(UndoRedo, {
			canUndo: true,
			canRedo: false,
			undoLabel: 'Rename lead',
			onundo,
			onredo
		});
		const undo = screen.getByRole('button', { name: 'Undo' });
		expect(undo).toBeEnabled();
		expect(undo).toHaveAttribute('title', 'Undo: Rename lead');
		await userEvent.click(undo);
		expect(onundo).toHaveBeenCalledTimes(1);
		await userEvent.click(screen.getByRole('button', { name: 'Redo' }));
		expect(onredo).not.toHaveBeenCalled();
	});

	it('follow the history as it changes', async () => {
		const { rerender } = render(UndoRedo, {
			canUndo: true,
			canRedo: false,
			onundo: vi.fn(),
			onredo: vi.fn()
		});
		await rerender({ canUndo: false, canRedo: true, redoLabel: 'Move lead' });
		expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Redo' })).toHaveAttribute(
			'title',
			'Redo: Move lead'
		);
	});
});
