// Validation at the command boundary: a command that would write a bad record throws a
// ValidationError (naming the field) before anything is written, and its transaction aborts.

import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	ORIGINS,
	STAGE_KINDS,
	TARGET_METRICS,
	type RecordListName
} from '../domain/types';
import { isIsoDate, isIsoDateOrInstant, isIsoInstant } from '../domain/time';
import type { WriteContext } from './write-context';

export class ValidationError extends Error {
	readonly field: string;
	readonly list?: RecordListName;
	readonly id?: string;

	constructor(field: string, message: string, list?: RecordListName, id?: string) {
		super(`${list ? list + '.' : ''}${field}: ${message}`);
		this.name = 'ValidationError';
		this.field = field;
		this.list = list;
		this.id = id;
	}
}

type Row = { id: string; [field: string]: unknown };

/** Optional fields per list: empty string or null clears them (a grid cell emptied). */
const OPTIONAL: Record<RecordListName, string[]> = {
	reps: ['email', 'deletedAt'],
	stages: ['deletedAt'],
	campaigns: ['channel', 'startDate', 'endDate', 'deletedAt'],
	leads: [
		'company',
		'email',
		'phone',
		'campaignId',
		'source',
		'value',
		'expectedCloseDate',
		'lostReason',
		'deletedAt'
	],
	stageEvents: ['repId', 'deletedAt'],
	activities: ['leadId', 'response', 'note', 'deletedAt'],
	customers: ['ownerId', 'leadId', 'churnedAt', 'deletedAt'],
	forecasts: ['repId', 'deletedAt'],
	targets: ['repId', 'deletedAt']
};

