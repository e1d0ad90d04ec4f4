// The grid's cell editors take the focus when they open, and never again once they have saved:
// WebKit rendered a saved editor once more after Tab, and its late focus sent the keys meant for
// the next cell into the old one.
import type { EditorCtrConstructible } from '@revolist/revogrid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comboEditor } from './combo-editor';
import { dateEditor } from './date-editor';
import { textEditor } from './text-editor';

type Props = Record<string, unknown> & { ref?: (el?: Element) => void };
interface Node {
	tag: string;
	props: Props;
	children: Node[];
}

/** Renders an editor's virtual nodes into real elements (what Stencil does for RevoGrid). */
function mount(nodes: Node | Node[], parent: HTMLElement) {
	for (const n of Array.isArray(nodes) ? nodes : [nodes]) {
		const el = document.createElement(n.tag);
		for (const [k, v] of Object.entries(n.props ?? {})) {
			if (k === 'ref' || typeof v === 'function') continue;
			if (k === 'value') (el as HTMLInputElement).value = String(v);
			else el.setAttribute(k, String(v));
		}
		const keydown = n.props?.onKeyDown as ((e: KeyboardEvent) => void) | undefined;
		if (keydown) el.addEventListener('keydown', keydown);
		parent.append(el);
		mount(n.children ?? [], el);
		n.props?.ref?.(el);
	}
}

const h = (tag: string, props: Props, children?: Node[]): Node => ({
	tag,
	props,
	children: children ?? []
});

const EDITORS: [string, EditorCtrConstructible][] = [
	['text', textEditor()],
	['combo', comboEditor(() => [{ value: 'q', label: 'Qualified' }])],
	['date', dateEditor({ kind: 'date', stored: () => '', timeZone: () => 'UTC', label: 'Pick' })]
];

afterEach(() => document.body.replaceChildren());

describe.each(EDITORS)('the %s editor', (_name, Editor) => {
	async function open() {
		const saved: unknown[] = [];
		const editor = new Editor(
			{} as never,
			(v: unknown) => saved.push(v),
			() => {}
		) as unknown as {
			editCell: unknown;
			render(h: unknown): Node | Node[];
			componentDidRender(): Promise<void>;
		};
		editor.editCell = { val: 'Kirsten', model: {} };
		const host = document.createElement('div');
		document.body.append(host);
		mount(editor.render(h), host);
		await editor.componentDidRender();
		const input = host.querySelector('input')!;
		return { editor, input, saved };
	}

	it('takes the focus when it opens', async () => {
		const { input } = await open();
		expect(document.activeElement).toBe(input);
	});

	it('after Tab saves it, a render does not take the focus back from the next cell', async () => {
		const { editor, input, saved } = await open();
		input.value = 'Kirsten Holm';
		input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
		expect(saved).toEqual(['Kirsten Holm']);
		// The grid moves on: the next cell has the focus when the saved editor renders again.
		const next = document.createElement('div');
		next.tabIndex = 0;
		document.body.append(next);
		next.focus();
		await editor.componentDidRender();
		expect(document.activeElement).toBe(next);
	});

	it('after a save, a key for the next cell is not added to this stale input', async () => {
		const { editor, input } = await open();
		input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
		// The grid offers the next cell's pending key to the editor it still holds: refused, so the
		// grid keeps the key in the new edit's value instead.
		const stale = editor as unknown as { appendPendingInput(v: string): boolean };
		expect(stale.appendPendingInput('a')).toBe(false);
		expect(input.value).toBe('Kirsten');
	});

	it('a render that happens while the focus is still being given does not focus after a save', async () => {
		vi.useFakeTimers();
		try {
			const { editor, input } = await (async () => {
				vi.useRealTimers();
				const o = await open();
				vi.useFakeTimers();
				return o;
			})();
			const pending = editor.componentDidRender();
			input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
			input.blur();
			await vi.runAllTimersAsync();
			await pending;
			expect(document.activeElement).not.toBe(input);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('keys typed while an editor opens', () => {
	it('are added to its input once it has the focus, in order, after the opening key', async () => {
		const Editor = textEditor();
		const editor = new Editor(
			{} as never,
			() => {},
			() => {}
		) as unknown as {
			editCell: unknown;
			render(h: unknown): Node;
			componentDidRender(): Promise<void>;
		};
		// The opening key is the editor's value; the next two reach the page, not the input.
		editor.editCell = { val: 'T', model: {} };
		(document.activeElement as HTMLElement | null)?.blur();
		for (const key of ['a', 's']) {
			const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
			document.body.dispatchEvent(e);
			expect(e.defaultPrevented).toBe(true);
		}
		const host = document.createElement('div');
		document.body.append(host);
		mount(editor.render(h), host);
		await editor.componentDidRender();
		const input = host.querySelector('input')!;
		expect(document.activeElement).toBe(input);
		expect(input.value).toBe('Tas');
		// From now on keys go to the input itself: nothing more is kept.
		const later = new KeyboardEvent('keydown', { key: 't', bubbles: true, cancelable: true });
		document.body.dispatchEvent(later);
		expect(later.defaultPrevented).toBe(false);
	});

	it('are left alone when another field has the focus, or with a modifier', async () => {
		const Editor = textEditor();
		new Editor(
			{} as never,
			() => {},
			() => {}
		);
		const search = document.createElement('input');
		document.body.append(search);
		search.focus();
		const typed = new KeyboardEvent('keydown', { key: 'x', bubbles: true, cancelable: true });
		search.dispatchEvent(typed);
		expect(typed.defaultPrevented).toBe(false);
		search.blur();
		const shortcut = new KeyboardEvent('keydown', {
			key: 'z',
			ctrlKey: true,
			bubbles: true,
			cancelable: true
		});
		document.body.dispatchEvent(shortcut);
		expect(shortcut.defaultPrevented).toBe(false);
	});
});
