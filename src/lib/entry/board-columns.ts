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

/**
 * Builds the columns; leads in a column are ordered by value (highest first), then name
 * (`localeCompare`), then as given. With 100k leads a comparator sort calling localeCompare cost
 * more than reading the leads, so the order is found by ranking the few distinct values and
 * names once and sorting one packed number per lead natively (a Float64Array sort).
 */
export function buildBoard(
	leads: Iterable<Lead>,
	stages: readonly Stage[],
	filter: BoardFilter
): BoardColumn[] {
	const live = stages
		.filter((s) => !s.deletedAt)
		.sort(
			(a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.order - b.order || (a.id < b.id ? -1 : 1)
		);
	const columnOf = new Map<string, number>(live.map((s, i) => [s.id, i]));
	const picked: Lead[] = [];
	for (const lead of leads)
		if (shows(lead, filter) && columnOf.has(lead.stageId)) picked.push(lead);
	const columns = live.map((stage) => ({ stage, leads: [] as Lead[], total: 0 }));
	const order = boardOrder(picked);
	for (let k = 0; k < order.length; k++) {
		const lead = picked[order[k]];
		const col = columns[columnOf.get(lead.stageId)!];
		col.leads.push(lead);
		col.total += lead.value ?? 0;
	}
	return columns.map(({ stage, leads, total }) => column(stage, leads, total));
}

function shows(lead: Lead, filter: BoardFilter): boolean {
	if (lead.deletedAt) return false;
	if (filter.repId && lead.ownerId !== filter.repId) return false;
	return !filter.campaignId || lead.campaignId === filter.campaignId;
}

function column(stage: Stage, leads: Lead[], total: number): BoardColumn {
	return { stage, leads, count: leads.length, total, weighted: total * stage.probability };
}

/** A lead as it was before a change and as it is after (absent: new, or gone). */
export interface LeadChange {
	before?: Lead;
	after?: Lead;
}

/**
 * The columns after `changes`, from the columns built before them with the same stages and
 * filter: each changed lead leaves its old place and is put at its place by value and name (after
 * its equals); applying a change twice changes nothing. A move on a board of 100k leads then
 * copies two columns instead of ordering all of them again. Untouched columns stay the same
 * objects.
 */
export function patchBoard(
	columns: readonly BoardColumn[],
	changes: readonly LeadChange[],
	filter: BoardFilter
): BoardColumn[] {
	const index = new Map(columns.map((c, i) => [c.stage.id, i]));
	const touched = new Map<number, Lead[]>();
	const cards = (i: number) => {
		let l = touched.get(i);
		if (!l) touched.set(i, (l = columns[i].leads.slice()));
		return l;
	};
	for (const { before, after } of changes) {
		const id = (after ?? before)?.id;
		if (id === undefined) continue;
		// By id, and from both columns: the columns may hold either version already (a full
		// build reads the live leads, which can be ahead of the change list).
		for (const lead of [before, after]) {
			const i = lead ? index.get(lead.stageId) : undefined;
			if (i === undefined) continue;
			const l = cards(i);
			const at = l.findIndex((x) => x.id === id);
			if (at >= 0) l.splice(at, 1);
		}
		const to = after && shows(after, filter) ? index.get(after.stageId) : undefined;
		if (to !== undefined) {
			const l = cards(to);
			l.splice(placeOf(l, after!), 0, after!);
		}
	}
	return columns.map((c, i) => {
		const l = touched.get(i);
		return l
			? column(
					c.stage,
					l,
					l.reduce((s, x) => s + (x.value ?? 0), 0)
				)
			: c;
	});
}

/** Where `lead` goes in `leads` (board order): after every lead that comes first or ties. */
function placeOf(leads: readonly Lead[], lead: Lead): number {
	const v = lead.value ?? 0;
	let lo = 0;
	let hi = leads.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const m = leads[mid];
		const before = (m.value ?? 0) - v || lead.name.localeCompare(m.name);
		if (before >= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The rank of each key in `order` (keys given once each). */
function rankOf<K>(keys: Iterable<K>, order: (a: K, b: K) => number): Map<K, number> {
	return new Map([...keys].sort(order).map((k, i) => [k, i]));
}

/** Indices of `leads` in board order: value descending, name, then position. */
export function boardOrder(leads: readonly Lead[]): ArrayLike<number> {
	const n = leads.length;
	const values = new Set<number>();
	const names = new Set<string>();
	for (const l of leads) {
		values.add(l.value ?? 0);
		names.add(l.name);
	}
	const valueRank = rankOf(values, (a, b) => b - a);
	const nameRank = rankOf(names, (a, b) => a.localeCompare(b));
	const vr = new Float64Array(n);
	const nr = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		vr[i] = valueRank.get(leads[i].value ?? 0)!;
		nr[i] = nameRank.get(leads[i].name)!;
	}
	if (values.size * names.size * n >= Number.MAX_SAFE_INTEGER) {
		return Array.from({ length: n }, (_, i) => i).sort(
			(a, b) => vr[a] - vr[b] || nr[a] - nr[b] || a - b
		);
	}
	// One exact integer per lead, (value rank, name rank, position), sorted natively.
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) keys[i] = (vr[i] * names.size + nr[i]) * n + i;
	keys.sort();
	const out = new Uint32Array(n);
	for (let i = 0; i < n; i++) out[i] = keys[i] % n;
	return out;
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
