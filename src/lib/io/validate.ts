// Checks of records and the workspace, field by field, against the table in schema.ts.
//
// Decisions (see also shared-file.ts):
// - Unknown fields are dropped with one warning per list and field name (not one per record),
//   so a file from a newer app build, or hand-edited, still imports what we understand.
// - `null` in an optional field, or "" in an optional reference (campaignId, repId, ...), means
//   "absent" and is dropped silently.
// - References between records (a lead's owner, an event's stage) are never errors: the KPI
//   spec allows orphans. referenceWarnings() reports them as warnings.

import { isValidTimeZone } from '../domain/time';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	type RecordListName,
	type Records,
	type Workspace
} from '../domain/types';
import { ProblemList, showValue } from './problems';
import { isDate, isDateOrInstant, isInstant } from './fast-time';
import { IdTable } from './id-index';
import { PERIOD_PATTERN, RECORD_FIELDS, type FieldType } from './schema';

/** Why `v` is not a valid value of `type`, or undefined when it is. */
export function checkValue(type: FieldType, v: unknown): string | undefined {
	if (typeof type === 'object') {
		return typeof v === 'string' && type.enum.includes(v)
			? undefined
			: `${showValue(v)} is not one of ${type.enum.join(', ')}`;
	}
	switch (type) {
		case 'text':
			return typeof v === 'string' ? undefined : `${showValue(v)} is not text`;
		case 'id':
			if (typeof v !== 'string') return `${showValue(v)} is not text`;
			return v === '' ? 'is empty' : undefined;
		case 'bool':
			return typeof v === 'boolean' ? undefined : `${showValue(v)} is not true or false`;
		case 'int':
			if (typeof v !== 'number') return `${showValue(v)} is not a number`;
			return Number.isInteger(v) ? undefined : `${showValue(v)} is not a whole number`;
		case 'money':
			if (typeof v !== 'number') return `${showValue(v)} is not a number`;
			if (!Number.isFinite(v)) return `${showValue(v)} is not a finite number`;
			return v < 0 ? `${showValue(v)} is negative (amounts are 0 or more)` : undefined;
		case 'probability':
			if (typeof v !== 'number') return `${showValue(v)} is not a number`;
			return v >= 0 && v <= 1 ? undefined : `${showValue(v)} is not between 0 and 1`;
		case 'instant':
			return isInstant(v)
				? undefined
				: `${showValue(v)} is not an instant (use an ISO 8601 time with an offset, e.g. 2026-11-27T10:00:00Z)`;
		case 'date':
			return isDate(v) ? undefined : `${showValue(v)} is not a date (use YYYY-MM-DD)`;
		case 'dateOrInstant':
			return isDateOrInstant(v)
				? undefined
				: `${showValue(v)} is not a date (use YYYY-MM-DD or an ISO instant)`;
		case 'period':
			return typeof v === 'string' && PERIOD_PATTERN.test(v)
				? undefined
				: `${showValue(v)} is not a period (use YYYY-MM, YYYY-Qn or YYYY)`;
	}
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TYPES: ReadonlySet<unknown> = new Set(ACTIVITY_TYPES);
const RESPONSES: ReadonlySet<unknown> = new Set(ACTIVITY_RESPONSES);

/** The number of own enumerable keys of a parsed object. */
function ownKeys(r: Record<string, unknown>): number {
	let n = 0;
	for (const k in r) if (Object.hasOwn(r, k)) n++;
	return n;
}

/**
 * True when an activity is valid as it stands: every field of the right type, no null, no
 * unknown field (then the generic loop below would find nothing to report and keep the object).
 * Written out field by field: property reads by a fixed name are several times faster than the
 * generic loop's reads by a variable one, on the million activities of a large file. Anything
 * else returns false and takes the generic loop, which names the problems.
 */
function plainActivity(r: Record<string, unknown>): boolean {
	const id = r.id;
	const d = r.deletedAt;
	const lead = r.leadId;
	const rep = r.repId;
	const response = r.response;
	const note = r.note;
	if (typeof id !== 'string' || id === '' || !isInstant(r.updatedAt)) return false;
	if (typeof rep !== 'string' || rep === '' || !TYPES.has(r.type) || !isDateOrInstant(r.at))
		return false;
	let n = 5;
	if (d !== undefined && (n++, !isInstant(d))) return false;
	if (lead !== undefined && (n++, typeof lead !== 'string')) return false;
	if (response !== undefined && (n++, !RESPONSES.has(response))) return false;
	if (note !== undefined && (n++, typeof note !== 'string')) return false;
	return ownKeys(r) === n;
}

/** plainActivity for a stage event. */
function plainStageEvent(r: Record<string, unknown>): boolean {
	const id = r.id;
	const d = r.deletedAt;
	const lead = r.leadId;
	const stage = r.stageId;
	const rep = r.repId;
	if (typeof id !== 'string' || id === '' || !isInstant(r.updatedAt)) return false;
	if (typeof lead !== 'string' || lead === '' || typeof stage !== 'string' || stage === '')
		return false;
	if (!isDateOrInstant(r.at)) return false;
	let n = 5;
	if (d !== undefined && (n++, !isInstant(d))) return false;
	// An empty optional reference means "none" (dropped): the generic loop handles it.
	if (rep !== undefined && (n++, typeof rep !== 'string' || rep === '')) return false;
	return ownKeys(r) === n;
}

const PLAIN: Partial<Record<RecordListName, (r: Record<string, unknown>) => boolean>> = {
	activities: plainActivity,
	stageEvents: plainStageEvent
};

/**
 * Validates one record list. Returns clean records (known fields only, in schema order);
 * problems go to `problems`, warnings (already formatted) to `warnings`.
 */
export function validateList<K extends RecordListName>(
	list: K,
	raw: unknown[],
	problems: ProblemList,
	warnings: string[],
	/** Off only in tests, to compare the fast checks of the logs with the generic loop. */
	options: { fast?: boolean } = {}
): Records[K] {
	const fields = RECORD_FIELDS[list];
	const plain = options.fast === false ? undefined : PLAIN[list];
	const known = new Set(fields.map((f) => f.name));
	// Ids seen so far by position in `raw` (a table sized once for the list: a file's 1M
	// activities would otherwise grow a Map of 1M ids step by step).
	const seen = new IdTable(raw.length, raw, true);
	const unknown = new Map<string, { count: number; first: number }>();
	const out: Record<string, unknown>[] = new Array(raw.length);
	let softProblems = 0;
	/** Refuses an id seen before in this list. */
	const noteId = (id: unknown, i: number) => {
		if (typeof id !== 'string' || id === '') return;
		const prev = seen.put(id, i, false);
		if (prev !== undefined) {
			problems.add({
				list,
				index: i,
				field: 'id',
				message: `${showValue(id)} is used twice in ${list} (also at ${list}[${prev}])`
			});
		}
	};
	for (let i = 0; i < raw.length; i++) {
		const r = raw[i];
		if (!isPlainObject(r)) {
			problems.add({ list, index: i, message: `${showValue(r)} is not a record (an object)` });
			continue;
		}
		if (plain && plain(r)) {
			noteId(r.id, i);
			out[i] = r;
			continue;
		}
		// Most records hold only known, valid fields: then the parsed object itself is the clean
		// record, and a file of a million records does not allocate a million copies.
		let present = 0;
		let dropped = false;
		for (const f of fields) {
			const v = r[f.name];
			if (v === undefined) {
				if (!f.optional) problems.add({ list, index: i, field: f.name, message: 'is missing' });
				continue;
			}
			// An optional reference left empty (a cleared drop-down) means "none", like null.
			if (v === null || (v === '' && f.optional && f.type === 'id')) {
				if (!f.optional) problems.add({ list, index: i, field: f.name, message: 'is missing' });
				dropped = true;
				continue;
			}
			const why = checkValue(f.type, v);
			if (why) {
				problems.add({ list, index: i, field: f.name, message: why });
				dropped = true;
			} else present++;
		}
		let keys = 0;
		for (const key in r) {
			if (!Object.hasOwn(r, key)) continue;
			keys++;
			if (!known.has(key)) {
				const u = unknown.get(key);
				if (u) u.count++;
				else unknown.set(key, { count: 1, first: i });
			}
		}
		let clean: Record<string, unknown> = r;
		if (dropped || keys !== present) {
			clean = {};
			for (const f of fields) {
				const v = r[f.name];
				if (v === undefined || v === null || (v === '' && f.optional && f.type === 'id')) continue;
				if (checkValue(f.type, v) === undefined) clean[f.name] = v;
			}
		}
		noteId(r.id, i);
		if (list === 'stages' && typeof r.kind === 'string' && typeof r.probability === 'number') {
			const want = r.kind === 'won' ? 1 : r.kind === 'lost' ? 0 : undefined;
			if (want !== undefined && r.probability !== want && softProblems++ < 5) {
				warnings.push(
					`${problems.file}: stages[${i}].probability: a ${r.kind} stage should have probability ${want}, not ${r.probability}`
				);
			}
		}
		if (
			list === 'campaigns' &&
			isDate(r.startDate) &&
			isDate(r.endDate) &&
			(r.endDate as string) < (r.startDate as string) &&
			softProblems++ < 5
		) {
			warnings.push(`${problems.file}: campaigns[${i}].endDate: ends before it starts`);
		}
		// A target's window is its meaning: one that ends before it starts is refused, not warned
		// about (spec/targets-and-forecast.md), unlike a campaign's dates.
		if (
			list === 'targets' &&
			isDate(r.from) &&
			isDate(r.to) &&
			(r.to as string) < (r.from as string)
		) {
			problems.add({
				list,
				index: i,
				field: 'to',
				message: `${showValue(r.to)} is before from (${showValue(r.from)})`
			});
		}
		out[i] = clean;
	}
	for (const [key, u] of unknown) {
		const where =
			u.count === 1 ? `${list}[${u.first}]` : `${u.count} records, first ${list}[${u.first}]`;
		warnings.push(`${problems.file}: ${list}: unknown field ${showValue(key)} dropped (${where})`);
	}
	return out as unknown as Records[K];
}

const CURRENCY = /^[A-Z]{3}$/;

export function validateWorkspace(raw: unknown, problems: ProblemList): Workspace | undefined {
	if (!isPlainObject(raw)) {
		problems.add({
			field: 'workspace',
			message: raw === undefined ? 'is missing' : `${showValue(raw)} is not an object`
		});
		return undefined;
	}
	const before = problems.count;
	const { name, currency, timeZone } = raw;
	if (name === undefined || name === null) {
		problems.add({ field: 'workspace.name', message: 'is missing' });
	} else if (typeof name !== 'string') {
		problems.add({ field: 'workspace.name', message: `${showValue(name)} is not text` });
	}
	if (currency === undefined || currency === null) {
		problems.add({ field: 'workspace.currency', message: 'is missing' });
	} else if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
		problems.add({
			field: 'workspace.currency',
			message: `${showValue(currency)} is not a currency code (use 3 capital letters of ISO 4217, e.g. DKK)`
		});
	}
	if (timeZone === undefined || timeZone === null) {
		problems.add({ field: 'workspace.timeZone', message: 'is missing' });
	} else if (typeof timeZone !== 'string' || timeZone === '' || !isValidTimeZone(timeZone)) {
		problems.add({
			field: 'workspace.timeZone',
			message: `${showValue(timeZone)} is not a time zone (use an IANA name, e.g. Europe/Copenhagen)`
		});
	}
	if (problems.count > before) return undefined;
	return { name: name as string, currency: currency as string, timeZone: timeZone as string };
}

