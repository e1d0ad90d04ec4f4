// Rows of a CSV table -> records, checked as a whole. Nothing here writes: the caller writes
// the records only when `problems` is empty. Every problem names the row (as a spreadsheet
// numbers it: the header is row 1) and the column (the source header).
//
// Re-import without duplicates: a row keeps its source id when the id column is mapped (the
// data format keeps imported ids); otherwise its id is a hash of the mapped cells (a natural
// key) and of how often that key occurred before, so the same file gives the same ids. Stage
// events derive their ids from the lead's, new reps and campaigns from their names.
import { parseInstant } from '../../domain/time';
import type {
	Activity,
	ActivityResponse,
	ActivityType,
	Campaign,
	Customer,
	Forecast,
	Lead,
	Origin,
	Records,
	Rep,
	Stage,
	StageEvent
} from '../../domain/types';
import { emptyRecords } from '../../domain/types';
import type { DateOrder } from './detect';
import { mappedColumns, TARGET_FIELDS, type ColumnMapping, type ImportKind } from './fields';
import {
	isCellError,
	readBoolean,
	readDate,
	readDay,
	readNumber,
	type CellError,
	type DateOptions
} from './values';
import { stableId, suggestCampaign, suggestRep, suggestStage, suggestType } from './value-maps';

export interface CsvTable {
	/** Column names (from the header row, or `Column 1`... without one). */
	headers: string[];
	rows: string[][];
	/** Spreadsheet row number of rows[i] is rowNumbers?.[i] ?? firstRow + i. */
	firstRow: number;
	rowNumbers?: number[];
}

export interface ImportSettings {
	kind: ImportKind;
	dateOrder: DateOrder;
	decimalComma: boolean;
	mapping: ColumnMapping;
	/** Source value (trimmed) -> stage id. Values not listed use suggestStage. */
	stageMap?: Record<string, string>;
	/** Source value -> existing rep id. Values not listed match a rep by name or create one. */
	repMap?: Record<string, string>;
	campaignMap?: Record<string, string>;
	typeMap?: Record<string, ActivityType>;
	/** The open stage a closed deal was in before it closed (entered at its created/engaged date). */
	closedFromStageId?: string;
	defaultOrigin?: Origin;
	/**
	 * The table comes from a workbook: a plain number in a date column is an Excel date serial
	 * (days since 1899-12-30; the fraction is the time of day).
	 */
	excelDates?: boolean;
}

export interface ImportContext {
	timeZone: string;
	/** Stamped as updatedAt, and the created date of leads with no date at all. */
	now: string;
	stages: readonly Stage[];
	reps: readonly Rep[];
	campaigns: readonly Campaign[];
	/** Owner of rows with no owner column. */
	meRepId?: string;
}

export interface ImportProblem {
	row: number;
	column: string;
	value: string;
	message: string;
}

export interface ConvertResult {
	records: Records;
	problems: ImportProblem[];
	/** All problems, also those past the cap. */
	problemCount: number;
	rows: number;
	newReps: number;
	newCampaigns: number;
}

export const MAX_IMPORT_PROBLEMS = 1000;

/** One problem as a line: `Row 5,012, column close_date: "2017-13-01" is not a date`. */
export function describeProblem(p: ImportProblem): string {
	const where = p.column
		? `Row ${p.row.toLocaleString('en-US')}, column ${p.column}`
		: `Row ${p.row.toLocaleString('en-US')}`;
	return p.value !== '' ? `${where}: "${p.value}" ${p.message}` : `${where}: ${p.message}`;
}

const RESPONSES: Record<string, ActivityResponse> = {
	positive: 'positive',
	positiv: 'positive',
	yes: 'positive',
	interested: 'positive',
	negative: 'negative',
	negativ: 'negative',
	no: 'negative',
	neutral: 'neutral'
};

const ORIGINS: Record<string, Origin> = {
	marketing: 'marketing',
	inbound: 'marketing',
	sales: 'sales',
	salg: 'sales',
	outbound: 'sales'
};

type Cell = (field: string) => string;

/**
 * A value map's entry for a source value: exact first, then regardless of case and surrounding
 * space (HubSpot's labels changed casing over the years; ids are lower case).
 */
export function valueIn<T>(map: Record<string, T> | undefined, raw: string): T | undefined {
	if (!map) return undefined;
	const exact = map[raw];
	if (exact !== undefined) return exact;
	const v = raw.trim().toLowerCase();
	for (const [k, t] of Object.entries(map)) if (k.trim().toLowerCase() === v) return t;
	return undefined;
}

