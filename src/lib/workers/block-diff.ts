// What an edit changed in the log blocks, for the KPI worker (kpi-engine-host.ts): the leads
// whose rows differ between two versions of a block, and the rows of given leads as a block.

import { unpackStrings, type ActivityBlock, type StageEventBlock } from '../db/blocks';

const leadOf = (b: { lead: Int32Array; leadDict: string[] }, r: number): string =>
	b.lead[r] < 0 ? '' : b.leadDict[b.lead[r]];

const sameInstant = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));

/**
 * Rows without a lead that an edit changed, by row number: `before` in the old block (gone or
 * changed), `after` in the new one (new or changed). They go to the engine as a delta: the
 * prospecting bucket holds every activity without a lead, too many to replace on each edit.
 */
export interface NoLeadRows {
	before: number[];
	after: number[];
}

/**
 * Adds to `out` the leads whose activities differ between two versions of a block in a field
 * the KPIs read, so that an edit replaces one lead's rows, not a bucket's. Rows without a lead
 * go to `noLead` when given, else they add '' to `out`.
 */
export function changedActivityLeads(
	before: ActivityBlock | undefined,
	after: ActivityBlock | undefined,
	out: Set<string>,
	noLead?: NoLeadRows
): void {
	diffBlocks(
		before,
		after,
		out,
		(o, r) => {
			const a = after as ActivityBlock;
			const b = before as ActivityBlock;
			return (
				sameInstant(b.at[o], a.at[r]) &&
				sameInstant(b.deletedAt[o], a.deletedAt[r]) &&
				b.type[o] === a.type[r] &&
				b.response[o] === a.response[r] &&
				leadOf(b, o) === leadOf(a, r) &&
				b.repDict[b.rep[o]] === a.repDict[a.rep[r]]
			);
		},
		noLead
	);
}

/** The same for stage events. */
export function changedEventLeads(
	before: StageEventBlock | undefined,
	after: StageEventBlock | undefined,
	out: Set<string>
): void {
	diffBlocks(before, after, out, (o, r) => {
		const a = after as StageEventBlock;
		const b = before as StageEventBlock;
		return (
			sameInstant(b.at[o], a.at[r]) &&
			sameInstant(b.deletedAt[o], a.deletedAt[r]) &&
			b.stageDict[b.stage[o]] === a.stageDict[a.stage[r]] &&
			leadOf(b, o) === leadOf(a, r) &&
			(b.rep[o] < 0 ? null : b.repDict[b.rep[o]]) === (a.rep[r] < 0 ? null : a.repDict[a.rep[r]])
		);
	});
}

type Block = { ids: ActivityBlock['ids']; count: number; lead: Int32Array; leadDict: string[] };

/**
 * True when the first `before.count` ids of `after` are `before`'s, in order: the usual edit
 * (a block re-encoded from its decoded rows keeps their order and appends new rows; a delta
 * record appends too), which can then be compared row by row without a map of every id.
 */
function sameIdPrefix(before: Block, after: Block): boolean {
	const n = before.count;
	if (after.count < n) return false;
	if (n === 0) return true;
	const x = before.ids;
	const y = after.ids;
	if (typeof x === 'string' && typeof y === 'string') {
		if (after.count === n) return x === y;
		return y.length > x.length && y.charCodeAt(x.length) === 10 && y.startsWith(x);
	}
	const xs = unpackStrings(x, n);
	const ys = unpackStrings(y, after.count);
	for (let r = 0; r < n; r++) if (xs[r] !== ys[r]) return false;
	return true;
}

