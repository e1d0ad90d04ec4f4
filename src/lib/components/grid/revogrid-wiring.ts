// What RevoGrid is given: its web component (loaded on demand, it is large), the column
// definitions with their editors, sort order and cell classes, and its theme. The columns come
// from entry/cells.ts's ColumnDef; the rows from grid-rows.ts (text views over records).
import type { ColumnRegular, EditorCtrConstructible } from '@revolist/revogrid';
import type { ColumnDef, Option } from '$lib/entry/cells';
import { comboEditor } from './combo-editor';
import { dateEditor } from './date-editor';
import { isNumeric } from './grid-cells';
import { cellKey, compareValues, DRAFT_ID, type GridRow } from './grid-rows';
import { textEditor } from './text-editor';

/** Defines <revo-grid> and its parts; resolves once they can be rendered. */
export async function loadRevoGrid(): Promise<void> {
	const { defineCustomElements } = await import('@revolist/revogrid/loader');
	await defineCustomElements();
}

/** The name under which a column's editor is registered (see gridEditors). */
export function editorName(c: ColumnDef): string {
	if (c.type === 'select') return `combo-${c.field}`;
	if (c.type === 'date' || c.type === 'instant') return `date-${c.field}`;
	return 'text';
}

const NUMERIC_CELL = { class: 'cell-num' };

/** Refused cells: what was typed and why (see GridState.invalid). */
export type InvalidCells = ReadonlyMap<string, { text: string; message: string }>;

/**
 * RevoGrid's columns. A header gets '*' when the cell must be filled on a new row. Sorting
 * compares the stored values (numbers as numbers, dates in order), not the shown text. Cell
 * classes mark a refused cell (with its reason as the tooltip), numbers and the new row;
 * `invalid` is read when a cell renders, so that marking a cell needs no new columns.
 */
export function revoColumns(
	columns: readonly ColumnDef[],
	invalid: () => InvalidCells
): ColumnRegular[] {
	return columns.map((c) => ({
		prop: c.field,
		name: c.required && !c.hasDefault ? `${c.label} *` : c.label,
		size: c.size ?? 140,
		sortable: true,
		readonly: c.readonly,
		editor: editorName(c),
		cellCompare: (prop, a, b) =>
			compareValues((a as GridRow).__rec[prop as string], (b as GridRow).__rec[prop as string]),
		cellProperties: ({ model, prop }) => {
			const row = model as GridRow;
			const refused = invalid();
			const bad = refused.size ? refused.get(cellKey(row.__id, prop as string)) : undefined;
			// The common cell: nothing to build (this runs for every visible cell per frame).
			if (!bad && row.__id !== DRAFT_ID) return isNumeric(c) ? NUMERIC_CELL : undefined;
			const cls = [
				bad ? 'cell-invalid' : '',
				isNumeric(c) ? 'cell-num' : '',
				row.__id === DRAFT_ID ? 'cell-draft' : ''
			]
				.filter(Boolean)
				.join(' ');
			return { class: cls, title: bad ? bad.message : undefined };
		}
	}));
}

export interface EditorSources {
	/** The current choices of a drop-down column, read when its editor opens. */
	options: (field: string) => readonly Option[];
	/** The workspace's time zone (the date picker shows wall time there). */
	timeZone: () => string;
	/** Accessible names of the date and the date-and-time pickers. */
	pickDate: string;
	pickDateTime: string;
}

/** The editors the columns name: one text editor, a combo per drop-down, a picker per date. */
export function gridEditors(
	columns: readonly ColumnDef[],
	from: EditorSources
): Record<string, EditorCtrConstructible> {
	const editors: Record<string, EditorCtrConstructible> = { text: textEditor() };
	for (const c of columns) {
		if (c.type === 'select') editors[editorName(c)] = comboEditor(() => from.options(c.field));
		else if (c.type === 'date' || c.type === 'instant') {
			editors[editorName(c)] = dateEditor({
				kind: c.type,
				stored: (model) => (model as GridRow | undefined)?.__rec?.[c.field],
				timeZone: from.timeZone,
				label: c.type === 'date' ? from.pickDate : from.pickDateTime
			});
		}
	}
	return editors;
}

/** RevoGrid's compact theme in the app's light or dark look. */
export function gridTheme(resolved: string | undefined): 'compact' | 'darkCompact' {
	return resolved === 'dark' ? 'darkCompact' : 'compact';
}