interface RefRule {
	list: RecordListName;
	field: string;
	target: RecordListName;
}

const REFERENCES: RefRule[] = [
	{ list: 'leads', field: 'ownerId', target: 'reps' },
	{ list: 'leads', field: 'stageId', target: 'stages' },
	{ list: 'leads', field: 'campaignId', target: 'campaigns' },
	{ list: 'stageEvents', field: 'leadId', target: 'leads' },
	{ list: 'stageEvents', field: 'stageId', target: 'stages' },
	{ list: 'stageEvents', field: 'repId', target: 'reps' },
	{ list: 'activities', field: 'leadId', target: 'leads' },
	{ list: 'activities', field: 'repId', target: 'reps' },
	{ list: 'customers', field: 'ownerId', target: 'reps' },
	{ list: 'customers', field: 'leadId', target: 'leads' },
	{ list: 'forecasts', field: 'repId', target: 'reps' },
	{ list: 'targets', field: 'repId', target: 'reps' }
];

/** One warning per kind of dangling reference (allowed by the KPI spec, but worth a look). */
export function referenceWarnings(records: Records, file: string): string[] {
	const ids = new Map<RecordListName, Set<string>>();
	const idsOf = (list: RecordListName): Set<string> => {
		let s = ids.get(list);
		if (!s) {
			s = new Set(records[list].map((r) => r.id));
			ids.set(list, s);
		}
		return s;
	};
	const out: string[] = [];
	for (const rule of REFERENCES) {
		const rows = records[rule.list] as unknown as Record<string, unknown>[];
		let count = 0;
		let first = -1;
		const known = idsOf(rule.target);
		// Neighbouring rows often name the same record (a lead's activities sit together):
		// a value equal to the one before has the same answer without a lookup.
		let last: unknown = undefined;
		let lastMissing = false;
		for (let i = 0; i < rows.length; i++) {
			const v = rows[i][rule.field];
			if (typeof v !== 'string' || v === '') continue;
			if (v !== last) {
				last = v;
				lastMissing = !known.has(v);
			}
			if (lastMissing && count++ === 0) first = i;
		}
		if (count > 0) {
			const what = count === 1 ? '1 record has' : `${count} records have`;
			out.push(
				`${file}: ${rule.list}: ${what} ${rule.field} not found in ${rule.target} (first ${rule.list}[${first}]: ${showValue(rows[first][rule.field])})`
			);
		}
	}
	return out;
}