function diffBlocks<B extends Block>(
	before: B | undefined,
	after: B | undefined,
	out: Set<string>,
	same: (oldRow: number, newRow: number) => boolean,
	noLead?: NoLeadRows
): void {
	const old = (r: number) => {
		const id = leadOf(before as B, r);
		if (id === '' && noLead) noLead.before.push(r);
		else out.add(id);
	};
	const fresh = (r: number) => {
		const id = leadOf(after as B, r);
		if (id === '' && noLead) noLead.after.push(r);
		else out.add(id);
	};
	if (before && after && sameIdPrefix(before, after)) {
		for (let r = 0; r < before.count; r++) {
			if (!same(r, r)) {
				old(r);
				fresh(r);
			}
		}
		for (let r = before.count; r < after.count; r++) fresh(r);
		return;
	}
	const byId = new Map<string, number>();
	if (before) unpackStrings(before.ids, before.count).forEach((id, r) => byId.set(id, r));
	const seen = new Uint8Array(before?.count ?? 0);
	if (after) {
		const ids = unpackStrings(after.ids, after.count);
		for (let r = 0; r < after.count; r++) {
			const o = byId.get(ids[r]);
			if (o === undefined || !before) {
				fresh(r);
				continue;
			}
			seen[o] = 1;
			if (!same(o, r)) {
				fresh(r);
				old(o);
			}
		}
	}
	if (before) for (let o = 0; o < before.count; o++) if (!seen[o]) old(o);
}

/** The rows of `block` whose lead is in `leads`, with a lead dictionary of only those leads. */
function selectRows<B extends Block>(
	block: B,
	leads: Set<string>
): { rows: number[]; lead: Int32Array; leadDict: string[]; ids: string[] } {
	const ids = unpackStrings(block.ids, block.count);
	const map = new Int32Array(block.leadDict.length).fill(-2);
	const leadDict: string[] = [];
	const rows: number[] = [];
	for (let r = 0; r < block.count; r++) {
		const d = block.lead[r];
		if (!leads.has(d < 0 ? '' : block.leadDict[d])) continue;
		if (d >= 0 && map[d] === -2) {
			map[d] = leadDict.length;
			leadDict.push(block.leadDict[d]);
		}
		rows.push(r);
	}
	const lead = Int32Array.from(rows, (r) => (block.lead[r] < 0 ? -1 : map[block.lead[r]]));
	return { rows, lead, leadDict, ids: rows.map((r) => ids[r]) };
}

/** Rows `rows` of an activity block as a block of their own. */
export function activityRowsAt(block: ActivityBlock, rows: number[]): ActivityBlock {
	const all = unpackStrings(block.ids, block.count);
	const map = new Int32Array(block.leadDict.length).fill(-2);
	const leadDict: string[] = [];
	const lead = Int32Array.from(rows, (r) => {
		const d = block.lead[r];
		if (d < 0) return -1;
		if (map[d] === -2) {
			map[d] = leadDict.length;
			leadDict.push(block.leadDict[d]);
		}
		return map[d];
	});
	return activityBlockOf(
		block,
		rows,
		lead,
		leadDict,
		rows.map((r) => all[r])
	);
}

export function activityRowsOf(block: ActivityBlock, leads: Set<string>): ActivityBlock {
	const { rows, lead, leadDict, ids } = selectRows(block, leads);
	return activityBlockOf(block, rows, lead, leadDict, ids);
}

function activityBlockOf(
	block: ActivityBlock,
	rows: number[],
	lead: Int32Array,
	leadDict: string[],
	ids: string[]
): ActivityBlock {
	const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => pickRows(a, rows);
	return {
		bucket: block.bucket,
		count: rows.length,
		ids,
		updatedAt: pick(block.updatedAt),
		deletedAt: pick(block.deletedAt),
		at: pick(block.at),
		lead,
		leadDict,
		rep: pick(block.rep),
		repDict: block.repDict,
		type: pick(block.type),
		response: pick(block.response),
		noteRows: new Int32Array(0),
		notes: []
	};
}

export function eventRowsOf(block: StageEventBlock, leads: Set<string>): StageEventBlock {
	const { rows, lead, leadDict, ids } = selectRows(block, leads);
	const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => pickRows(a, rows);
	return {
		bucket: block.bucket,
		count: rows.length,
		ids,
		updatedAt: pick(block.updatedAt),
		deletedAt: pick(block.deletedAt),
		at: pick(block.at),
		lead,
		leadDict,
		stage: pick(block.stage),
		stageDict: block.stageDict,
		rep: pick(block.rep),
		repDict: block.repDict
	};
}

function pickRows<T extends Float64Array | Int32Array | Uint8Array>(a: T, rows: number[]): T {
	const out = new (a.constructor as new (n: number) => T)(rows.length);
	for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
	return out;
}
