// The cell editor for typed columns (text, numbers, money): a plain text input, as RevoGrid's
// own, but one that never takes the focus back once it has saved (see editor-focus.ts).
import type { EditorBase, EditorCtrConstructible, HyperFunc, VNode } from '@revolist/revogrid';
import { EditorFocus } from './editor-focus';

export function textEditor(): EditorCtrConstructible {
	return class TextEditor implements EditorBase {
		element: Element | null = null;
		editCell: EditorBase['editCell'] = undefined;
		private input: HTMLInputElement | null = null;
		private readonly focus = new EditorFocus();
		private readonly save: (value: unknown, preventFocus?: boolean) => void;

		constructor(_column: unknown, save: (value: unknown, preventFocus?: boolean) => void) {
			this.save = save;
		}

		componentDidRender() {
			return this.focus.afterRender(() => this.input);
		}

		appendPendingInput(value: string): boolean {
			// A saved editor may still be the grid's current one while the next opens: the key is
			// the next editor's (the grid keeps it in the new edit's value), not this stale input's.
			if (!this.input || this.focus.closed) return false;
			this.input.value += value;
			this.input.focus();
			return true;
		}

		beforeDisconnect() {
			this.focus.close();
			this.input?.blur();
		}

		getValue() {
			return this.input?.value;
		}

		private onKeyDown(e: KeyboardEvent) {
			if ((e.key === 'Enter' || e.key === 'Tab') && !e.isComposing) {
				this.beforeDisconnect();
				this.save(this.getValue(), e.key === 'Tab');
			}
		}

		render(h: HyperFunc<VNode>): VNode {
			const val = this.editCell?.val;
			return h('input', {
				type: 'text',
				enterKeyHint: 'enter',
				value: val == null ? '' : String(val),
				ref: (el?: HTMLInputElement) => {
					this.input = el ?? null;
				},
				onKeyDown: (e: KeyboardEvent) => this.onKeyDown(e)
			});
		}
	};
}
