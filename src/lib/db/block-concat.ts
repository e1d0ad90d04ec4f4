// Joining blocks: several blocks' columns as one (a cold read), and one block's columns
// appended to another's (a bulk load into existing buckets).

import type { ActivityColumns, StageEventColumns } from '../domain/columns';
import {
	noNotes,
	SEP,
	unpackStrings,
	type ActivityBlock,
	type PackedStrings,
	type StageEventBlock
} from './block-codec';

/** Maps a small per-block dictionary into a shared one: local index -> global index. */
const NO_TIMES = new Float64Array(0);

function remapDict(local: string[], lookup: Map<string, number>, global: string[]): Int32Array {
	const map = new Int32Array(local.length);
	for (let k = 0; k < local.length; k++) {
		let g = lookup.get(local[k]);
		if (g === undefined) {
			g = global.length;
			global.push(local[k]);
			lookup.set(local[k], g);
		}
		map[k] = g;
	}
	return map;
}

/**
 * Concatenates activity blocks into one set of columns. Lead dictionaries are appended with an
 * offset, not looked up: they are disjoint between buckets (a lead hashes to one), and a lead
 * of a bucket's delta records may appear again in the result's leadDict, which every reader
 * maps by id (kpi/logs.ts), so a repeat is harmless.
 */
export function concatActivityBlocks(
	blocks: readonly ActivityBlock[],
	/**
	 * Only what the KPI engine reads: no ids (the caller keeps them packed), no updatedAt and
	 * no notes (a million strings and 8 MB fewer to make at L).
	 */
	engineOnly = false
): ActivityColumns {
	let n = 0;
	for (const b of blocks) n += b.count;
	const out: ActivityColumns = {
		count: n,
		id: [],
		updatedAt: engineOnly ? NO_TIMES : new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: [],
		rep: new Int32Array(n),
		repDict: [],
		type: new Uint8Array(n),
		response: new Uint8Array(n),
		note: engineOnly ? [] : noNotes(n)
	};
	const repLookup = new Map<string, number>();
	const idParts: string[][] = [];
	const leadParts: string[][] = [];
	let leadOffset = 0;
	let o = 0;
	for (const b of blocks) {
		if (!engineOnly) {
			idParts.push(unpackStrings(b.ids, b.count));
			out.updatedAt.set(b.updatedAt, o);
			for (let k = 0; k < b.noteRows.length; k++) out.note[o + b.noteRows[k]] = b.notes[k];
		}
		leadParts.push(b.leadDict);
		const repMap = remapDict(b.repDict, repLookup, out.repDict);
		out.deletedAt.set(b.deletedAt, o);
		out.at.set(b.at, o);
		out.type.set(b.type, o);
		out.response.set(b.response, o);
		const lead = b.lead;
		const rep = b.rep;
		const outLead = out.lead;
		const outRep = out.rep;
		for (let i = 0; i < b.count; i++) {
			const l = lead[i];
			outLead[o + i] = l < 0 ? -1 : l + leadOffset;
			outRep[o + i] = repMap[rep[i]];
		}
		leadOffset += b.leadDict.length;
		o += b.count;
	}
	// One concat per list is a bulk copy; assigning a million strings one by one is not.
	out.id = out.id.concat(...idParts);
	out.leadDict = out.leadDict.concat(...leadParts);
	return out;
}

export function concatStageEventBlocks(blocks: readonly StageEventBlock[]): StageEventColumns {
	let n = 0;
	for (const b of blocks) n += b.count;
	const out: StageEventColumns = {
		count: n,
		id: [],
		updatedAt: new Float64Array(n),
		deletedAt: new Float64Array(n),
		at: new Float64Array(n),
		lead: new Int32Array(n),
		leadDict: [],
		stage: new Int32Array(n),
		stageDict: [],
		rep: new Int32Array(n),
		repDict: []
	};
	const stageLookup = new Map<string, number>();
	const repLookup = new Map<string, number>();
	const idParts: string[][] = [];
	const leadParts: string[][] = [];
	let leadOffset = 0;
	let o = 0;
	for (const b of blocks) {
		idParts.push(unpackStrings(b.ids, b.count));
		leadParts.push(b.leadDict);
		const stageMap = remapDict(b.stageDict, stageLookup, out.stageDict);
		const repMap = remapDict(b.repDict, repLookup, out.repDict);
		out.updatedAt.set(b.updatedAt, o);
		out.deletedAt.set(b.deletedAt, o);
		out.at.set(b.at, o);
		for (let i = 0; i < b.count; i++) {
			out.lead[o + i] = b.lead[i] + leadOffset;
			out.stage[o + i] = stageMap[b.stage[i]];
			const r = b.rep[i];
			out.rep[o + i] = r < 0 ? -1 : repMap[r];
		}
		leadOffset += b.leadDict.length;
		o += b.count;
	}
	out.id = out.id.concat(...idParts);
	out.leadDict = out.leadDict.concat(...leadParts);
	return out;
}

