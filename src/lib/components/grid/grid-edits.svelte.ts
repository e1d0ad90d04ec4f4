// Typing in the grid: a cell of a stored row is written at once as one command; the new row at
// the bottom collects its cells and is saved once it has every required one; a range edit
// (Delete on a selection, the fill handle) is written in one step. A refused cell keeps what was
// typed, marked, with the reason above the grid; nothing of it is written.
import type { BeforeRangeSaveDataDetails, BeforeSaveDataDetails } from '@revolist/revogrid';
import * as commands from '$lib/db/commands';
import type { GridRecord } from '$lib/state/grid.svelte';
import {
	cellCommand,
	convertEdit,
	isUnchanged,
	missingRequired,
	planRangeEdit
} from './grid-cells';
import { cellKey, DRAFT_ID, type GridRow } from './grid-rows';
import type { GridState } from './grid-state.svelte';

export class GridEdits {
	readonly #grid: GridState;
	// Values typed into the new row, until it is saved. Not reactive: the grid shows them itself,
	// and replacing the pinned row would cancel the edit in progress.
	#draft: Record<string, unknown> = {};

	constructor(grid: GridState) {
		this.#grid = grid;
	}

	/** An edit of one cell, before RevoGrid stores it: converted, checked and written. */
	onBeforeEdit = (e: CustomEvent<BeforeSaveDataDetails>) => {
		const g = this.#grid;
		const d = e.detail;
		const row = d.model as GridRow;
		const field = String(d.prop);
		const col = g.byField.get(field);
		if (!col) return;
		const text = d.val == null ? '' : String(d.val);
		const isDraft = row.__id === DRAFT_ID;
		const conv = convertEdit(col, text, isDraft, g.ctx, g.msgs);
		if (!conv.ok) {
			// Keep what was typed in the cell, marked, with the reason; nothing is saved.
			// The row as the person sees it (sorted or filtered as it is now).
			const at = isDraft ? g.rows.length + 1 : d.rowIndex + 1;
			g.problems = [g.cellError(at, col.label, conv.message)];
			g.setInvalid(row.__id, field, { text, message: conv.message });
			return;
		}
		g.setInvalid(row.__id, field);
		g.problems = [];
		if (isDraft) {
			const next = { ...this.#draft, [field]: conv.value };
			this.#draft = next;
			d.val = g.makeRow(next)[field];
			// Tab moves on along the new row; Enter (or leaving the cell otherwise) saves it.
			if (g.lastKey !== 'Tab') void this.#commitDraft(next);
			return;
		}
		if (isUnchanged(row.__rec[field], conv.value)) {
			e.preventDefault();
			return;
		}
		// Show the value as it will be stored at once; the live query brings the record.
		d.val = g.makeRow({ ...row.__rec, [field]: conv.value })[field];
		const undoShown = () => {
			if (row.__o) delete row.__o[field];
			g.element?.refresh('rgRow');
		};
		this.#commitCell(row.__rec as GridRecord, field, conv.value).then(
			(done) => {
				// A cancelled stage move (no lost reason given): the cell shows the stage again.
				if (done === false) undoShown();
			},
			(err) => {
				undoShown();
				g.reportError(err);
			}
		);
	};

	/** A range edit: converted and written in one step, or not at all. */
	onBeforeRangeEdit = (e: CustomEvent<BeforeRangeSaveDataDetails>) => {
		const g = this.#grid;
		e.preventDefault();
		if (e.detail.type !== 'rgRow') return;
		const plan = planRangeEdit(
			g.props.list,
			e.detail.data as Record<number, Record<string, unknown>>,
			e.detail.models,
			g.byField,
			g.ctx,
			g.msgs,
			(row) => g.rowNumber(row)
		);
		if (plan.problems.length) {
			g.problems = plan.problems.slice(0, 20).map((p) => g.cellError(p.row, p.column, p.message));
			return;
		}
		if (plan.rows.length)
			g.app.run(commands.upsertMany(g.props.list, plan.rows)).catch((err) => g.reportError(err));
	};

	/** "Add row": the focus goes to the new row's first editable cell. */
	addRow = async () => {
		const el = this.#grid.element;
		if (!el) return;
		const first = this.#grid.props.columns.findIndex((c) => !c.readonly);
		this.#grid.addingRow = el.setCellsFocus(
			{ x: first, y: 0 },
			{ x: first, y: 0 },
			'rgCol',
			'rowPinEnd'
		);
		await this.#grid.addingRow;
	};

	/** One cell of a stored row: one command. False: the person cancelled it (a stage move). */
	async #commitCell(rec: GridRecord, field: string, value: unknown): Promise<boolean | void> {
		const { list, onstagechange } = this.#grid.props;
		if (list === 'leads' && field === 'stageId' && onstagechange) {
			return onstagechange(rec, String(value === undefined ? '' : value));
		}
		await this.#grid.app.run(cellCommand(list, rec, field, value));
	}

	/** The new row is saved once it has every required cell without a default. */
	async #commitDraft(next: Record<string, unknown>) {
		const g = this.#grid;
		const { columns, list, newRowDefaults } = g.props;
		if (missingRequired(columns, next)) return;
		// A cell of the new row that was refused keeps the row from being saved without it.
		const refused = columns.filter((c) => g.invalid.has(cellKey(DRAFT_ID, c.field)));
		if (refused.length) {
			g.problems = refused.map((c) =>
				g.cellError(
					g.rows.length + 1,
					c.label,
					g.invalid.get(cellKey(DRAFT_ID, c.field))?.message ?? ''
				)
			);
			return;
		}
		const input = { ...newRowDefaults, ...next };
		try {
			await g.app.run(commands.upsertMany(list, [input]));
			this.#draft = {};
			g.draftRow.__o = {};
			for (const c of columns) g.setInvalid(DRAFT_ID, c.field);
			await g.element?.refresh('rowPinEnd');
			g.status = '';
		} catch (err) {
			g.reportError(err);
		}
	}
}