class Converter {
	readonly out = emptyRecords();
	readonly problems: ImportProblem[] = [];
	problemCount = 0;
	newReps = 0;
	newCampaigns = 0;
	// Plain fields and a prototype-free object: this runs once per cell of 100k-row files.
	private readonly col: Record<string, number> = Object.create(null);
	/** Fields mapped to several columns: the first non-empty cell of a row is used. */
	private readonly cols: Record<string, number[]> = Object.create(null);
	/** For such a field, the column the last read cell came from (problems name it). */
	private readonly colUsed: Record<string, number> = Object.create(null);
	private readonly dateOptions: DateOptions;
	private current: readonly string[] = [];
	private readonly repIds = new Map<string, string>();
	private readonly campaignIds = new Map<string, string>();
	private readonly stageIds = new Map<string, string | undefined>();
	private readonly seenIds = new Map<string, number>();
	private readonly keyCounts = new Map<string, number>();
	private readonly stageById: Map<string, Stage>;
	private readonly firstOpen: string | undefined;
	private readonly firstWon: string | undefined;
	private readonly firstLost: string | undefined;
	row = 0;

	constructor(
		readonly table: CsvTable,
		readonly s: ImportSettings,
		readonly ctx: ImportContext
	) {
		for (const field of Object.keys(s.mapping)) {
			const found = mappedColumns(s.mapping, field)
				.map((h) => table.headers.indexOf(h))
				.filter((i) => i >= 0);
			if (found.length === 1) this.col[field] = found[0];
			else if (found.length > 1) this.cols[field] = found;
		}
		this.dateOptions = { excelSerial: !!s.excelDates };
		const live = ctx.stages.filter((st) => !st.deletedAt).sort((a, b) => a.order - b.order);
		this.stageById = new Map(live.map((st) => [st.id, st]));
		this.firstOpen = live.find((st) => st.kind === 'open')?.id;
		this.firstWon = live.find((st) => st.kind === 'won')?.id;
		this.firstLost = live.find((st) => st.kind === 'lost')?.id;
	}

	mapped(field: string): boolean {
		return this.col[field] !== undefined || this.cols[field] !== undefined;
	}

	header(field: string): string {
		const i = this.col[field] ?? this.colUsed[field] ?? this.cols[field]?.[0];
		return i === undefined ? field : this.table.headers[i];
	}

	/** The cell reader for `row` (one function reused for every row: no allocation per row). */
	cellFn(row: readonly string[]): Cell {
		this.current = row;
		return this.cell;
	}

	readonly cell: Cell = (field) => {
		const i = this.col[field];
		if (i === undefined) return this.cols[field] === undefined ? '' : this.firstOf(field);
		const v = this.current[i];
		if (v === undefined || v === '') return '';
		// Most cells have no surrounding space: skip the copy trim() would make.
		return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
	};

	/** The first non-empty cell of a field mapped to several columns. */
	private firstOf(field: string): string {
		const list = this.cols[field];
		this.colUsed[field] = list[0];
		for (const i of list) {
			const v = (this.current[i] ?? '').trim();
			if (v !== '') {
				this.colUsed[field] = i;
				return v;
			}
		}
		return '';
	}

	problem(field: string, value: string, message: string): void {
		this.problemCount++;
		if (this.problems.length < MAX_IMPORT_PROBLEMS)
			this.problems.push({
				row: this.row,
				column: this.mapped(field) ? this.header(field) : '',
				value,
				message
			});
	}

	check<T>(field: string, raw: string, v: T | CellError): T | undefined {
		if (isCellError(v)) {
			this.problem(field, raw, v.error);
			return undefined;
		}
		return v;
	}

	date(cell: Cell, field: string): string | undefined {
		const raw = cell(field);
		return this.check(
			field,
			raw,
			readDate(raw, this.s.dateOrder, this.ctx.timeZone, this.dateOptions)
		);
	}

	day(cell: Cell, field: string): string | undefined {
		const raw = cell(field);
		return this.check(
			field,
			raw,
			readDay(raw, this.s.dateOrder, this.ctx.timeZone, this.dateOptions)
		);
	}

	money(cell: Cell, field: string): number | undefined {
		const raw = cell(field);
		const v = this.check(field, raw, readNumber(raw, this.s.decimalComma));
		if (v !== undefined && v < 0) {
			this.problem(field, raw, 'is negative (amounts are 0 or more)');
			return undefined;
		}
		return v;
	}

	bool(cell: Cell, field: string): boolean | undefined {
		if (!this.mapped(field)) return undefined;
		const raw = cell(field);
		return this.check(field, raw, readBoolean(raw));
	}

