// A cell editor for date and instant columns: the text field takes the date typed in the
// locale's format (3.11.2026, 11/3/2026 14:30; converted by entry/cells.ts like any typed
// value), and beside it the browser's own date or date-and-time picker. Picking saves the ISO
// value (2026-11-03, or 2026-11-03T14:30 as wall time in the workspace zone), which the same
// conversion reads.
import type { EditorBase, EditorCtrConstructible, HyperFunc, VNode } from '@revolist/revogrid';
import { EditorFocus } from './editor-focus';
import { parseInstant, wallTimeAt } from '$lib/domain/time';

export interface DateEditorOptions {
	kind: 'date' | 'instant';
	/** The stored value of the cell being edited (ISO), for the picker's start. */
	stored: (model: unknown) => unknown;
	timeZone: () => string;
	/** Accessible name of the picker. */
	label: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The picker's value for a stored ISO value: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` local. */
export function pickerValue(kind: 'date' | 'instant', value: unknown, timeZone: string): string {
	if (typeof value !== 'string' || value === '') return '';
	const ms = parseInstant(value, timeZone);
	if (Number.isNaN(ms)) return '';
	if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	const w = wallTimeAt(ms, timeZone);
	const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
	return kind === 'date' ? day : `${day}T${pad(w.hour)}:${pad(w.minute)}`;
}

export function dateEditor(opts: DateEditorOptions): EditorCtrConstructible {
	return class DateEditor implements EditorBase {
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

		private onPick(e: Event) {
			const value = (e.target as HTMLInputElement).value;
			// Cleared in the picker: keep editing the text instead of emptying the cell.
			if (!value) return;
			this.focus.close();
			this.save(value);
		}

		render(h: HyperFunc<VNode>): VNode[] {
			const val = this.editCell?.val;
			const stored = opts.stored(this.editCell?.model);
			return [
				h('div', { class: 'date-editor' }, [
					h('input', {
						type: 'text',
						class: 'date-editor-text',
						value: val == null ? '' : String(val),
						autocomplete: 'off',
						enterKeyHint: 'enter',
						ref: (el?: HTMLInputElement) => {
							this.input = el ?? null;
						},
						onKeyDown: (e: KeyboardEvent) => this.onKeyDown(e)
					}),
					h('input', {
						type: opts.kind === 'date' ? 'date' : 'datetime-local',
						class: 'date-editor-picker',
						'aria-label': opts.label,
						title: opts.label,
						tabIndex: -1,
						value: pickerValue(opts.kind, stored, opts.timeZone()),
						onChange: (e: Event) => this.onPick(e)
					})
				])
			];
		}
	};
}
