// Turning a pasted block into one set of writes: every cell is converted and checked first,
// and a single bad cell (reported by grid row and column) means nothing of the paste is
// written. The result feeds the data layer's upsertMany, so the paste is one undo step.
import {
	convertCell,
	type CellContext,
	type CellMessages,
	type ColumnDef,
	ENGLISH_MESSAGES
} from './cells';

export interface PasteProblem {
	/** 1-based row of the grid (rows past the end count on from the last row). */
	row: number;
	/** The column's header text. */
	column: string;
	/** What was pasted into it. */
	text: string;
	message: string;
}

export type PastePlan =
	| { ok: true; rows: Record<string, unknown>[]; updated: number; created: number }
	| { ok: false; problems: PasteProblem[] };

export interface PasteTarget {
	/** Visible columns, in grid order. */
	columns: readonly ColumnDef[];
	/** Ids of the rows shown, in grid order. */
	rowIds: readonly string[];
	/** Top-left cell of the paste (0-based row and column index). */
	start: { row: number; col: number };
	/** The selected range, when larger than one cell: a 1x1 block fills all of it. */
	selection?: { rows: number; cols: number };
	/** Fields every new row gets (e.g. the lead of a stage-moves grid filtered to one lead). */
	newRowDefaults?: Record<string, unknown>;
}

/**
 * Plans a paste of `block` at `target`: rows inside the grid become patches (with the row's id),
 * rows past the end become new records. Read-only columns in the pasted area are left as they
 * are; columns past the last are an error. Completely empty pasted rows past the end are skipped.
 */
export function planPaste(
	block: readonly (readonly string[])[],
	target: PasteTarget,
	ctx: CellContext,
	msg: CellMessages = ENGLISH_MESSAGES,
	maxProblems = 20
): PastePlan {
	let cells = block;
	const sel = target.selection;
	if (block.length === 1 && block[0].length === 1 && sel && (sel.rows > 1 || sel.cols > 1)) {
		cells = Array.from({ length: sel.rows }, () => Array<string>(sel.cols).fill(block[0][0]));
	}
	const problems: PasteProblem[] = [];
	const rows: Record<string, unknown>[] = [];
	let updated = 0;
	let created = 0;
	const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
	if (target.start.col + width > target.columns.length) {
		problems.push({
			row: target.start.row + 1,
			column: '',
			text: '',
			message: `the block is ${width} columns wide; only ${target.columns.length - target.start.col} fit`
		});
		return { ok: false, problems };
	}
	for (let r = 0; r < cells.length; r++) {
		const gridRow = target.start.row + r;
		const existingId = target.rowIds[gridRow];
		if (!existingId && cells[r].every((c) => c.trim() === '')) continue;
		const out: Record<string, unknown> = existingId
			? { id: existingId }
			: { ...target.newRowDefaults };
		for (let c = 0; c < cells[r].length; c++) {
			const col = target.columns[target.start.col + c];
			if (col.readonly) continue;
			const text = cells[r][c];
			// A new row left empty where the data layer has a default gets that default.
			if (!existingId && col.hasDefault && text.trim() === '') continue;
			const conv = convertCell(col, text, ctx, msg);
			if (!conv.ok) {
				if (problems.length < maxProblems)
					problems.push({ row: gridRow + 1, column: col.label, text, message: conv.message });
				else break;
				continue;
			}
			// An empty optional cell clears the field: '' is what the data layer drops.
			out[col.field] = conv.value === undefined ? '' : conv.value;
		}
		if (!existingId) {
			for (const col of target.columns) {
				if (
					col.required &&
					!col.hasDefault &&
					!col.readonly &&
					(out[col.field] === undefined || out[col.field] === '')
				) {
					if (problems.length < maxProblems)
						problems.push({ row: gridRow + 1, column: col.label, text: '', message: msg.required });
				}
			}
			created++;
		} else updated++;
		rows.push(out);
	}
	if (problems.length) return { ok: false, problems };
	return { ok: true, rows, updated, created };
}
