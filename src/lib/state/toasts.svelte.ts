// Short messages shown in the toast area ("Lead deleted — Undo"). A toast may carry one action;
// it disappears after a while unless the pointer or focus is on it (handled by the component).
import { errorText, storageProblem } from '$lib/db/storage-errors';

export interface ToastAction {
	label: string;
	run: () => unknown;
}

export interface Toast {
	id: number;
	message: string;
	action?: ToastAction;
	tone: 'info' | 'error';
}

export class ToastState {
	items = $state<Toast[]>([]);
	#next = 1;
	// Timer handles are bookkeeping, not state anything renders.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#timers = new Map<number, ReturnType<typeof setTimeout>>();
	readonly durationMs: number;

	constructor(durationMs = 6000) {
		this.durationMs = durationMs;
	}

	show(message: string, options: { action?: ToastAction; tone?: Toast['tone'] } = {}): number {
		const id = this.#next++;
		// Keep the area short on phones: the newest three are enough.
		this.items = [
			...this.items,
			{ id, message, action: options.action, tone: options.tone ?? 'info' }
		].slice(-3);
		this.#schedule(id);
		return id;
	}

	/** An error toast. Given an error (or its text), a full disk or a closed database gets words
	 * that say what to do instead of the browser's bare "QuotaExceededError". */
	error(problem: unknown): number {
		const text =
			typeof problem === 'string'
				? storageProblem({ message: problem })
					? errorText({ message: problem })
					: problem
				: errorText(problem);
		return this.show(text, { tone: 'error' });
	}

	dismiss(id: number): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		this.items = this.items.filter((t) => t.id !== id);
	}

	/** Keep a toast while someone is reading or reaching for it. */
	hold(id: number): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
	}

	release(id: number): void {
		if (this.items.some((t) => t.id === id)) this.#schedule(id);
	}

	async runAction(id: number): Promise<void> {
		const toast = this.items.find((t) => t.id === id);
		this.dismiss(id);
		await toast?.action?.run();
	}

	#schedule(id: number): void {
		if (this.durationMs <= 0) return;
		clearTimeout(this.#timers.get(id));
		this.#timers.set(
			id,
			setTimeout(() => this.dismiss(id), this.durationMs)
		);
	}
}
