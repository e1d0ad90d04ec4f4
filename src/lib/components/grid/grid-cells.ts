// What one edited cell means for its row, between RevoGrid's text and the data layer: the text is
// converted by entry/cells.ts, and this decides the rest (an empty cell of the new row is left to
// its default, an edit that stores what is there already writes nothing) and picks the ONE
// command that writes the gesture, so that undo takes back exactly what the person did.
import * as commands from '$lib/db/commands';
import {
	convertCell,
	type CellContext,
	type CellMessages,
	type ColumnDef,
	type Converted
} from '$lib/entry/cells';
import type { GridList } from '$lib/entry/grid-columns';
import type { GridRecord } from '$lib/state/grid.svelte';
import { DRAFT_ID, type GridRow } from './grid-rows';

/** Numbers, money and percentages: right-aligned, so that digits line up. */
export function isNumeric(c: ColumnDef): boolean {
	return c.type === 'money' || c.type === 'integer' || c.type === 'percent';
}

/** The stored value for text typed into a cell. On the new row, an empty cell of a column with
 * a default is not an error: the data layer fills it (owner = me, created = now...). */
export function convertEdit(
	col: ColumnDef,
	text: string,
	isDraft: boolean,
	ctx: CellContext,
	msgs: CellMessages
): Converted {
	if (isDraft && col.hasDefault && text.trim() === '') return { ok: true, value: undefined };
	return convertCell(col, text, ctx, msgs);
}

/** True when an edit would store what the record holds (an empty cell left empty counts): no
 * command then, so no empty undo step. */
export function isUnchanged(old: unknown, value: unknown): boolean {
	return old === value || ((old === undefined || old === '') && value === undefined);
}

/** The new row is not saved while a required cell without a default is empty. */
export function missingRequired(
	columns: readonly ColumnDef[],
	values: Record<string, unknown>
): boolean {
	return columns.some(
		(c) => c.required && !c.hasDefault && (values[c.field] === undefined || values[c.field] === '')
	);
}

/** The command for an edit of one cell of a stored record. An emptied cell is '' (what the data
 * layer drops); log rows carry their lead, which finds their block without a search. */
export function cellCommand(
	list: GridList,
	rec: GridRecord,
	field: string,
	value: unknown
): commands.Command {
	const v = value === undefined ? '' : value;
	const patch = { [field]: v };
	if (list === 'leads') {
		return field === 'stageId'
			? commands.moveLead(rec.id, String(v))
			: commands.updateLead(rec.id, patch);
	}
	if (list === 'stageEvents') return commands.editStageEvent(rec.id, patch, rec.leadId as string);
	if (list === 'activities') {
		return commands.updateActivity(rec.id, patch, rec.leadId as string | undefined);
	}
	return commands.updateRecord(list, rec.id, patch);
}

/** A refused cell, by the row number the person sees and the column's header. */
export interface CellProblem {
	row: number;
	column: string;
	message: string;
}

/**
 * A range edit (Delete on a selection, the fill handle), as RevoGrid reports it: changed fields
 * by row index, and the rows' models. Gives one patch per stored row, or the refused cells (then
 * nothing is to be written: a range is one step, all of it or none). The new row and read-only
 * columns are left out.
 */
export function planRangeEdit(
	list: GridList,
	data: Readonly<Record<number, Record<string, unknown>>>,
	models: Readonly<Record<number, unknown>>,
	byField: ReadonlyMap<string, ColumnDef>,
	ctx: CellContext,
	msgs: CellMessages,
	rowNumber: (row: GridRow) => number
): { rows: Record<string, unknown>[]; problems: CellProblem[] } {
	const rows: Record<string, unknown>[] = [];
	const problems: CellProblem[] = [];
	for (const [index, changes] of Object.entries(data)) {
		const model = (models[Number(index)] ?? null) as GridRow | null;
		if (!model || model.__id === DRAFT_ID) continue;
		const patch: Record<string, unknown> = { id: model.__id };
		if (list === 'stageEvents' || list === 'activities') patch.leadId = model.__rec.leadId;
		for (const [field, val] of Object.entries(changes)) {
			const col = byField.get(field);
			if (!col || col.readonly) continue;
			const conv = convertCell(col, val == null ? '' : String(val), ctx, msgs);
			if (!conv.ok) {
				problems.push({ row: rowNumber(model), column: col.label, message: conv.message });
				continue;
			}
			patch[field] = conv.value === undefined ? '' : conv.value;
		}
		rows.push(patch);
	}
	return { rows, problems };
}
