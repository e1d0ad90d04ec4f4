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
		const editor = new Editor({} as never, (v: unknown) => saved.push(v)) as unknown as {
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
