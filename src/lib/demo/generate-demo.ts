// The deterministic demo-data generator: a believable two years of a sales team's work, the
// same bytes for the same seed in Node, the page and a Web Worker (no Node APIs, no clock, no
// Math.random). Large sizes run in a few seconds: per-row work is plain loops over shared
// scratch arrays, and all time-zone work is looked up in a precomputed table of days.

import { DEFAULT_STAGE_IDS, defaultStages } from '../domain/default-pipeline';
import {
	daysInMonth,
	isIsoInstant,
	isValidTimeZone,
	MS_PER_DAY,
	MS_PER_HOUR,
	parseInstant
} from '../domain/time';
import {
	SHARED_FILE_VERSION,
	type Activity,
	type ActivityResponse,
	type ActivityType,
	type Campaign,
	type Customer,
	type Forecast,
	type Lead,
	type Rep,
	type SharedFile,
	type StageEvent,
	type Target
} from '../domain/types';
import { DayTable } from './calendar';
import {
	ACTIVITY_NOTES,
	CAMPAIGN_THEMES,
	COMPANY_FORMS,
	COMPANY_KINDS,
	COMPANY_STEMS,
	FIRST_NAMES,
	LAST_NAMES,
	LOST_REASON_WEIGHTS,
	LOST_REASONS,
	MARKETING_CHANNELS,
	MARKETING_SOURCES,
	SALES_CHANNELS,
	SALES_SOURCES
} from './names';
import { IdMaker, isoSeconds } from './fast-strings';
import { cumulative, Random } from './prng';

export type DemoSize = 'S' | 'M' | 'L';

/** How much to generate. Activities (~10 per lead) and stage events (~3) follow from `leads`. */
export interface DemoSizeSpec {
	reps: number;
	leads: number;
	campaigns: number;
}

export const DEMO_SIZES: Readonly<Record<DemoSize, Readonly<DemoSizeSpec>>> = {
	S: { reps: 1, leads: 1_000, campaigns: 10 },
	M: { reps: 5, leads: 10_000, campaigns: 24 },
	L: { reps: 20, leads: 100_000, campaigns: 60 }
};

export const DEMO_DEFAULT_NOW = '2026-11-27T12:00:00Z';
export const DEMO_DEFAULT_TIME_ZONE = 'Europe/Copenhagen';
export const DEMO_DEFAULT_SEED = 1;

export interface DemoOptions {
	/** A named size, or explicit counts (for tests and benchmarks). */
	size: DemoSize | DemoSizeSpec;
	/** Any integer; the same seed gives the same file. Default 1. */
	seed?: number;
	/** The instant the data ends at (ISO with offset or Z). Fixed default, never the clock. */
	now?: string;
	/** Workspace time zone: day boundaries, seasonality, date-only values. */
	timeZone?: string;
}

// Stage indexes into DEFAULT_STAGE_IDS.
const LEAD = 0;
const QUALIFIED = 2;
const NEGOTIATION = 4;
const WON = 5;
const LOST = 6;
const STAGE_IDS: readonly string[] = DEFAULT_STAGE_IDS;

// Per open stage: the chance that the lead stalls there (stays open for good), is lost, is won
// directly, or skips the next stage; otherwise it advances one stage.
const P_STALL = [0.1, 0.07, 0.06, 0.06, 0.06];
const P_LOST = [0.26, 0.2, 0.18, 0.22, 0.25];
const P_WON = [0, 0, 0.03, 0.18, 1];
const P_SKIP = [0.22, 0.14, 0.14, 0, 0];
// Median days spent in each open stage before the next move.
const GAP_DAYS = [2, 8, 10, 12, 14];
const P_REOPEN_LOST = 0.05;
const P_REOPEN_WON = 0.025;

const ACTIVITY_SCALE = 1.8;
const PROSPECTING_SHARE = 0.055;
const P_ACTIVITY_BEFORE_LEAD = 0.03;
const RESPONSE_SHARE = 0.55;
const ACT_TYPES: readonly ActivityType[] = ['call', 'email', 'meeting', 'other'];
const EARLY_TYPES = cumulative([45, 40, 5, 10]);
const LATE_TYPES = cumulative([30, 35, 25, 10]);
const PROSPECT_TYPES = cumulative([60, 35, 0, 5]);
const RESPONSES: readonly ActivityResponse[] = ['positive', 'negative', 'neutral'];
const RESP_WON = cumulative([55, 12, 33]);
const RESP_LOST = cumulative([22, 43, 35]);
const RESP_OPEN = cumulative([35, 25, 40]);
const RESP_PROSPECT = cumulative([15, 45, 40]);
const LOST_REASON_CUM = cumulative(LOST_REASON_WEIGHTS);

const MAX_EVENTS = 32;
const MAX_ACTIVITIES = 512;

