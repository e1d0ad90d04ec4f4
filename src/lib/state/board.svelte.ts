// The pipeline board's state: the filters and the columns built from the live leads and
// stages. Moves go through the stage-move dialogs (which run the moveLead command).
import { buildBoard, type BoardColumn } from '$lib/entry/board-columns';
import type { Lead } from '$lib/domain/types';
import type { AppState } from './app-state.svelte';
import { liveGridRecords } from './grid.svelte';

export class BoardState {
	repId = $state('');
	campaignId = $state('');
	readonly leads;
	readonly lookups;

	constructor(app: AppState) {
		// The grid's reader: the chunked copy of the leads, a few dozen records even at 100k.
		this.leads = liveGridRecords(app, () => 'leads');
		this.lookups = app.liveLookups();
	}

	get ready(): boolean {
		return !!this.leads.current && !!this.lookups.current;
	}

	columns: BoardColumn[] = $derived.by(() =>
		buildBoard(
			(this.leads.current ?? []) as unknown as Lead[],
			this.lookups.current?.stages ?? [],
			{
				repId: this.repId,
				campaignId: this.campaignId
			}
		)
	);
}