	/** The record id: the source id, or a natural key hash (stable across re-imports). */
	recordId(cell: Cell, prefix: string, keyFields: readonly string[]): string | undefined {
		let id = cell('id');
		if (!id) {
			const key = keyFields.map((f) => cell(f)).join('\u001f');
			const n = (this.keyCounts.get(key) ?? 0) + 1;
			this.keyCounts.set(key, n);
			id = stableId(prefix, `${key}\u001f${n}`);
		}
		const before = this.seenIds.get(id);
		if (before !== undefined) {
			this.problem('id', id, `is also the id of row ${before.toLocaleString('en-US')}`);
			return undefined;
		}
		this.seenIds.set(id, this.row);
		return id;
	}

	rep(cell: Cell, field: string): string | undefined {
		const raw = cell(field);
		if (!raw) return undefined;
		let id = this.repIds.get(raw);
		if (id) return id;
		id = this.s.repMap?.[raw] || suggestRep(raw, this.ctx.reps);
		if (!id) {
			id = stableId('rep-', raw.toLowerCase());
			// Created by an earlier import of this name (perhaps renamed since): keep it as it is.
			if (!this.out.reps.some((r) => r.id === id) && !this.ctx.reps.some((r) => r.id === id)) {
				this.out.reps.push({ id, updatedAt: this.ctx.now, name: raw, active: true });
				this.newReps++;
			}
		}
		this.repIds.set(raw, id);
		return id;
	}

	campaign(cell: Cell, field: string): string | undefined {
		const raw = cell(field);
		if (!raw) return undefined;
		let id = this.campaignIds.get(raw);
		if (id) return id;
		id = this.s.campaignMap?.[raw] || suggestCampaign(raw, this.ctx.campaigns);
		if (!id) {
			id = stableId('cmp-', raw.toLowerCase());
			if (
				!this.out.campaigns.some((c) => c.id === id) &&
				!this.ctx.campaigns.some((c) => c.id === id)
			) {
				this.out.campaigns.push({
					id,
					updatedAt: this.ctx.now,
					name: raw,
					origin: 'marketing',
					budget: 0
				});
				this.newCampaigns++;
			}
		}
		this.campaignIds.set(raw, id);
		return id;
	}

	stage(raw: string): string | undefined {
		if (this.stageIds.has(raw)) return this.stageIds.get(raw);
		const chosen = valueIn(this.s.stageMap, raw);
		const id = chosen && this.stageById.has(chosen) ? chosen : suggestStage(raw, this.ctx.stages);
		this.stageIds.set(raw, id);
		return id;
	}

	origin(cell: Cell, field: string): Origin | undefined {
		const raw = cell(field);
		if (!raw) return undefined;
		const o = ORIGINS[raw.toLowerCase()];
		if (!o) this.problem(field, raw, 'is not marketing or sales');
		return o;
	}

	ms(v: string): number {
		return parseInstant(v, this.ctx.timeZone);
	}

	/** a < b as instants; two plain dates compare as text (the common case, and cheap). */
	before(a: string, b: string): boolean {
		if (a.length === 10 && b.length === 10) return a < b;
		return this.ms(a) < this.ms(b);
	}

	// ---- per kind ----

