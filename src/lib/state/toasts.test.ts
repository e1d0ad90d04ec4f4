import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastState } from './toasts.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('toasts', () => {
	it('disappear after their time unless held', () => {
		const toasts = new ToastState(1000);
		const a = toasts.show('Saved');
		const b = toasts.show('Lead deleted');
		toasts.hold(b);
		vi.advanceTimersByTime(1500);
		expect(toasts.items.map((t) => t.id)).toEqual([b]);
		toasts.release(b);
		vi.advanceTimersByTime(1500);
		expect(toasts.items).toEqual([]);
		expect(a).not.toBe(b);
	});

	it('run their action once and go away', async () => {
		const toasts = new ToastState(1000);
		const run = vi.fn();
		const id = toasts.show('Lead deleted', { action: { label: 'Undo', run } });
		await toasts.runAction(id);
		await toasts.runAction(id);
		expect(run).toHaveBeenCalledTimes(1);
		expect(toasts.items).toEqual([]);
	});

	it('keep only the newest three', () => {
		const toasts = new ToastState(0);
		for (const text of ['1', '2', '3', '4']) toasts.show(text);
		expect(toasts.items.map((t) => t.message)).toEqual(['2', '3', '4']);
	});

	it('say "storage full" and what to do for a quota error, in any of its shapes', () => {
		const toasts = new ToastState(1000);
		toasts.error(new DOMException('', 'QuotaExceededError'));
		toasts.error('QuotaExceededError');
		toasts.error(new DOMException('Transaction aborted: quota exceeded', 'AbortError'));
		for (const t of toasts.items) {
			expect(t.message).toMatch(/^Storage full: nothing was saved\. Free up space/);
			expect(t.tone).toBe('error');
		}
		expect(toasts.items).toHaveLength(3);
	});

	it('keep any other error in its own words', () => {
		const toasts = new ToastState(1000);
		toasts.error('A lead needs a name');
		toasts.error(new Error('No such stage'));
		expect(toasts.items.map((t) => t.message)).toEqual(['A lead needs a name', 'No such stage']);
	});
});