function floorSec(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/** ISO instant at whole seconds with `Z`, e.g. `2026-11-27T12:00:00Z`. */
const iso = isoSeconds;

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function ascii(s: string): string {
	return s
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/[øö]/g, 'oe')
		.replace(/[åä]/g, 'aa')
		.replace(/[^a-z0-9]+/g, '');
}

function round(value: number, step: number): number {
	return Math.round(value / step) * step;
}

function resolveSize(size: DemoOptions['size']): { label: string; spec: DemoSizeSpec } {
	if (typeof size === 'string') {
		const spec = (DEMO_SIZES as Record<string, DemoSizeSpec>)[size];
		if (!spec) throw new Error(`Unknown demo size "${size}": use S, M or L`);
		return { label: size, spec };
	}
	const { reps, leads, campaigns } = size;
	for (const [name, v, min] of [
		['reps', reps, 1],
		['leads', leads, 1],
		['campaigns', campaigns, 0]
	] as const) {
		if (!Number.isInteger(v) || v < min || v > 10_000_000) {
			throw new Error(`Demo size: ${name} must be an integer >= ${min}, got ${v}`);
		}
	}
	return { label: 'C', spec: { reps, leads, campaigns } };
}

/**
 * Generates a whole shared file of demo data. Pure and deterministic: the result depends only
 * on the options.
 */
export function generateDemo(options: DemoOptions): SharedFile {
	const { label, spec } = resolveSize(options.size);
	const seed = options.seed ?? DEMO_DEFAULT_SEED;
	if (!Number.isSafeInteger(seed)) throw new Error(`Demo seed must be an integer, got ${seed}`);
	const now = options.now ?? DEMO_DEFAULT_NOW;
	if (!isIsoInstant(now)) {
		throw new Error(`Demo "now" must be an ISO instant with Z or an offset, got "${now}"`);
	}
	const timeZone = options.timeZone ?? DEMO_DEFAULT_TIME_ZONE;
	if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}"`);
	return new DemoBuilder(label, spec, seed, floorSec(parseInstant(now, 'UTC')), timeZone).build();
}

interface CampaignDraft {
	origin: 'marketing' | 'sales';
	channel: string;
	name: string;
	startDay: number;
	/** Inclusive; -1 = no end date. */
	endDay: number;
	leads: number;
}

class DemoBuilder {
	private readonly rng: Random;
	private readonly cal: DayTable;
	private readonly fromMs: number;
	private readonly dayFrom: number;
	private readonly dayNow: number;
	private readonly tag: string;

	private readonly repIds: string[] = [];
	private readonly repStart: number[] = [];
	private readonly repEnd: number[] = [];
	private readonly repSuccessor: number[] = [];
	private readonly campaigns: CampaignDraft[] = [];
	private readonly campaignIds: string[] = [];
	private activeMarketing: number[][] = [];
	private activeSales: number[][] = [];

	private readonly reps: Rep[] = [];
	private readonly leads: Lead[] = [];
	private readonly leadHasCustomer: Uint8Array;
	private readonly stageEvents: StageEvent[] = [];
	private readonly activities: Activity[] = [];
	private readonly customers: Customer[] = [];
	private readonly forecasts: Forecast[] = [];
	private readonly targets: Target[] = [];

	// Won value per (final owner, month) for the forecasts.
	private readonly monthBase: number;
	private readonly monthCount: number;
	private readonly wonByRepMonth: Float64Array;
	// Won leads and new leads per month (whole team), for the targets.
	private readonly wonCountByMonth: Float64Array;
	private readonly newLeadsByMonth: Float64Array;

	// Scratch for one lead at a time (no per-row allocations beyond the records themselves).
	private readonly evStage = new Int8Array(MAX_EVENTS);
	private readonly evAt = new Float64Array(MAX_EVENTS);
	private readonly actAt = new Float64Array(MAX_ACTIVITIES);

	private eventSeq = 0;
	private activitySeq = 0;
	private readonly leadIds: IdMaker;
	private readonly customerIds: IdMaker;
	private readonly eventIds: IdMaker;
	private readonly activityIds: IdMaker;

	constructor(
		private readonly label: string,
		private readonly spec: DemoSizeSpec,
		private readonly seed: number,
		private readonly nowMs: number,
		private readonly timeZone: string
	) {
		this.rng = new Random(seed);
		this.fromMs = nowMs - 730 * MS_PER_DAY;
		this.cal = new DayTable(this.fromMs, nowMs + 400 * MS_PER_DAY, timeZone);
		this.dayFrom = this.cal.indexOf(this.fromMs);
		this.dayNow = this.cal.indexOf(nowMs);
		this.tag = `${label}${seed}`;
		this.leadHasCustomer = new Uint8Array(spec.leads);
		const leadWidth = String(spec.leads).length;
		this.leadIds = new IdMaker(`lead-${this.tag}-`, leadWidth);
		this.customerIds = new IdMaker(`cust-${this.tag}-`, leadWidth);
		this.eventIds = new IdMaker(`ev-${this.tag}-`, String(spec.leads * 8).length);
		this.activityIds = new IdMaker(`act-${this.tag}-`, String(spec.leads * 30).length);
		const c = this.cal;
		this.monthBase = c.year[0] * 12 + c.month[0] - 1;
		this.monthCount = c.year[c.count - 1] * 12 + c.month[c.count - 1] - this.monthBase;
		this.wonByRepMonth = new Float64Array(spec.reps * this.monthCount);
		this.wonCountByMonth = new Float64Array(this.monthCount);
		this.newLeadsByMonth = new Float64Array(this.monthCount);
	}

