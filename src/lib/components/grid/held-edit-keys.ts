// Tab and Enter pressed while a cell editor is still opening wait for it.
//
// A key typed on a focused cell opens RevoGrid's editor for that cell, but the editor is drawn a
// render later. On a busy phone or a loaded machine (seen in WebKit under load) a fast typist's
// Tab arrived before the editor existed: RevoGrid took it as "move right", the typed text never
// reached the editor of its cell, and the next cell got it or nothing ("qual" + Tab left the
// stage empty and the row refused). So from a printable key on the grid until an editor takes
// the focus, Tab and Enter are held, and every key after a held one is held too, so the order is
// kept. They are played back (as the same keys, dispatched where the focus then is) when the
// editor has the focus, or, for keys after a Tab, when the next cell has it. Nothing is held
// longer than HOLD_MS: then everything goes out as it is, so the grid never swallows a key.

const HOLD_MS = 1000;
const POLL_MS = 20;

interface HeldKey {
	key: string;
	code: string;
	shiftKey: boolean;
}

const isPrintable = (e: KeyboardEvent) =>
	e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;

const closesEdit = (key: string) => key === 'Tab' || key === 'Enter';

/** Starts holding keys for the grid inside `host`; returns the function that stops it. */
export function holdEditKeys(host: HTMLElement, doc: Document = host.ownerDocument): () => void {
	/** When a printable key started an editor that has not taken the focus yet (0 = none). */
	let openingSince = 0;
	const held: HeldKey[] = [];
	let heldSince = 0;
	let replaying = false;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const active = () => doc.activeElement;
	const editorFocused = () => !!active()?.closest('revogr-edit');
	const onGrid = () => {
		const a = active();
		return !a || a === doc.body || host.contains(a);
	};
	const cellFocused = () => {
		const a = active();
		return !!a && a !== doc.body && host.contains(a) && !a.closest('revogr-edit');
	};

	/** Follows what a key does to the grid's editor: opens one (a letter or Enter on a cell). */
	function note(e: KeyboardEvent) {
		if (editorFocused()) openingSince = 0;
		else if (isPrintable(e) || e.key === 'Enter') {
			if (cellFocused()) openingSince ||= performance.now();
		} else if (e.key !== 'Tab') openingSince = 0;
	}

	/** A Tab or Enter went out: the next key waits until the grid has moved to a cell. */
	let afterClose = false;

	/** Whether the first held key may go out now. */
	function ready(next: HeldKey): boolean {
		if (afterClose) {
			if (!cellFocused()) return false;
			afterClose = false;
		}
		// Tab or Enter closing an opening edit: once its editor has the focus (and its letters).
		if (closesEdit(next.key) && openingSince > 0) return editorFocused();
		return true;
	}

	function release() {
		timer = undefined;
		const late = performance.now() - heldSince >= HOLD_MS;
		while (held.length > 0 && (late || ready(held[0]))) {
			const k = held.shift()!;
			const target = active() ?? doc.body;
			replaying = true;
			try {
				const e = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true });
				note(e);
				target.dispatchEvent(e);
			} finally {
				replaying = false;
			}
			if (closesEdit(k.key)) afterClose = true;
			// The grid answers a Tab a moment later (it moves the focus on a timer): the key after
			// it waits for that, unless everything is late already.
			if (!late && afterClose) break;
		}
		if (held.length > 0) timer = setTimeout(release, POLL_MS);
	}

	function onKeyDown(e: KeyboardEvent) {
		if (replaying) return;
		const holding =
			held.length > 0 ||
			(closesEdit(e.key) &&
				openingSince > 0 &&
				!editorFocused() &&
				onGrid() &&
				performance.now() - openingSince < HOLD_MS);
		if (!holding) {
			note(e);
			return;
		}
		e.preventDefault();
		e.stopImmediatePropagation();
		if (held.length === 0) heldSince = performance.now();
		held.push({ key: e.key, code: e.code, shiftKey: e.shiftKey });
		timer ??= setTimeout(release, POLL_MS);
	}

	doc.addEventListener('keydown', onKeyDown, true);
	return () => {
		doc.removeEventListener('keydown', onKeyDown, true);
		if (timer !== undefined) clearTimeout(timer);
	};
}
