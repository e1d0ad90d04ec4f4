// The pipeline board's columns: one per open stage in pipeline order, then the won and the
// lost stages, each with its leads and figures. Pure, so that it is tested without a DOM.
import { toIsoInstant, wallTimeAt, zonedTimeToMs } from '../domain/time';
import type { Lead, Stage } from '../domain/types';

export interface BoardFilter {
	/** Only leads owned by this rep ('' = all). */
	repId: string;
	/** Only leads of this campaign ('' = all). */
	campaignId: string;
}

export interface BoardColumn {
	stage: Stage;
	leads: Lead[];
	count: number;
	/** Sum of the leads' values (a missing value counts as 0). */
	total: number;
	/** total x the stage's configured probability. */
	weighted: number;
}

const KIND_RANK = { open: 0, won: 1, lost: 2 } as const;

/** Builds the columns; leads in a column are ordered by value (highest first), then name. */
export function buildBoard(
	leads: readonly Lead[],
	stages: readonly Stage[],
	filter: BoardFilter
): BoardColumn[] {
	const live = stages
		.filter((s) => !s.deletedAt)
		.sort(
			(a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.order - b.order || (a.id < b.id ? -1 : 1)
		);
	const byStage = new Map<string, Lead[]>(live.map((s) => [s.id, []]));
	for (const lead of leads) {
		if (lead.deletedAt) continue;
		if (filter.repId && lead.ownerId !== filter.repId) continue;
		if (filter.campaignId && lead.campaignId !== filter.campaignId) continue;
		byStage.get(lead.stageId)?.push(lead);
	}
	return live.map((stage) => {
		const inStage = byStage.get(stage.id) ?? [];
		inStage.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name));
		const total = inStage.reduce((s, l) => s + (l.value ?? 0), 0);
		return {
			stage,
			leads: inStage,
			count: inStage.length,
			total,
			weighted: total * stage.probability
		};
	});
}

/** The slice of a column to render: rows of fixed height, plus a few above and below. */
export function visibleWindow(
	count: number,
	scrollTop: number,
	viewHeight: number,
	rowHeight: number,
	overscan = 4
): { start: number; end: number } {
	const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
	const end = Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
	return { start, end: Math.max(start, end) };
}

/**
 * When a move happened, from a datetime-local field ("2026-11-27T14:30"): wall time in the
 * workspace's zone, not the device's. Empty or malformed gives undefined, which means "now".
 */
export function instantFromWallInput(value: string, timeZone: string): string | undefined {
	const mt = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
	if (!mt) return undefined;
	const [y, mo, d, h, mi] = mt.slice(1).map(Number);
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
	return toIsoInstant(zonedTimeToMs(y, mo, d, timeZone, h, mi));
}

/** The datetime-local value for instant `ms` in `timeZone` (the field's max: now). */
export function wallInputAt(ms: number, timeZone: string): string {
	const w = wallTimeAt(ms, timeZone);
	const p = (n: number, len = 2) => String(n).padStart(len, '0');
	return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
