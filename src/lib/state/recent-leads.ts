// Which leads belong on the "recent leads" quick-log list, as pure functions so that the
// ordering rules are tested without a database or a DOM.
//
// A lead counts as touched when it was created, edited or moved (its `updatedAt`, read from an
// index), or when I logged an activity on it on this device (kept in a short local list: the
// activity log is stored in blocks by lead, and scanning every block to find my newest
// activities would make each tap re-read the whole log).

export interface Touch {
	id: string;
	/** Epoch ms of the touch. */
	at: number;
}

/** Most recent first; `at` in epoch ms. Ties keep the order of `byUpdate` (newest id wins). */
export function mergeRecent<T extends { id: string }>(
	byUpdate: readonly T[],
	updatedAt: (lead: T) => number,
	touches: readonly Touch[],
	touchedLeads: readonly (T | undefined)[],
	n: number
): T[] {
	const best = new Map<string, { lead: T; at: number; rank: number }>();
	byUpdate.forEach((lead, rank) => best.set(lead.id, { lead, at: updatedAt(lead), rank }));
	touches.forEach((t, i) => {
		const lead = touchedLeads[i];
		if (!lead) return; // Deleted or in the bin: not offered.
		const seen = best.get(t.id);
		if (!seen) best.set(t.id, { lead, at: t.at, rank: byUpdate.length + i });
		else if (t.at > seen.at) seen.at = t.at;
	});
	return [...best.values()]
		.sort((a, b) => b.at - a.at || a.rank - b.rank)
		.slice(0, n)
		.map((x) => x.lead);
}

/** Adds a touch in front, dropping older touches of the same lead, capped at `max`. */
export function addTouch(list: readonly Touch[], id: string, at: number, max = 30): Touch[] {
	return [{ id, at }, ...list.filter((t) => t.id !== id)].slice(0, max);
}

/** Parses the stored list; anything malformed yields an empty list rather than an error. */
export function parseTouches(text: string | null): Touch[] {
	if (!text) return [];
	try {
		const raw: unknown = JSON.parse(text);
		if (!Array.isArray(raw)) return [];
		return raw.filter(
			(t): t is Touch =>
				!!t && typeof t.id === 'string' && typeof t.at === 'number' && Number.isFinite(t.at)
		);
	} catch {
		return [];
	}
}

/**
 * Keeps rows where the thumb expects them: ids already shown keep their order (a lead that was
 * just logged on does not jump to the top under the next tap), new ids go in front in their
 * own order, and ids no longer present drop out.
 */
export function stableOrder(shown: readonly string[], next: readonly string[]): string[] {
	const nextSet = new Set(next);
	const shownSet = new Set(shown);
	const fresh = next.filter((id) => !shownSet.has(id));
	return [...fresh, ...shown.filter((id) => nextSet.has(id))];
}
