// The grid's clipboard and keyboard: a paste is planned whole (entry/paste-plan.ts) and written
// as one command, so it is one undo step; Home/End and Ctrl+Delete (grid-keyboard.ts); deleting
// the selected rows (grid-selection.ts), also from the button beside the grid.
import * as commands from '$lib/db/commands';
import { parsePasteBlock } from '$lib/entry/paste';
import { rowsBecomingLost } from '$lib/entry/paste-lost';
import { planPaste } from '$lib/entry/paste-plan';
import { m } from '$lib/paraglide/messages.js';
import { edgeCell, keyAction } from './grid-keyboard';
import { currentStages, pasteTarget, withLeadHints } from './grid-paste';
import type { GridRow } from './grid-rows';
import { idsInRows, selectedRows, type RowSpan } from './grid-selection';
import type { GridState } from './grid-state.svelte';

export class GridActions {
	readonly #grid: GridState;
	#lastRows: RowSpan | null = null;

	constructor(grid: GridState) {
		this.#grid = grid;
	}

	#inside(target: EventTarget | null | undefined): boolean {
		const host = this.#grid.host;
		return !!host && target instanceof Node && host.contains(target);
	}

	/** RevoGrid listens on the whole document: a paste into the search box is not for it. */
	onBeforePaste = (e: CustomEvent<{ event: ClipboardEvent }>) => {
		const target = e.detail.event?.target ?? document.activeElement;
		if (!this.#inside(target) && !this.#inside(document.activeElement)) e.preventDefault();
	};

	/** RevoGrid's own paste is replaced by ours (checked whole, one command). */
	onBeforePasteApply = async (e: CustomEvent<{ raw: string }>) => {
		e.preventDefault();
		await this.paste(e.detail.raw);
	};

	/**
	 * "Add row" focuses the new row in the grid at once, but the page focus and the grid's
	 * clipboard listener follow a frame later: a paste right after the click reaches the button
	 * (RevoGrid ignores it: onBeforePaste), and is meant for the new row.
	 */
	onAddRowPaste = (e: ClipboardEvent) => {
		const raw = e.clipboardData?.getData('text/plain') ?? '';
		if (!raw || !this.#grid.addingRow) return;
		e.preventDefault();
		void this.paste(raw);
	};

	/** Pastes a copied block at the focused cell (or over the selection). */
	async paste(raw: string) {
		const g = this.#grid;
		const el = g.element;
		if (!el) return;
		const block = parsePasteBlock(raw);
		if (!block.length) return;
		// A paste right after "Add row" goes to the new row once the grid has focused it.
		await g.addingRow;
		const focused = await el.getFocused();
		const range = await el.getSelectedRange();
		if (!focused) return;
		const visible = (await el.getVisibleSource('rgRow')) as GridRow[];
		const rowIds = visible.map((r) => r.__id);
		const { columns, list, newRowDefaults, onlostpaste, stageKinds } = g.props;
		const target = {
			columns,
			rowIds,
			newRowDefaults,
			...pasteTarget(focused, range, rowIds.length)
		};
		const plan = planPaste(block, target, g.ctx, g.msgs);
		if (!plan.ok) {
			g.problems = [
				m.entry_paste_failed({ count: String(plan.problems.length) }),
				...plan.problems.map((p) => m.entry_paste_problem({ ...p, row: String(p.row) }))
			];
			return;
		}
		g.problems = [];
		if (list === 'leads' && onlostpaste && stageKinds) {
			// Rows that the paste moves into a lost stage without a reason of their own: one
			// question for all of them, as a single-cell move asks for one.
			const lost = rowsBecomingLost(plan.rows, currentStages(plan.rows, visible), stageKinds);
			if (lost.length) {
				const reason = await onlostpaste(lost.length);
				if (reason === null) {
					g.status = m.entry_paste_cancelled();
					return;
				}
				for (const r of lost) r.lostReason = reason;
			}
		}
		try {
			await g.app.run(commands.upsertMany(list, withLeadHints(list, plan.rows, visible)));
			g.status = m.entry_paste_done({
				updated: String(plan.updated),
				created: String(plan.created)
			});
		} catch (err) {
			g.reportError(err);
		}
	}

	/** Keeps the selected rows as last seen in the grid (see grid-selection.ts). */
	rememberSelection = async () => {
		const el = this.#grid.element;
		if (!el) return;
		const range = await el.getSelectedRange();
		const focused = await el.getFocused();
		this.#lastRows = selectedRows(range, focused, this.#lastRows);
	};

	/** Deletes the selected rows in one command, with an undo in the toast. */
	/** The ids of the stored rows in the selection (or the focused cell's row). */
	selectedIds = async (): Promise<string[]> => {
		const el = this.#grid.element;
		if (!el) return [];
		await this.rememberSelection();
		const visible = (await el.getVisibleSource('rgRow')) as GridRow[];
		return idsInRows(visible, this.#lastRows);
	};

	deleteSelected = async () => {
		const g = this.#grid;
		const ids = await this.selectedIds();
		if (!ids.length) return;
		try {
			const n = await g.app.run(commands.deleteRecords(g.props.list, ids));
			g.app.toasts.show(m.entry_deleted_rows({ count: String(n) }), {
				action: { label: m.undo(), run: () => g.app.undo() }
			});
		} catch (err) {
			g.reportError(err);
		}
	};

	onKeyDownCapture = (e: KeyboardEvent) => {
		this.#grid.lastKey = e.key;
	};

	onKeyDown = (e: KeyboardEvent) => {
		const action = keyAction(e);
		if (!action) return;
		e.preventDefault();
		void (action === 'edge' ? this.#moveToEdge(e) : this.deleteSelected());
	};

	/** Home / End: first or last column of the row; with Ctrl, the first or last cell. */
	async #moveToEdge(e: KeyboardEvent) {
		const el = this.#grid.element;
		if (!el) return;
		const focused = await el.getFocused();
		if (!focused) return;
		const ctrl = e.ctrlKey || e.metaKey;
		const count = ctrl ? ((await el.getVisibleSource('rgRow')) as GridRow[]).length : 0;
		const { x, y, rowType } = edgeCell(e, focused, this.#grid.props.columns.length, count);
		if (ctrl) await el.scrollToRow(y);
		await el.scrollToColumnIndex(x);
		await el.setCellsFocus({ x, y }, { x, y }, 'rgCol', rowType);
	}
}