/** Appends a block's columns to another's (ids of `add` not in `block`); dictionaries remapped. */
export function appendStageEventColumns(
	bucket: number,
	block: StageEventBlock | undefined,
	add: StageEventBlock
): StageEventBlock {
	if (!block || block.count === 0) return { ...add, bucket };
	const n0 = block.count;
	const n = n0 + add.count;
	const lead = new Int32Array(n);
	const stage = new Int32Array(n);
	const rep = new Int32Array(n);
	lead.set(block.lead);
	stage.set(block.stage);
	rep.set(block.rep);
	const leads = extendDictionary(block.leadDict);
	const stages = extendDictionary(block.stageDict);
	const reps = extendDictionary(block.repDict);
	const leadMap = add.leadDict.map((v) => leads.index(v));
	const stageMap = add.stageDict.map((v) => stages.index(v));
	const repMap = add.repDict.map((v) => reps.index(v));
	for (let k = 0; k < add.count; k++) {
		lead[n0 + k] = leadMap[add.lead[k]];
		stage[n0 + k] = stageMap[add.stage[k]];
		rep[n0 + k] = add.rep[k] < 0 ? -1 : repMap[add.rep[k]];
	}
	return {
		bucket,
		count: n,
		ids: joinPacked(block.ids, n0, add.ids, add.count),
		updatedAt: concatFloat(block.updatedAt, add.updatedAt),
		deletedAt: concatFloat(block.deletedAt, add.deletedAt),
		at: concatFloat(block.at, add.at),
		lead,
		leadDict: leads.values,
		stage,
		stageDict: stages.values,
		rep,
		repDict: reps.values
	};
}

/** As appendStageEventColumns, for activities (notes carried with their rows). */
export function appendActivityColumns(
	bucket: number,
	block: ActivityBlock | undefined,
	add: ActivityBlock
): ActivityBlock {
	if (!block || block.count === 0) return { ...add, bucket };
	const n0 = block.count;
	const n = n0 + add.count;
	const lead = new Int32Array(n);
	const rep = new Int32Array(n);
	lead.set(block.lead);
	rep.set(block.rep);
	const leads = extendDictionary(block.leadDict);
	const reps = extendDictionary(block.repDict);
	const leadMap = add.leadDict.map((v) => leads.index(v));
	const repMap = add.repDict.map((v) => reps.index(v));
	for (let k = 0; k < add.count; k++) {
		lead[n0 + k] = add.lead[k] < 0 ? -1 : leadMap[add.lead[k]];
		rep[n0 + k] = repMap[add.rep[k]];
	}
	const type = new Uint8Array(n);
	type.set(block.type);
	type.set(add.type, n0);
	const response = new Uint8Array(n);
	response.set(block.response);
	response.set(add.response, n0);
	return {
		bucket,
		count: n,
		ids: joinPacked(block.ids, n0, add.ids, add.count),
		updatedAt: concatFloat(block.updatedAt, add.updatedAt),
		deletedAt: concatFloat(block.deletedAt, add.deletedAt),
		at: concatFloat(block.at, add.at),
		lead,
		leadDict: leads.values,
		rep,
		repDict: reps.values,
		type,
		response,
		noteRows: Int32Array.from([...block.noteRows, ...Array.from(add.noteRows, (r) => r + n0)]),
		notes: [...block.notes, ...add.notes]
	};
}

function concatFloat(a: Float64Array, b: Float64Array): Float64Array {
	const out = new Float64Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

function joinPacked(a: PackedStrings, na: number, b: PackedStrings, nb: number): PackedStrings {
	if (nb === 0) return a;
	if (na === 0) return b;
	if (typeof a === 'string' && typeof b === 'string') return a + SEP + b;
	return [...unpackStrings(a, na), ...unpackStrings(b, nb)];
}

/** A dictionary extended with new values (first index of a value wins, as in StringDictionary). */
function extendDictionary(dict: readonly string[]): {
	values: string[];
	index(v: string): number;
} {
	const values = dict.slice();
	let lookup: Map<string, number> | undefined;
	return {
		values,
		index(v: string) {
			if (!lookup) {
				lookup = new Map();
				values.forEach((x, i) => {
					if (!lookup!.has(x)) lookup!.set(x, i);
				});
			}
			let i = lookup.get(v);
			if (i === undefined) {
				i = values.length;
				values.push(v);
				lookup.set(v, i);
			}
			return i;
		}
	};
}