	build(): SharedFile {
		const fromIso = iso(this.fromMs);
		this.makeReps();
		this.makeCampaigns();
		this.makeLeads();
		this.makeProspecting();
		this.makeForecasts();
		const campaigns = this.campaignRecords();
		this.makeTombstones(campaigns);
		// Last: its draws do not shift the random stream of everything above.
		this.makeTargets();
		return {
			format: 'tragt',
			version: SHARED_FILE_VERSION,
			exportedAt: iso(this.nowMs),
			workspace: {
				name: `Demo: Nordic team (${this.label === 'C' ? 'custom' : this.label})`,
				currency: 'DKK',
				timeZone: this.timeZone
			},
			reps: this.reps,
			stages: defaultStages(fromIso),
			campaigns,
			leads: this.leads,
			stageEvents: this.stageEvents,
			activities: this.activities,
			customers: this.customers,
			forecasts: this.forecasts,
			targets: this.targets
		};
	}

	// --- time helpers -------------------------------------------------------------------------

	/** A time of day in working hours, peaking around midday, in ms since the day's start. */
	private workTime(): number {
		const r = this.rng;
		return (8 + 5 * (r.next() + r.next())) * MS_PER_HOUR;
	}

	/** Moves `t` forward into working hours (08:00-17:30 on a weekday). */
	private snapWork(t: number): number {
		const c = this.cal;
		let i = c.indexOf(t);
		const h = c.hourOf(t, i);
		if (c.weekday[i] < 5 && h >= 8 && h < 17.5) return floorSec(t);
		if (!(c.weekday[i] < 5 && h < 8)) {
			i++;
			while (i < c.count - 1 && c.weekday[i] >= 5) i++;
		}
		return floorSec(c.start[i] + (8 + this.rng.next() * 2.5) * MS_PER_HOUR);
	}

	/**
	 * An instant in [a, b] following the seasonality of the day table (fewer in July, at
	 * Christmas and on weekends), in working hours where the interval allows.
	 */
	private sampleInstant(a: number, b: number): number {
		const r = this.rng;
		const c = this.cal;
		if (b - a < MS_PER_DAY) return floorSec(a + r.next() * (b - a));
		let u = 0;
		let i = 0;
		for (let tries = 0; tries < 8; tries++) {
			u = a + r.next() * (b - a);
			i = c.indexOf(u);
			if (r.next() * c.maxWeight < c.weight[i]) break;
		}
		const t = c.start[i] + this.workTime();
		return floorSec(t >= a && t <= b ? t : u);
	}

	// --- reps ---------------------------------------------------------------------------------

	private makeReps(): void {
		const r = this.rng;
		const n = this.spec.reps;
		const span = this.nowMs - this.fromMs;
		// One in ten reps left the team during the period, one in ten joined late.
		const leavers = n >= 5 ? Math.max(1, Math.floor(n / 10)) : 0;
		const joiners = n >= 5 ? Math.max(1, Math.floor(n / 10)) : 0;
		const used = new Set<string>();
		for (let i = 0; i < n; i++) {
			let name = '';
			do name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
			while (used.has(name) && used.size < FIRST_NAMES.length * LAST_NAMES.length);
			used.add(name);
			let start = this.fromMs;
			let end = Infinity;
			if (i >= 1 && i <= leavers) end = floorSec(this.fromMs + span * r.range(0.55, 0.85));
			if (i >= n - joiners) start = floorSec(this.fromMs + span * r.range(0.3, 0.6));
			const id = `rep-${this.tag}-${pad(i + 1, 2)}`;
			this.repIds.push(id);
			this.repStart.push(start);
			this.repEnd.push(end);
			// A leaver's leads pass to the first rep (who stays throughout).
			this.repSuccessor.push(end === Infinity ? i : 0);
			const [first, last] = name.split(' ');
			this.reps.push({
				id,
				updatedAt: iso(end === Infinity ? start : end),
				name,
				email: `${ascii(first)}.${ascii(last)}@tragt-demo.dk`,
				active: end === Infinity
			});
		}
	}

	/** The rep who does the work on a lead owned by `owner` at instant `t`. */
	private repAt(owner: number, t: number): number {
		return t < this.repEnd[owner] ? owner : this.repSuccessor[owner];
	}

	// --- campaigns ----------------------------------------------------------------------------

