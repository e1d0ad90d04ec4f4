// The state one entry grid shares between its parts (grid-edits, grid-actions, the toolbar):
// the records it shows and their row views, the cells refused so far, and the problems and
// status line the person reads. The grid works in text (grid-rows.ts); what is typed or pasted is
// converted and checked by src/lib/entry.
import { untrack } from 'svelte';
import { ValidationError } from '$lib/db/validation';
import type { CellContext, CellMessages, ColumnDef } from '$lib/entry/cells';
import type { GridList } from '$lib/entry/grid-columns';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { AppState } from '$lib/state/app-state.svelte';
import type { GridRecord } from '$lib/state/grid.svelte';
import { cellKey, DRAFT_ID, rowFactory, type GridRow } from './grid-rows';
import { RowViews, searchRecords } from './row-views';

export interface EntryGridProps {
	list: GridList;
	records: readonly GridRecord[] | undefined;
	columns: readonly ColumnDef[];
	/** Accessible name of the grid. */
	label: string;
	/** Fields every new row gets (e.g. the lead when the grid shows one lead's moves). */
	newRowDefaults?: Record<string, unknown>;
	/** Leads only: a stage edit goes here (won and lost ask questions first); false when the
	 * person cancelled the move. */
	onstagechange?: (lead: GridRecord, stageId: string) => Promise<boolean | void>;
	/** Leads only: asks once why `count` pasted leads were lost; null when cancelled. */
	onlostpaste?: (count: number) => Promise<string | null>;
	/** Kinds of stages by id (leads only: which pasted stages are lost ones). */
	stageKinds?: ReadonlyMap<string, string>;
}

/** Why a cell was refused: the text typed (kept in the cell) and the reason. */
export interface Refused {
	text: string;
	message: string;
}

export class GridState {
	readonly #props: () => EntryGridProps;
	readonly app: AppState;
	element: HTMLRevoGridElement | undefined = $state();
	host: HTMLDivElement | undefined = $state();
	/** The search box's text, once typing pauses. */
	query = $state('');
	problems = $state<string[]>([]);
	status = $state('');
	// Refused cells, kept across refreshes of the data. Replaced, never mutated ($state.raw), so
	// a plain Map: see setInvalid.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	invalid = $state.raw(new Map<string, Refused>());
	/** "Add row" focusing the new row: a paste right after it waits for it (grid-actions). */
	addingRow: Promise<unknown> | undefined;
	/** The last key pressed in the grid: Tab in the new row moves on instead of saving. */
	lastKey = '';

	readonly ctx: CellContext = $derived.by(() => ({
		locale: getLocale(),
		timeZone: this.app.timeZone
	}));
	readonly msgs: CellMessages = {
		required: m.entry_err_required(),
		number: m.entry_err_number(),
		negative: m.entry_err_negative(),
		integer: m.entry_err_integer(),
		date: m.entry_err_date(),
		instant: m.entry_err_instant(),
		choice: (choices) => m.entry_err_choice({ choices }),
		boolean: m.entry_err_boolean(),
		email: m.entry_err_email(),
		period: m.entry_err_period(),
		percent: m.entry_err_percent()
	};
	// Built anew when the columns change, never mutated.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly byField = $derived.by(() => new Map(this.props.columns.map((c) => [c.field, c])));
	readonly #words = { yes: m.yes(), no: m.no() };
	readonly makeRow = $derived.by(() => rowFactory(this.props.columns, this.ctx, this.#words));
	readonly shown = $derived.by(() =>
		searchRecords(this.props.records ?? [], this.query, this.props.columns, this.makeRow)
	);
	readonly #views = new RowViews();
	// Refused texts are put back when the data refreshes; marking a cell must not rebuild (and
	// re-send) every row, so `invalid` is read untracked.
	readonly rows: GridRow[] = $derived.by(() => {
		const built = this.#views.build(this.shown, this.makeRow);
		return untrack(() => (this.invalid.size ? built.map((r) => this.#withInvalid(r)) : built));
	});
	readonly draftRow = $derived(this.makeRow({ id: DRAFT_ID }));

	/** `props`: the component's props, read through a function so that they stay live. */
	constructor(props: () => EntryGridProps, app: AppState) {
		this.#props = props;
		this.app = app;
	}

	get props(): EntryGridProps {
		return this.#props();
	}

	#withInvalid(row: GridRow): GridRow {
		for (const c of this.props.columns) {
			const bad = this.invalid.get(cellKey(row.__id, c.field));
			if (bad) (row.__o ??= {})[c.field] = bad.text;
		}
		return row;
	}

	/** Marks a cell as refused, or (without `entry`) clears its mark. */
	setInvalid(id: string, field: string, entry?: Refused) {
		const key = cellKey(id, field);
		if (!entry && !this.invalid.has(key)) return;
		// A new map each time: `invalid` is $state.raw, replaced rather than mutated.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const next = new Map(this.invalid);
		if (entry) next.set(key, entry);
		else next.delete(key);
		this.invalid = next;
	}

	/** A refused cell, named by its row as the person sees it and its column's header. */
	cellError(row: number, column: string, message: string): string {
		return m.entry_cell_error({ row: String(row), column, message });
	}

	/** A write the data layer refused: shown above the grid (and logged when unexpected). */
	reportError(err: unknown) {
		const message = err instanceof Error ? err.message : String(err);
		this.problems = [m.entry_save_failed({ message })];
		if (!(err instanceof ValidationError)) console.error(err);
	}

	/** The 1-based number of a row among the rows shown; the new row counts after the last. */
	rowNumber(row: GridRow): number {
		const i = this.rows.findIndex((r) => r.__id === row.__id);
		return i < 0 ? this.rows.length + 1 : i + 1;
	}
}
