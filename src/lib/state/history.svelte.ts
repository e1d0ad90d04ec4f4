// Undo/redo availability as runes, mirrored from the data layer's CommandHistory through its
// subscribe(), so the header buttons and their titles follow every command, undo and redo.

export interface HistoryLike {
	readonly canUndo: boolean;
	readonly canRedo: boolean;
	readonly undoLabel?: string | null;
	readonly redoLabel?: string | null;
	subscribe(fn: () => void): () => void;
}

export class HistoryState {
	canUndo = $state(false);
	canRedo = $state(false);
	undoLabel = $state<string | null>(null);
	redoLabel = $state<string | null>(null);
	#unsubscribe: (() => void) | undefined;

	/** Mirror `history` from now on (replaces a previous one). */
	follow(history: HistoryLike): void {
		this.#unsubscribe?.();
		const sync = () => {
			this.canUndo = history.canUndo;
			this.canRedo = history.canRedo;
			this.undoLabel = history.undoLabel ?? null;
			this.redoLabel = history.redoLabel ?? null;
		};
		sync();
		const off = history.subscribe(sync);
		this.#unsubscribe = typeof off === 'function' ? off : undefined;
	}

	stop(): void {
		this.#unsubscribe?.();
		this.#unsubscribe = undefined;
	}
}
