// Dexie's liveQuery as a rune: `.current` holds the latest result and updates whenever the
// tables the query read change (in this tab or another). Create it during component
// initialisation; it unsubscribes when the component goes away.
import { liveQuery } from 'dexie';

export class LiveQuery<T> {
	current = $state.raw<T | undefined>(undefined);
	error = $state.raw<unknown>(undefined);
	/** True until the first result arrives (later re-runs keep the previous result visible). */
	loading = $state(true);

	/**
	 * @param query runs inside Dexie's liveQuery; it may be async.
	 * @param deps read synchronously so that changing reactive inputs (a search term, a page
	 *   size) re-subscribes; the query's own reads are async and invisible to Svelte.
	 */
	constructor(query: () => Promise<T> | T, deps?: () => unknown) {
		$effect(() => {
			deps?.();
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.current = value;
					this.error = undefined;
					this.loading = false;
				},
				error: (err) => {
					this.error = err;
					this.loading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}
}
