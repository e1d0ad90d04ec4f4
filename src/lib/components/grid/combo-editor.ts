// A cell editor for drop-down columns (stage, rep, campaign, origin, type, response, lead):
// a text input with a <datalist> of the matching choices, so typing narrows the list
// (type-ahead) and the typed text itself is accepted when it names one choice (see
// matchOption). RevoGrid's own select plugin would bring a second copy of the Stencil runtime.
import type { EditorBase, EditorCtrConstructible, HyperFunc, VNode } from '@revolist/revogrid';
import { EditorFocus } from './editor-focus';
import type { Option } from '$lib/entry/cells';

const MAX_SHOWN = 60;

function fold(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

let counter = 0;

/** Builds an editor class over the options a column offers (read when the editor opens). */
export function comboEditor(options: () => readonly Option[]): EditorCtrConstructible {
	return class ComboEditor implements EditorBase {
		element: Element | null = null;
		editCell: EditorBase['editCell'] = undefined;
		private input: HTMLInputElement | null = null;
		private readonly focus = new EditorFocus();
		private list: HTMLDataListElement | null = null;
		private readonly listId = `grid-combo-${++counter}`;
		private readonly save: (value: unknown, preventFocus?: boolean) => void;

		constructor(_column: unknown, save: (value: unknown, preventFocus?: boolean) => void) {
			this.save = save;
		}

		private fill(text: string) {
			if (!this.list) return;
			const t = fold(text.trim());
			const all = options();
			const shown: Option[] = [];
			for (const o of all) {
				if (t === '' || fold(o.label).includes(t)) shown.push(o);
				if (shown.length >= MAX_SHOWN) break;
			}
			this.list.replaceChildren(
				...shown.map((o) => {
					const el = document.createElement('option');
					el.value = o.label;
					return el;
				})
			);
		}

		componentDidRender() {
			return this.focus.afterRender(() => this.input);
		}

		appendPendingInput(value: string): boolean {
			// A saved editor may still be the grid's current one while the next opens: the key is
			// the next editor's (the grid keeps it in the new edit's value), not this stale input's.
			if (!this.input || this.focus.closed) return false;
			this.input.value += value;
			this.fill(this.input.value);
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

		render(h: HyperFunc<VNode>): VNode[] {
			const val = this.editCell?.val;
			return [
				h('input', {
					type: 'text',
					value: val == null ? '' : String(val),
					list: this.listId,
					autocomplete: 'off',
					enterKeyHint: 'enter',
					ref: (el?: HTMLInputElement) => {
						this.input = el ?? null;
						if (el) this.fill('');
					},
					onInput: (e: Event) => this.fill((e.target as HTMLInputElement).value),
					onKeyDown: (e: KeyboardEvent) => this.onKeyDown(e)
				}),
				h('datalist', {
					id: this.listId,
					ref: (el?: HTMLDataListElement) => {
						this.list = el ?? null;
						if (el && this.input) this.fill('');
					}
				})
			];
		}
	};
}