/** Removes optional fields that are undefined, null or ''. Mutates and returns `row`. */
export function dropEmptyOptionals<T extends Row>(list: RecordListName, row: T): T {
	for (const f of OPTIONAL[list]) {
		const v = row[f];
		if (v === undefined || v === null || v === '') delete row[f];
	}
	return row;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

function fail(list: RecordListName, row: Row, field: string, message: string): never {
	throw new ValidationError(field, message, list, row.id);
}

function requireText(list: RecordListName, row: Row, field: string) {
	const v = row[field];
	if (typeof v !== 'string' || v.trim() === '') fail(list, row, field, 'is required');
}

function optionalText(list: RecordListName, row: Row, field: string) {
	const v = row[field];
	if (v !== undefined && typeof v !== 'string') fail(list, row, field, 'must be text');
}

function money(list: RecordListName, row: Row, field: string, required: boolean) {
	const v = row[field];
	if (v === undefined && !required) return;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
		fail(list, row, field, 'must be a number >= 0');
}

function oneOf(
	list: RecordListName,
	row: Row,
	field: string,
	values: readonly string[],
	required = true
) {
	const v = row[field];
	if (v === undefined && !required) return;
	if (typeof v !== 'string' || !values.includes(v))
		fail(list, row, field, `must be one of ${values.join(', ')}`);
}

function when(list: RecordListName, row: Row, field: string, required: boolean) {
	const v = row[field];
	if (v === undefined && !required) return;
	if (!isIsoDateOrInstant(v)) fail(list, row, field, 'must be a date or an instant');
}

function date(list: RecordListName, row: Row, field: string) {
	const v = row[field];
	if (v !== undefined && !isIsoDate(v)) fail(list, row, field, 'must be a date YYYY-MM-DD');
}

/** Checks that `row[field]` names a live record of `target` (only when the field is set). */
async function ref(
	ctx: WriteContext,
	list: RecordListName,
	row: Row,
	field: string,
	target: RecordListName
) {
	const v = row[field];
	if (v === undefined) return;
	if (typeof v !== 'string' || v === '') fail(list, row, field, 'must be an id');
	const found = await ctx.get<{ deletedAt?: string }>(target, v);
	if (!found) fail(list, row, field, `no such ${target} record: ${v}`);
	if (found.deletedAt) fail(list, row, field, `${target} record ${v} is deleted`);
}

/**
 * Checks a whole record. References are checked only for the fields in `refsToCheck` (the ones
 * being set by this command), so that editing a lead's name does not fail because its owner was
 * deleted long ago; pass undefined to check them all (creation).
 */
export async function validateRecord(
	ctx: WriteContext,
	list: RecordListName,
	row: Row,
	refsToCheck?: ReadonlySet<string>
): Promise<void> {
	if (typeof row.id !== 'string' || row.id === '') fail(list, row, 'id', 'is required');
	if (!isIsoInstant(row.updatedAt)) fail(list, row, 'updatedAt', 'must be an instant');
	if (row.deletedAt !== undefined && !isIsoInstant(row.deletedAt))
		fail(list, row, 'deletedAt', 'must be an instant');
	const check = (field: string) => !refsToCheck || refsToCheck.has(field);
	const r = async (field: string, target: RecordListName) => {
		if (check(field)) await ref(ctx, list, row, field, target);
	};
	switch (list) {
		case 'reps':
			requireText(list, row, 'name');
			optionalText(list, row, 'email');
			if (typeof row.active !== 'boolean') fail(list, row, 'active', 'must be true or false');
			break;
		case 'stages': {
			requireText(list, row, 'name');
			if (!Number.isInteger(row.order)) fail(list, row, 'order', 'must be a whole number');
			oneOf(list, row, 'kind', STAGE_KINDS);
			const p = row.probability;
			if (typeof p !== 'number' || !(p >= 0 && p <= 1))
				fail(list, row, 'probability', 'must be between 0 and 1');
			if (row.kind === 'won' && p !== 1)
				fail(list, row, 'probability', 'must be 1 for a won stage');
			if (row.kind === 'lost' && p !== 0)
				fail(list, row, 'probability', 'must be 0 for a lost stage');
			if (typeof row.qualified !== 'boolean') fail(list, row, 'qualified', 'must be true or false');
			break;
		}
		case 'campaigns':
			requireText(list, row, 'name');
			optionalText(list, row, 'channel');
			oneOf(list, row, 'origin', ORIGINS);
			money(list, row, 'budget', true);
			date(list, row, 'startDate');
			date(list, row, 'endDate');
			if (row.startDate && row.endDate && (row.endDate as string) < (row.startDate as string))
				fail(list, row, 'endDate', 'must not be before the start date');
			break;
		case 'leads':
			requireText(list, row, 'name');
			for (const f of ['company', 'email', 'phone', 'source', 'lostReason'])
				optionalText(list, row, f);
			oneOf(list, row, 'origin', ORIGINS);
			when(list, row, 'createdAt', true);
			money(list, row, 'value', false);
			date(list, row, 'expectedCloseDate');
			requireText(list, row, 'ownerId');
			requireText(list, row, 'stageId');
			await r('ownerId', 'reps');
			await r('campaignId', 'campaigns');
			await r('stageId', 'stages');
			break;
		case 'stageEvents':
			requireText(list, row, 'leadId');
			requireText(list, row, 'stageId');
			when(list, row, 'at', true);
			await r('leadId', 'leads');
			await r('stageId', 'stages');
			await r('repId', 'reps');
			break;
		case 'activities':
			requireText(list, row, 'repId');
			oneOf(list, row, 'type', ACTIVITY_TYPES);
			oneOf(list, row, 'response', ACTIVITY_RESPONSES, false);
			when(list, row, 'at', true);
			optionalText(list, row, 'note');
			await r('leadId', 'leads');
			await r('repId', 'reps');
			break;
		case 'customers':
			requireText(list, row, 'name');
			when(list, row, 'since', true);
			when(list, row, 'churnedAt', false);
			await r('ownerId', 'reps');
			await r('leadId', 'leads');
			break;
		case 'forecasts':
			if (typeof row.period !== 'string' || !PERIOD.test(row.period))
				fail(list, row, 'period', 'must be like 2026-11, 2026-Q4 or 2026');
			money(list, row, 'amount', true);
			await r('repId', 'reps');
			break;
		case 'targets':
			oneOf(list, row, 'metric', TARGET_METRICS);
			if (row.from === undefined) fail(list, row, 'from', 'is required');
			date(list, row, 'from');
			if (row.to === undefined) fail(list, row, 'to', 'is required');
			date(list, row, 'to');
			if ((row.to as string) < (row.from as string))
				fail(list, row, 'to', 'must not be before the from date');
			money(list, row, 'amount', true);
			await r('repId', 'reps');
			break;
	}
}
