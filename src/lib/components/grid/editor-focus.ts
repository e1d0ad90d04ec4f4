// When a cell editor takes the focus, and the keys typed before it has it.
//
// RevoGrid calls an editor's componentDidRender after every render of it, and an editor that
// has just saved (Tab, Enter, a pick) can render once more before it is removed, when the saved
// row comes back from the data layer. Its focus, run a moment later, then took the page's focus
// back from the next cell: in WebKit the keys typed after Tab went into the previous cell's
// stale input (and were saved there). So an editor gives itself the focus only while it is open
// and on the page.
//
// Between the key that opens an editor and the editor's input taking the focus, the page's focus
// is on nothing (the cell has let go, the input is not drawn yet): a fast typist's next keys
// went nowhere ("Tastatur" became "Ttatur" in WebKit). The editor keeps those keys and adds them
// to its input when it takes the focus. It keeps them only while it opens (at most KEEP_MS), so
// an editor that never opens (cancelled at once) does not swallow the page's keys.
const KEEP_MS = 1000;

export class EditorFocus {
	#closed = false;
	#focused = false;
	#pending = '';
	#capture = (e: KeyboardEvent) => this.#keep(e);

	constructor(doc: Document | undefined = typeof document === 'undefined' ? undefined : document) {
		doc?.addEventListener('keydown', this.#capture, true);
		this.#doc = doc;
		if (doc) setTimeout(() => this.#stopKeeping(), KEEP_MS);
	}

	#doc: Document | undefined;

	/** A printable key while nothing has the focus belongs to this opening editor. */
	#keep(e: KeyboardEvent) {
		if (this.#closed || this.#focused) return this.#stopKeeping();
		const active = this.#doc?.activeElement;
		if (active && active !== this.#doc?.body) return;
		if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
		e.preventDefault();
		this.#pending += e.key;
	}

	#stopKeeping() {
		this.#doc?.removeEventListener('keydown', this.#capture, true);
	}

	/** After a render: focuses the editor's input a moment later, if it is still open. */
	async afterRender(input: () => HTMLElement | null): Promise<void> {
		if (this.#closed) return;
		await new Promise((r) => setTimeout(r));
		const el = input();
		if (this.#closed || !el?.isConnected) return;
		el.focus();
		if (this.#focused) return;
		this.#focused = true;
		this.#stopKeeping();
		if (this.#pending && el instanceof HTMLInputElement) {
			el.value += this.#pending;
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}
		this.#pending = '';
	}

	/** The editor has saved or is going away: it never takes the focus again. */
	close(): void {
		this.#closed = true;
		this.#stopKeeping();
	}

	get closed(): boolean {
		return this.#closed;
	}
}