	lead(cell: Cell): void {
		const { ctx, s } = this;
		const id = this.recordId(cell, 'imp-', [
			'name',
			'firstName',
			'lastName',
			'company',
			'email',
			'createdAt'
		]);
		const created = this.date(cell, 'createdAt');
		const engaged = this.date(cell, 'engagedAt');
		const closedAny = this.date(cell, 'closedAt');
		const wonAt = this.date(cell, 'wonAt');
		const lostAt = this.date(cell, 'lostAt');
		const value = this.money(cell, 'value');
		const expected = this.day(cell, 'expectedCloseDate');
		const isClosed = this.bool(cell, 'isClosed');
		const isWon = this.bool(cell, 'isWon');
		const ownerId =
			this.rep(cell, 'owner') ?? ctx.meRepId ?? ctx.reps.find((r) => !r.deletedAt)?.id;
		if (!ownerId) this.problem('owner', '', 'is needed: choose the column with the owner');
		const campaignId = this.campaign(cell, 'campaign');
		const origin =
			this.origin(cell, 'origin') ??
			(campaignId
				? (
						this.out.campaigns.find((c) => c.id === campaignId) ??
						ctx.campaigns.find((c) => c.id === campaignId)
					)?.origin
				: undefined) ??
			s.defaultOrigin ??
			'sales';

		let stageId: string | undefined;
		const rawStage = cell('stage');
		if (rawStage) stageId = this.stage(rawStage);
		// Pipedrive keeps the open stage of a closed deal and writes the outcome beside it: a deal
		// whose status is won is won, whatever its stage is called.
		const rawOutcome = cell('outcome');
		const outcome = rawOutcome.toLowerCase();
		let decided = false;
		if (outcome === 'won' || outcome === 'lost') {
			stageId = outcome === 'won' ? this.firstWon : this.firstLost;
			decided = true;
		} else if (outcome && outcome !== 'open' && outcome !== 'deleted')
			this.problem('outcome', rawOutcome, 'is not open, won or lost');
		if (isClosed) {
			stageId = isWon ? this.firstWon : this.firstLost;
			decided = true;
		} else if (isClosed === false && stageId && this.stageById.get(stageId)?.kind !== 'open')
			stageId = this.firstOpen;
		else if (isWon && !this.mapped('isClosed')) {
			// HubSpot writes "Is Closed Won" without a closed flag beside it.
			stageId = this.firstWon;
			decided = true;
		}
		if (rawStage && !stageId && !decided)
			this.problem('stage', rawStage, 'has no stage chosen for it');
		stageId ??= this.firstOpen;
		const kind = stageId ? this.stageById.get(stageId)?.kind : undefined;
		// The close: a won deal's won time, a lost deal's lost time, else the close date.
		const closed =
			kind === 'won' ? (wonAt ?? closedAny) : kind === 'lost' ? (lostAt ?? closedAny) : closedAny;

		const name =
			cell('name') ||
			`${cell('firstName')} ${cell('lastName')}`.trim() ||
			cell('company') ||
			cell('id') ||
			'';
		if (!id || !stageId || !ownerId || !kind) return;

		const createdAt = created ?? engaged ?? closed ?? closedAny ?? ctx.now;
		const events: StageEvent[] = [];
		const ev = (n: number, stage: string, at: string) =>
			events.push({
				id: `${id}~${n}`,
				updatedAt: ctx.now,
				leadId: id,
				stageId: stage,
				at,
				repId: ownerId
			});
		if (kind === 'open') {
			const at = engaged ?? createdAt;
			if (
				engaged &&
				created &&
				stageId !== this.firstOpen &&
				this.firstOpen &&
				this.before(created, engaged)
			)
				ev(1, this.firstOpen, created);
			ev(2, stageId, at);
		} else {
			if (!closed) {
				const own = kind === 'won' ? 'wonAt' : 'lostAt';
				const field = this.mapped(own) || !this.mapped('closedAt') ? own : 'closedAt';
				this.problem(
					this.mapped(field) ? field : 'closedAt',
					'',
					this.mapped(field)
						? `is empty for a ${kind} deal`
						: 'is needed for won and lost deals: choose the close date column (or the won and lost time columns)'
				);
				return;
			}
			const from =
				s.closedFromStageId && this.stageById.has(s.closedFromStageId)
					? s.closedFromStageId
					: this.firstOpen;
			let start = engaged ?? createdAt;
			// A deal "closed" before it was created (Salesforce exports do this): its history
			// starts at the close so that the close stays its last event.
			if (this.before(closed, start)) start = closed;
			if (from) ev(1, from, start);
			ev(2, stageId, closed);
		}
		const lead: Lead = { id, updatedAt: ctx.now, name, ownerId, origin, createdAt, stageId };
		const company = cell('company');
		if (company) lead.company = company;
		const email = cell('email');
		if (email) lead.email = email;
		const phone = cell('phone');
		if (phone) lead.phone = phone;
		if (campaignId) lead.campaignId = campaignId;
		const source = cell('source');
		if (source) lead.source = source;
		if (value !== undefined) lead.value = value;
		if (expected) lead.expectedCloseDate = expected;
		const lostReason = cell('lostReason');
		if (lostReason) lead.lostReason = lostReason;
		this.out.leads.push(lead);
		for (const e of events) this.out.stageEvents.push(e);
	}

	activity(cell: Cell): void {
		const { ctx, s } = this;
		const id = this.recordId(cell, 'act-', ['at', 'owner', 'leadId', 'type', 'note']);
		const at = this.date(cell, 'at');
		if (!at && !cell('at'))
			this.problem('at', '', this.mapped('at') ? 'is empty' : 'is needed: choose the date column');
		const repId = this.rep(cell, 'owner') ?? ctx.meRepId ?? ctx.reps.find((r) => !r.deletedAt)?.id;
		if (!repId) this.problem('owner', '', 'is needed: choose the column with the rep');
		const rawType = cell('type');
		const type = valueIn(s.typeMap, rawType) ?? suggestType(rawType);
		let response: ActivityResponse | undefined;
		const rawResponse = cell('response');
		if (rawResponse) {
			response = RESPONSES[rawResponse.toLowerCase()];
			if (!response) this.problem('response', rawResponse, 'is not positive, negative or neutral');
		}
		if (!id || !at || !repId) return;
		const a: Activity = { id, updatedAt: ctx.now, repId, type, at };
		const leadId = cell('leadId');
		if (leadId) a.leadId = leadId;
		if (response) a.response = response;
		const note = cell('note');
		if (note) a.note = note;
		this.out.activities.push(a);
	}