	private makeCampaigns(): void {
		const r = this.rng;
		const c = this.cal;
		const total = this.spec.campaigns;
		const ongoing = total >= 3 ? 1 : 0;
		const sales = total >= 2 ? Math.max(1, Math.round(total * 0.2)) : 0;
		const marketing = total - sales - ongoing;
		const span = this.dayNow - this.dayFrom;
		const lastEnd = this.dayNow + 60;
		const add = (origin: 'marketing' | 'sales', k: number, count: number, minDays: number) => {
			const channel = r.pick(origin === 'marketing' ? MARKETING_CHANNELS : SALES_CHANNELS);
			const duration = Math.round(r.range(minDays, minDays * 3.5));
			const center = this.dayFrom + ((k + r.next()) * span) / count;
			const startDay = Math.max(this.dayFrom + 1, Math.round(center - duration / 2));
			const endDay = Math.min(lastEnd, startDay + duration);
			const name = `${channel}: ${r.pick(CAMPAIGN_THEMES)} ${c.year[startDay]}`;
			this.campaigns.push({ origin, channel, name, startDay, endDay, leads: 0 });
		};
		if (ongoing) {
			this.campaigns.push({
				origin: 'marketing',
				channel: 'Organic search',
				name: 'Website and SEO',
				startDay: this.dayFrom + 1,
				endDay: -1,
				leads: 0
			});
		}
		for (let k = 0; k < marketing; k++) add('marketing', k, marketing, 55);
		for (let k = 0; k < sales; k++) add('sales', k, sales, 30);
		const width = String(this.campaigns.length + 1).length;
		this.campaigns.forEach((_, i) =>
			this.campaignIds.push(`camp-${this.tag}-${pad(i + 1, width)}`)
		);
		this.activeMarketing = new Array<number[]>(c.count);
		this.activeSales = new Array<number[]>(c.count);
		for (let d = 0; d < c.count; d++) {
			this.activeMarketing[d] = [];
			this.activeSales[d] = [];
		}
		this.campaigns.forEach((camp, ci) => {
			const end = camp.endDay < 0 ? this.dayNow : Math.min(camp.endDay, this.dayNow);
			const lists = camp.origin === 'marketing' ? this.activeMarketing : this.activeSales;
			for (let d = camp.startDay; d <= end; d++) lists[d].push(ci);
		});
	}

	private campaignRecords(): Campaign[] {
		const r = this.rng;
		const c = this.cal;
		return this.campaigns.map((camp, ci) => {
			// Budgets follow from a believable cost per lead, so KPI 3 gives sensible figures.
			const cpl = r.logNormal(camp.endDay < 0 ? 250 : camp.origin === 'marketing' ? 700 : 350, 0.5);
			const budget = Math.max(5_000, round(camp.leads * cpl, 1_000));
			const record: Campaign = {
				id: this.campaignIds[ci],
				updatedAt: iso(Math.max(this.fromMs, c.start[camp.startDay] - 3 * MS_PER_DAY)),
				name: camp.name,
				channel: camp.channel,
				origin: camp.origin,
				budget,
				startDate: c.date(camp.startDay)
			};
			if (camp.endDay >= 0) record.endDate = c.date(camp.endDay);
			return record;
		});
	}

	// --- leads, their stage histories, activities and customers -------------------------------

