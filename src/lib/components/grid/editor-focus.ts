// When a cell editor takes the focus. RevoGrid calls an editor's componentDidRender after every
// render of it, and an editor that has just saved (Tab, Enter, a pick) can render once more
// before it is removed, when the saved row comes back from the data layer. Its focus, run a
// moment later, then took the page's focus back from the next cell: in WebKit the keys typed
// after Tab went into the previous cell's stale input (and were saved there). So an editor gives
// itself the focus only while it is open and on the page.
export class EditorFocus {
	#closed = false;

	/** After a render: focuses the editor's input a moment later, if it is still open. */
	async afterRender(input: () => HTMLElement | null): Promise<void> {
		if (this.#closed) return;
		await new Promise((r) => setTimeout(r));
		const el = input();
		if (!this.#closed && el?.isConnected) el.focus();
	}

	/** The editor has saved or is going away: it never takes the focus again. */
	close(): void {
		this.#closed = true;
	}

	get closed(): boolean {
		return this.#closed;
	}
}