	campaignRow(cell: Cell): void {
		const name = cell('name');
		if (!name)
			this.problem(
				'name',
				'',
				this.mapped('name') ? 'is empty' : 'is needed: choose the name column'
			);
		const id = this.recordId(cell, 'cmp-', ['name']);
		const budget = this.money(cell, 'budget') ?? 0;
		const startDate = this.day(cell, 'startDate');
		const endDate = this.day(cell, 'endDate');
		const origin = this.origin(cell, 'origin') ?? this.s.defaultOrigin ?? 'marketing';
		if (startDate && endDate && endDate < startDate)
			this.problem('endDate', cell('endDate'), 'is before the start date');
		if (!id || !name) return;
		const c: Campaign = { id, updatedAt: this.ctx.now, name, origin, budget };
		const channel = cell('channel');
		if (channel) c.channel = channel;
		if (startDate) c.startDate = startDate;
		if (endDate) c.endDate = endDate;
		this.out.campaigns.push(c);
	}

	customer(cell: Cell): void {
		const name = cell('name');
		if (!name)
			this.problem(
				'name',
				'',
				this.mapped('name') ? 'is empty' : 'is needed: choose the name column'
			);
		const id = this.recordId(cell, 'cus-', ['name', 'since']);
		const since = this.date(cell, 'since');
		if (!since && !cell('since'))
			this.problem(
				'since',
				'',
				this.mapped('since') ? 'is empty' : 'is needed: choose the "customer since" column'
			);
		const churnedAt = this.date(cell, 'churnedAt');
		const ownerId = this.rep(cell, 'owner');
		if (!id || !name || !since) return;
		const c: Customer = { id, updatedAt: this.ctx.now, name, since };
		if (ownerId) c.ownerId = ownerId;
		const leadId = cell('leadId');
		if (leadId) c.leadId = leadId;
		if (churnedAt) c.churnedAt = churnedAt;
		this.out.customers.push(c);
	}

	forecast(cell: Cell): void {
		const raw = cell('period');
		const period = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/.test(raw) ? raw : undefined;
		if (!period)
			this.problem(
				'period',
				raw,
				raw ? 'is not a period (use 2026-11, 2026-Q4 or 2026)' : 'is empty'
			);
		const amount = this.money(cell, 'amount');
		if (amount === undefined && !cell('amount')) this.problem('amount', '', 'is empty');
		const repId = this.rep(cell, 'owner');
		const id = this.recordId(cell, 'fc-', ['period', 'owner']);
		if (!id || !period || amount === undefined) return;
		const f: Forecast = { id, updatedAt: this.ctx.now, period, amount };
		if (repId) f.repId = repId;
		this.out.forecasts.push(f);
	}
}

/** Converts a whole table; never throws for any input. */
export function convertTable(
	table: CsvTable,
	settings: ImportSettings,
	ctx: ImportContext
): ConvertResult {
	const c = new Converter(table, settings, ctx);
	for (const f of TARGET_FIELDS[settings.kind]) {
		if (f.key === 'name' && settings.kind === 'leads') continue;
		const headers = mappedColumns(settings.mapping, f.key);
		const missing = headers.filter((h) => !table.headers.includes(h));
		if (headers.length > 0 && missing.length === headers.length) {
			c.row = table.firstRow - 1;
			c.problem(f.key, missing.join(' / '), 'is not a column of this file');
		}
	}
	const rowFn =
		settings.kind === 'leads'
			? c.lead
			: settings.kind === 'activities'
				? c.activity
				: settings.kind === 'campaigns'
					? c.campaignRow
					: settings.kind === 'customers'
						? c.customer
						: c.forecast;
	for (let i = 0; i < table.rows.length; i++) {
		c.row = table.rowNumbers?.[i] ?? table.firstRow + i;
		rowFn.call(c, c.cellFn(table.rows[i]));
	}
	return {
		records: c.out,
		problems: c.problems,
		problemCount: c.problemCount,
		rows: table.rows.length,
		newReps: c.newReps,
		newCampaigns: c.newCampaigns
	};
}