	private leadTimes(): Float64Array {
		const r = this.rng;
		const c = this.cal;
		const n = this.spec.leads;
		// Whole days only: the first (partial) day would pile its early hours onto one instant.
		const first = this.dayFrom + 1;
		const days = this.dayNow - first + 1;
		// Lead creation follows the seasons more softly than activities, and the team grows.
		const weights: number[] = [];
		for (let k = 0; k < days; k++) {
			weights.push(Math.sqrt(c.weight[first + k]) * (1 + (0.5 * k) / days));
		}
		const cum = cumulative(weights);
		const times = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const d = first + r.weighted(cum);
			// Most leads are entered in working hours; web forms arrive at any hour.
			const offset = r.chance(0.75) ? this.workTime() : r.next() * 24 * MS_PER_HOUR;
			const t = c.start[d] + offset;
			times[i] = floorSec(Math.min(this.nowMs - 60_000, Math.max(this.fromMs, t)));
		}
		return times.sort();
	}

	/** Runs the funnel for one lead; fills evStage/evAt and returns the number of events. */
	private stageHistory(createdAt: number): number {
		const r = this.rng;
		const st = this.evStage;
		const at = this.evAt;
		let k = 0;
		st[k] = LEAD;
		at[k++] = createdAt;
		let stage = LEAD;
		let t = createdAt;
		let reopened = false;
		while (k < MAX_EVENTS) {
			let next: number;
			let gapDays: number;
			if (stage === WON || stage === LOST) {
				// A few deals come back: a lost one revived, a won one that fell through.
				if (reopened || !r.chance(stage === WON ? P_REOPEN_WON : P_REOPEN_LOST)) break;
				reopened = true;
				next = stage === WON ? NEGOTIATION : 1 + r.int(3);
				gapDays = r.logNormal(40, 0.6);
			} else {
				const x = r.next();
				let p = P_STALL[stage];
				if (x < p) break;
				if (x < (p += P_LOST[stage])) next = LOST;
				else if (x < (p += P_WON[stage])) next = WON;
				else if (x < p + P_SKIP[stage]) next = stage + 2;
				else next = stage + 1;
				gapDays = r.logNormal(GAP_DAYS[stage], 0.8) * (next === LOST ? 1.5 : 1);
			}
			const raw = t + gapDays * MS_PER_DAY;
			if (raw >= this.nowMs) break;
			let t2 = this.snapWork(raw);
			if (t2 <= t) t2 = t + (1 + r.int(120)) * 60_000;
			if (t2 >= this.nowMs) break;
			st[k] = next;
			at[k++] = t2;
			t = t2;
			stage = next;
		}
		return k;
	}

	private makeLeads(): void {
		const r = this.rng;
		const c = this.cal;
		const times = this.leadTimes();
		const n = this.spec.leads;
		const candidates: number[] = [];
		for (let li = 0; li < n; li++) {
			const createdAt = times[li];
			const day = c.indexOf(createdAt);
			this.countMonth(this.newLeadsByMonth, createdAt);
			candidates.length = 0;
			for (let ri = 0; ri < this.spec.reps; ri++) {
				if (this.repStart[ri] <= createdAt && createdAt < this.repEnd[ri]) candidates.push(ri);
			}
			let owner = candidates.length ? r.pick(candidates) : 0;

			let campaign = -1;
			let origin: 'marketing' | 'sales';
			let source: string;
			if (r.chance(0.62)) {
				origin = 'marketing';
				const list = this.activeMarketing[day];
				if (list.length && r.chance(0.93)) campaign = r.pick(list);
				source = campaign >= 0 ? this.campaigns[campaign].channel : r.pick(MARKETING_SOURCES);
			} else {
				origin = 'sales';
				const list = this.activeSales[day];
				if (list.length && r.chance(0.3)) campaign = r.pick(list);
				source = campaign >= 0 ? this.campaigns[campaign].channel : r.pick(SALES_SOURCES);
			}
			if (campaign >= 0) this.campaigns[campaign].leads++;

			const first = r.pick(FIRST_NAMES);
			const last = r.pick(LAST_NAMES);
			const company = `${r.pick(COMPANY_STEMS)} ${r.pick(COMPANY_KINDS)} ${r.pick(COMPANY_FORMS)}`;
			const domain = ascii(company.slice(0, company.lastIndexOf(' ')));

			const k = this.stageHistory(createdAt);
			const finalStage = this.evStage[k - 1];
			const lastAt = this.evAt[k - 1];
			const open = finalStage !== WON && finalStage !== LOST;
			let qualifiedAt = Infinity;
			for (let e = 0; e < k; e++) {
				if (this.evStage[e] >= QUALIFIED && this.evStage[e] <= WON) {
					qualifiedAt = this.evAt[e];
					break;
				}
			}

			// Activities first: they decide who owns the lead in the end.
			const actCount = this.activityTimes(createdAt, k, open);
			const lastTouch = actCount ? Math.max(lastAt, this.actAt[actCount - 1]) : lastAt;
			const initialOwner = owner;
			if (open || lastTouch >= this.repEnd[owner]) owner = this.repSuccessor[owner];

			const id = this.leadIds.make(li + 1);
			for (let e = 0; e < k; e++) {
				const at = iso(this.evAt[e]);
				this.stageEvents.push({
					id: this.eventIds.make(++this.eventSeq),
					updatedAt: at,
					leadId: id,
					stageId: STAGE_IDS[this.evStage[e]],
					at,
					repId: this.repIds[this.repAt(initialOwner, this.evAt[e])]
				});
			}
			const respCum = open ? RESP_OPEN : finalStage === WON ? RESP_WON : RESP_LOST;
			for (let a = 0; a < actCount; a++) {
				const t = this.actAt[a];
				let rep = this.repAt(initialOwner, t);
				// Now and then a colleague covers, if that colleague is on the team at the time.
				if (this.spec.reps > 1 && r.chance(0.07)) {
					const other = r.int(this.spec.reps);
					if (this.repStart[other] <= t && t < this.repEnd[other]) rep = other;
				}
				this.pushActivity(id, rep, t, t < qualifiedAt ? EARLY_TYPES : LATE_TYPES, respCum);
			}

			const value = round(Math.min(2_000_000, Math.max(2_000, r.logNormal(35_000, 0.9))), 500);
			const hasValue = !r.chance(qualifiedAt < Infinity ? 0.05 : 0.35);
			let updated = lastAt + r.logNormal(1, 1) * MS_PER_HOUR;
			if (open) updated = lastAt + r.next() * 0.5 * (this.nowMs - lastAt);
			// Built in the data format's key order; optional fields only when present.
			const lead = {
				id,
				updatedAt: iso(floorSec(Math.min(this.nowMs, updated))),
				name: `${first} ${last}`,
				company,
				email: `${ascii(first)}@${domain}.dk`
			} as Lead;
			if (r.chance(0.8)) lead.phone = `+45 ${pad(20_000_000 + r.int(79_999_999), 8)}`;
			lead.ownerId = this.repIds[owner];
			if (campaign >= 0) lead.campaignId = this.campaignIds[campaign];
			lead.origin = origin;
			lead.source = source;
			lead.createdAt = iso(createdAt);
			lead.stageId = STAGE_IDS[finalStage];
			if (hasValue) lead.value = value;
			if (open) {
				// Later stages are expected to close sooner; the date is always in the future.
				const ahead = 7 + Math.round(r.range(0.3, 1.3) * (NEGOTIATION + 1 - finalStage) * 25);
				lead.expectedCloseDate = c.date(this.dayNow + ahead);
			} else if (finalStage === LOST) {
				lead.lostReason = LOST_REASONS[r.weighted(LOST_REASON_CUM)];
			}
			this.leads.push(lead);

			if (finalStage === WON) {
				this.leadHasCustomer[li] = 1;
				this.countMonth(this.wonCountByMonth, lastAt);
				if (hasValue) {
					const mi = c.year[c.indexOf(lastAt)] * 12 + c.month[c.indexOf(lastAt)] - 1;
					this.wonByRepMonth[owner * this.monthCount + mi - this.monthBase] += value;
				}
				this.makeCustomer(li + 1, id, company, owner, lastAt);
			}
		}
	}

	/** Fills actAt (sorted) with the lead's activity instants; returns how many. */
	private activityTimes(createdAt: number, k: number, open: boolean): number {
		const r = this.rng;
		const steps = k - 1;
		const finalStage = this.evStage[k - 1];
		// Some leads are never answered, mostly the ones that went nowhere.
		const unanswered = steps === 0 || (steps === 1 && finalStage === LOST) ? 0.3 : 0.03;
		if (r.chance(unanswered)) return 0;
		let n = Math.round(ACTIVITY_SCALE * (1.5 + steps * 1.6) * r.logNormal(1, 0.45));
		n = Math.min(MAX_ACTIVITIES, Math.max(1, n));
		// The first contact comes hours after the lead arrives, in working hours.
		const first = this.snapWork(createdAt + r.logNormal(5, 1.3) * MS_PER_HOUR);
		if (first >= this.nowMs) return 0;
		const lastEvent = this.evAt[k - 1];
		let end = lastEvent + (open ? 45 : 10) * MS_PER_DAY;
		end = Math.min(this.nowMs - 1000, end);
		const out = this.actAt;
		out[0] = first;
		for (let a = 1; a < n; a++) {
			if (end <= first) out[a] = Math.min(this.nowMs - 1000, first + a * 600_000);
			else out[a] = this.sampleInstant(first, end);
		}
		// Bad data happens: for a few leads one activity is dated before the lead exists.
		if (n > 1 && r.chance(P_ACTIVITY_BEFORE_LEAD)) {
			const before = floorSec(createdAt - r.logNormal(2, 1) * MS_PER_DAY);
			if (before >= this.fromMs) out[1 + r.int(n - 1)] = before;
		}
		out.subarray(0, n).sort();
		return n;
	}

	private pushActivity(
		leadId: string | undefined,
		rep: number,
		t: number,
		typeCum: Float64Array,
		respCum: Float64Array
	): void {
		const r = this.rng;
		const at = iso(t);
		const type = ACT_TYPES[r.weighted(typeCum)];
		// Most activities are logged as they happen; some are edited later.
		const updatedAt = r.chance(0.85)
			? at
			: iso(floorSec(Math.min(this.nowMs, t + r.logNormal(2, 1.2) * MS_PER_HOUR)));
		const id = this.activityIds.make(++this.activitySeq);
		const repId = this.repIds[rep];
		// Key order as in the data format; a prospecting activity has no leadId at all.
		const activity: Activity =
			leadId === undefined
				? { id, updatedAt, repId, type, at }
				: { id, updatedAt, leadId, repId, type, at };
		if (r.chance(type === 'meeting' ? 0.8 : RESPONSE_SHARE)) {
			activity.response = RESPONSES[r.weighted(respCum)];
		}
		if (r.chance(0.04)) activity.note = r.pick(ACTIVITY_NOTES);
		this.activities.push(activity);
	}

	private makeCustomer(
		leadNumber: number,
		leadId: string,
		company: string,
		owner: number,
		wonAt: number
	): void {
		const r = this.rng;
		const customer: Customer = {
			id: this.customerIds.make(leadNumber),
			updatedAt: iso(wonAt),
			name: company,
			ownerId: this.repIds[owner],
			leadId,
			since: iso(wonAt)
		};
		if (r.chance(0.22)) {
			const churn = wonAt + r.logNormal(200, 0.6) * MS_PER_DAY;
			if (churn < this.nowMs) {
				const churnedAt = Math.min(this.nowMs - 1000, this.snapWork(churn));
				customer.churnedAt = iso(churnedAt);
				customer.updatedAt = customer.churnedAt;
			}
		}
		this.customers.push(customer);
	}

	/** General prospecting: calls and emails not tied to a lead. */
	private makeProspecting(): void {
		const r = this.rng;
		const n = Math.round((this.activities.length * PROSPECTING_SHARE) / (1 - PROSPECTING_SHARE));
		for (let i = 0; i < n; i++) {
			const rep = r.int(this.spec.reps);
			const a = Math.max(this.fromMs, this.repStart[rep]);
			const b = Math.min(this.nowMs - 1000, this.repEnd[rep]);
			this.pushActivity(undefined, rep, this.sampleInstant(a, b), PROSPECT_TYPES, RESP_PROSPECT);
		}
	}

	// --- forecasts ----------------------------------------------------------------------------

	private makeForecasts(): void {
		const r = this.rng;
		const c = this.cal;
		// First day of every month in the table.
		const monthStart = new Map<number, number>();
		for (let d = 0; d < c.count; d++) {
			if (c.day[d] === 1) monthStart.set(c.year[d] * 12 + c.month[d] - 1, d);
		}
		const nowMonth = c.year[this.dayNow] * 12 + c.month[this.dayNow] - 1;
		const startOf = (m: number) => c.start[monthStart.get(m) ?? 0];
		const months: number[] = [];
		for (const [m] of monthStart) {
			if (startOf(m) >= this.fromMs && m <= nowMonth + 1) months.push(m);
		}
		const complete = (m: number) => m < nowMonth;
		const width = 6;
		let seq = 0;
		const stamp = (periodStart: number) =>
			iso(
				floorSec(
					Math.min(this.nowMs, Math.max(this.fromMs, periodStart - r.range(3, 10) * MS_PER_DAY))
				)
			);
		const add = (
			period: string,
			repId: string | undefined,
			amount: number,
			periodStart: number
		) => {
			const f = {
				id: `fc-${this.tag}-${pad(++seq, width)}`,
				updatedAt: stamp(periodStart),
				period
			} as Forecast;
			if (repId !== undefined) f.repId = repId;
			f.amount = Math.max(0, round(amount, 1_000));
			this.forecasts.push(f);
		};
		const won = (rep: number, m: number) =>
			this.wonByRepMonth[rep * this.monthCount + m - this.monthBase];
		const label = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

		for (let rep = 0; rep < this.spec.reps; rep++) {
			const active = months.filter(
				(m) => startOf(m + 1) > this.repStart[rep] && startOf(m) < this.repEnd[rep]
			);
			const done = active.filter(complete);
			const mean = done.length ? done.reduce((s, m) => s + won(rep, m), 0) / done.length : 0;
			for (const m of active) {
				// A forecast made ahead of the month: part knowledge of the pipeline, part habit.
				const guess = complete(m) ? 0.55 * won(rep, m) + 0.45 * mean : mean;
				add(label(m), this.repIds[rep], guess * r.logNormal(1, 0.18), startOf(m));
			}
		}

		// The whole team: the last four completed quarters, the current one, and whole years.
		const teamWon = (m0: number, m1: number) => {
			let sum = 0;
			for (let m = m0; m < m1; m++)
				for (let rep = 0; rep < this.spec.reps; rep++) sum += won(rep, m);
			return sum;
		};
		const q0 = nowMonth - (nowMonth % 3);
		for (let q = q0 - 12; q <= q0; q += 3) {
			if (!monthStart.has(q) || startOf(q) < this.fromMs) continue;
			const actual = teamWon(q, q + 3);
			const amount = q === q0 ? actual * 1.3 : actual;
			add(
				`${Math.floor(q / 12)}-Q${(q % 12) / 3 + 1}`,
				undefined,
				amount * r.logNormal(1, 0.12),
				startOf(q)
			);
		}
		const y0 = nowMonth - (nowMonth % 12);
		for (const y of [y0 - 12, y0]) {
			if (!monthStart.has(y) || startOf(y) < this.fromMs) continue;
			const actual = teamWon(y, y + 12);
			const amount = y === y0 ? (actual * 12) / ((nowMonth % 12) + 1) : actual;
			add(String(Math.floor(y / 12)), undefined, amount * r.logNormal(1, 0.1), startOf(y));
		}
	}

	/** Adds one to `counts` at the month of `t` (when the calendar holds it). */
	private countMonth(counts: Float64Array, t: number): void {
		const c = this.cal;
		const d = c.indexOf(t);
		if (d < 0 || d >= c.count) return;
		const i = c.year[d] * 12 + c.month[d] - 1 - this.monthBase;
		if (i >= 0 && i < counts.length) counts[i]++;
	}

	// --- targets ------------------------------------------------------------------------------

	/**
	 * Targets that show the feature on the dashboard: for the current month a won-value target
	 * per rep on the team now and a team target of deals won; for the current quarter a team
	 * target of new leads. Each is the recent monthly mean times a factor between 0.6 and 1.6,
	 * so that some are met, some ahead and some behind.
	 */
	private makeTargets(): void {
		const r = this.rng;
		const c = this.cal;
		const y = c.year[this.dayNow];
		const mo = c.month[this.dayNow];
		const nowMonth = y * 12 + mo - 1;
		const iso2 = (n: number) => String(n).padStart(2, '0');
		const firstOf = (m: number) => `${Math.floor(m / 12)}-${iso2((m % 12) + 1)}-01`;
		const lastOf = (m: number) => {
			const yy = Math.floor(m / 12);
			return `${yy}-${iso2((m % 12) + 1)}-${iso2(daysInMonth(yy, (m % 12) + 1))}`;
		};
		// The six months before this one that the generated history covers in full.
		const past: number[] = [];
		for (let m = nowMonth - 6; m < nowMonth; m++) if (m - 1 >= this.monthBase) past.push(m);
		const mean = (of: (m: number) => number) =>
			past.length ? past.reduce((sum, m) => sum + of(m), 0) / past.length : 0;
		const at = (counts: Float64Array, m: number) => counts[m - this.monthBase] ?? 0;
		// Set a few days before the window starts (or at the start of the history).
		const stamp = iso(floorSec(Math.max(this.fromMs, c.start[this.dayNow] - 20 * MS_PER_DAY)));
		let seq = 0;
		const add = (
			metric: Target['metric'],
			repId: string | undefined,
			from: string,
			to: string,
			amount: number
		) => {
			const t = { id: `tg-${this.tag}-${pad(++seq, 3)}`, updatedAt: stamp, metric } as Target;
			if (repId !== undefined) t.repId = repId;
			t.from = from;
			t.to = to;
			t.amount = amount;
			this.targets.push(t);
		};
		const factor = () => r.range(0.6, 1.6);

		const monthFrom = firstOf(nowMonth);
		const monthTo = lastOf(nowMonth);
		for (let rep = 0; rep < this.spec.reps; rep++) {
			if (this.repStart[rep] > this.nowMs || this.repEnd[rep] <= this.nowMs) continue;
			const won = mean((m) => this.wonByRepMonth[rep * this.monthCount + m - this.monthBase]);
			const amount = Math.max(10_000, round(won * factor(), 5_000));
			add('wonValue', this.repIds[rep], monthFrom, monthTo, amount);
		}
		const wonCount = mean((m) => at(this.wonCountByMonth, m));
		add('won', undefined, monthFrom, monthTo, Math.max(1, Math.round(wonCount * factor())));

		const q0 = nowMonth - (nowMonth % 3);
		const newLeads = mean((m) => at(this.newLeadsByMonth, m)) * 3;
		add(
			'newLeads',
			undefined,
			firstOf(q0),
			lastOf(q0 + 2),
			Math.max(1, Math.round(newLeads * factor()))
		);
	}

	// --- tombstones ---------------------------------------------------------------------------

	/** A handful of deleted records, so the bin is not empty. */
	private makeTombstones(campaigns: Campaign[]): void {
		const r = this.rng;
		const deleteAt = (updatedAt: string) => {
			const from = parseInstant(updatedAt, 'UTC');
			return iso(floorSec(from + r.next() * (this.nowMs - from)));
		};
		const few = Math.max(1, Math.round(Math.sqrt(this.spec.leads) / 60));
		const seen = new Set<number>();
		for (let tries = 0; seen.size < few && tries < few * 20; tries++) {
			const i = r.int(this.leads.length);
			if (this.leadHasCustomer[i] || seen.has(i)) continue;
			seen.add(i);
			const lead = this.leads[i];
			lead.deletedAt = deleteAt(lead.updatedAt);
			lead.updatedAt = lead.deletedAt;
		}
		for (let j = 0; j < few * 3 && this.activities.length; j++) {
			const a = this.activities[r.int(this.activities.length)];
			a.deletedAt = deleteAt(a.updatedAt);
			a.updatedAt = a.deletedAt;
		}
		if (this.forecasts.length) {
			const f = this.forecasts[r.int(this.forecasts.length)];
			f.deletedAt = deleteAt(f.updatedAt);
			f.updatedAt = f.deletedAt;
		}
		if (this.customers.length > 20) {
			const cu = this.customers[r.int(this.customers.length)];
			cu.deletedAt = deleteAt(cu.updatedAt);
			cu.updatedAt = cu.deletedAt;
		}
		// A campaign entered twice by mistake, then deleted.
		if (campaigns.length) {
			const original = campaigns[r.int(campaigns.length)];
			const deletedAt = deleteAt(original.updatedAt);
			campaigns.push({
				...original,
				id: `camp-${this.tag}-dup`,
				name: `${original.name} (copy)`,
				budget: 0,
				updatedAt: deletedAt,
				deletedAt
			});
		}
	}
}
