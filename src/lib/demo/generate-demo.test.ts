import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isIsoDate, isIsoInstant, parseInstant, toIsoDateInZone } from '../domain/time';
import {
	ACTIVITY_RESPONSES,
	ACTIVITY_TYPES,
	ORIGINS,
	RECORD_LIST_NAMES,
	STAGE_KINDS,
	TARGET_METRICS,
	type SharedFile,
	type StageEvent
} from '../domain/types';
import { computeKpis } from '../kpi/compute';
import { datasetFromRecords } from '../kpi/dataset';
import { DEMO_DEFAULT_NOW, generateDemo } from './generate-demo';

const NOW_MS = Date.parse(DEMO_DEFAULT_NOW);
const TWO_YEARS_AGO = NOW_MS - 731 * 86_400_000;
const WHOLE_SECOND_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

// Cached: the same instant strings are read by many tests.
const parsed = new Map<string, number>();
const ms = (value: string) => {
	let t = parsed.get(value);
	if (t === undefined) parsed.set(value, (t = parseInstant(value, 'Europe/Copenhagen')));
	return t;
};

/** Every problem with the file per spec/data-format.md, as readable strings (empty = valid). */
function problems(file: SharedFile): string[] {
	const out: string[] = [];
	const bad = (list: string, i: number, field: string, v: unknown) =>
		out.push(`${list}[${i}].${field} = ${JSON.stringify(v)}`);
	const str = (v: unknown) => typeof v === 'string' && v.length > 0;
	const optStr = (v: unknown) => v === undefined || typeof v === 'string';
	const money = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
	const instant = (v: unknown) => isIsoInstant(v) && WHOLE_SECOND_Z.test(v as string);

	if (file.format !== 'tragt') out.push('format');
	if (file.version !== 2) out.push('version');
	if (!instant(file.exportedAt)) out.push('exportedAt');
	if (!str(file.workspace.name) || !/^[A-Z]{3}$/.test(file.workspace.currency)) out.push('ws');
	for (const name of RECORD_LIST_NAMES) {
		file[name].forEach((r, i) => {
			if (!str(r.id)) bad(name, i, 'id', r.id);
			if (!instant(r.updatedAt)) bad(name, i, 'updatedAt', r.updatedAt);
			if (r.deletedAt !== undefined && !instant(r.deletedAt))
				bad(name, i, 'deletedAt', r.deletedAt);
		});
	}
	file.reps.forEach((r, i) => {
		if (!str(r.name)) bad('reps', i, 'name', r.name);
		if (typeof r.active !== 'boolean') bad('reps', i, 'active', r.active);
		if (!optStr(r.email)) bad('reps', i, 'email', r.email);
	});
	file.stages.forEach((s, i) => {
		if (!Number.isInteger(s.order)) bad('stages', i, 'order', s.order);
		if (!STAGE_KINDS.includes(s.kind)) bad('stages', i, 'kind', s.kind);
		if (!(s.probability >= 0 && s.probability <= 1)) bad('stages', i, 'probability', s.probability);
	});
	file.campaigns.forEach((c, i) => {
		if (!str(c.name)) bad('campaigns', i, 'name', c.name);
		if (!ORIGINS.includes(c.origin)) bad('campaigns', i, 'origin', c.origin);
		if (!money(c.budget)) bad('campaigns', i, 'budget', c.budget);
		if (c.startDate !== undefined && !isIsoDate(c.startDate)) bad('campaigns', i, 'start', c);
		if (c.endDate !== undefined && !isIsoDate(c.endDate)) bad('campaigns', i, 'end', c);
		if (c.startDate && c.endDate && c.endDate < c.startDate) bad('campaigns', i, 'dates', c);
	});
	file.leads.forEach((l, i) => {
		if (!str(l.name) || !str(l.ownerId) || !str(l.stageId)) bad('leads', i, 'required', l);
		if (!ORIGINS.includes(l.origin)) bad('leads', i, 'origin', l.origin);
		if (!instant(l.createdAt)) bad('leads', i, 'createdAt', l.createdAt);
		if (l.value !== undefined && !money(l.value)) bad('leads', i, 'value', l.value);
		if (l.expectedCloseDate !== undefined && !isIsoDate(l.expectedCloseDate)) {
			bad('leads', i, 'expectedCloseDate', l.expectedCloseDate);
		}
		for (const f of ['company', 'email', 'phone', 'source', 'lostReason'] as const) {
			if (!optStr(l[f])) bad('leads', i, f, l[f]);
		}
	});
	file.stageEvents.forEach((e, i) => {
		if (!str(e.leadId) || !str(e.stageId)) bad('stageEvents', i, 'refs', e);
		if (!instant(e.at)) bad('stageEvents', i, 'at', e.at);
	});
	file.activities.forEach((a, i) => {
		if (!str(a.repId)) bad('activities', i, 'repId', a.repId);
		if (!ACTIVITY_TYPES.includes(a.type)) bad('activities', i, 'type', a.type);
		if (!instant(a.at)) bad('activities', i, 'at', a.at);
		if (a.response !== undefined && !ACTIVITY_RESPONSES.includes(a.response)) {
			bad('activities', i, 'response', a.response);
		}
	});
	file.customers.forEach((c, i) => {
		if (!str(c.name) || !instant(c.since)) bad('customers', i, 'since', c);
		if (c.churnedAt !== undefined && !instant(c.churnedAt)) bad('customers', i, 'churned', c);
	});
	file.forecasts.forEach((f, i) => {
		if (!PERIOD.test(f.period)) bad('forecasts', i, 'period', f.period);
		if (!money(f.amount)) bad('forecasts', i, 'amount', f.amount);
	});
	file.targets.forEach((t, i) => {
		if (!TARGET_METRICS.includes(t.metric)) bad('targets', i, 'metric', t.metric);
		if (!isIsoDate(t.from)) bad('targets', i, 'from', t.from);
		if (!isIsoDate(t.to) || t.to < t.from) bad('targets', i, 'to', t.to);
		if (!money(t.amount)) bad('targets', i, 'amount', t.amount);
		if (t.repId !== undefined && !str(t.repId)) bad('targets', i, 'repId', t.repId);
	});
	return out;
}

/** Each lead's live and deleted events in history order: by `at`, ties by id. */
function historyByLead(events: StageEvent[]): Map<string, StageEvent[]> {
	const map = new Map<string, StageEvent[]>();
	for (const e of events) {
		const list = map.get(e.leadId);
		if (list) list.push(e);
		else map.set(e.leadId, [e]);
	}
	for (const list of map.values()) {
		list.sort((a, b) => ms(a.at) - ms(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}
	return map;
}

let s: SharedFile;
beforeAll(() => {
	s = generateDemo({ size: 'S' });
});

describe('generateDemo: determinism', () => {
	it('gives the same bytes for the same seed and different data for another seed', () => {
		const a = JSON.stringify(generateDemo({ size: 'S', seed: 5 }));
		const b = JSON.stringify(generateDemo({ size: 'S', seed: 5 }));
		const c = JSON.stringify(generateDemo({ size: 'S', seed: 6 }));
		expect(a).toBe(b);
		expect(c).not.toBe(a);
	}, 20_000);

	it('does not depend on the clock: the default now is fixed', () => {
		expect(s.exportedAt).toBe(DEMO_DEFAULT_NOW);
	});
});

describe('generateDemo: size S', () => {
	it('has one rep, about a thousand leads and the default pipeline', () => {
		expect(s.reps).toHaveLength(1);
		expect(s.leads).toHaveLength(1000);
		expect(s.stages.map((x) => x.id)).toEqual([
			'lead',
			'contacted',
			'qualified',
			'proposal',
			'negotiation',
			'won',
			'lost'
		]);
		// About ten activities and three stage events per lead.
		expect(s.activities.length).toBeGreaterThan(8_000);
		expect(s.activities.length).toBeLessThan(12_000);
		expect(s.stageEvents.length).toBeGreaterThan(2_500);
		expect(s.stageEvents.length).toBeLessThan(4_000);
		expect(s.campaigns.length).toBeGreaterThanOrEqual(5);
	});

	it('is a valid shared file per the data format', () => {
		expect(problems(s)).toEqual([]);
	});

	it('has unique ids in every list', () => {
		for (const name of RECORD_LIST_NAMES) {
			expect(new Set(s[name].map((r) => r.id)).size, name).toBe(s[name].length);
		}
	});

	it('keeps every instant within the two years before now, updatedAt never after now', () => {
		const instants: string[] = [];
		for (const l of s.leads) instants.push(l.createdAt);
		for (const e of s.stageEvents) instants.push(e.at);
		for (const a of s.activities) instants.push(a.at);
		for (const c of s.customers) instants.push(c.since, ...(c.churnedAt ? [c.churnedAt] : []));
		for (const name of RECORD_LIST_NAMES) for (const r of s[name]) instants.push(r.updatedAt);
		// All are `...Z` at whole seconds (checked above), so Date.parse reads them exactly.
		const outside = instants.filter((v) => {
			const t = Date.parse(v);
			return !(t <= NOW_MS && t >= TWO_YEARS_AGO);
		});
		expect(outside).toEqual([]);
	});

	it('resolves every reference', () => {
		const reps = new Set(s.reps.map((r) => r.id));
		const stages = new Set(s.stages.map((x) => x.id));
		const leads = new Set(s.leads.map((l) => l.id));
		const campaigns = new Set(s.campaigns.map((c) => c.id));
		const dangling: string[] = [];
		const check = (set: Set<string>, id: string | null | undefined, what: string) => {
			if (id !== undefined && id !== null && !set.has(id)) dangling.push(`${what} ${id}`);
		};
		for (const l of s.leads) {
			check(reps, l.ownerId, 'lead owner');
			check(stages, l.stageId, 'lead stage');
			check(campaigns, l.campaignId, 'lead campaign');
		}
		for (const e of s.stageEvents) {
			check(leads, e.leadId, 'event lead');
			check(stages, e.stageId, 'event stage');
			check(reps, e.repId, 'event rep');
		}
		for (const a of s.activities) {
			check(reps, a.repId, 'activity rep');
			check(leads, a.leadId, 'activity lead');
		}
		for (const c of s.customers) {
			check(reps, c.ownerId, 'customer owner');
			check(leads, c.leadId, 'customer lead');
		}
		for (const f of s.forecasts) check(reps, f.repId, 'forecast rep');
		expect(dangling).toEqual([]);
	});

	it("keeps each lead's stage equal to its last event; the first event enters Lead at createdAt", () => {
		const history = historyByLead(s.stageEvents);
		for (const l of s.leads) {
			const events = history.get(l.id);
			expect(events, l.id).toBeDefined();
			expect(events![events!.length - 1].stageId).toBe(l.stageId);
			expect(events![0].stageId).toBe('lead');
			expect(events![0].at).toBe(l.createdAt);
			// Never two moves at the same instant: the order does not hang on the id tie-break.
			for (let i = 1; i < events!.length; i++) {
				expect(ms(events![i].at)).toBeGreaterThan(ms(events![i - 1].at));
			}
			expect(ms(l.updatedAt)).toBeGreaterThanOrEqual(ms(events![events!.length - 1].at));
		}
	});

	it('moves leads forward through the pipeline, skipping some stages', () => {
		const order = new Map(s.stages.map((x) => [x.id, x.order]));
		const kind = new Map(s.stages.map((x) => [x.id, x.kind]));
		let skips = 0;
		for (const events of historyByLead(s.stageEvents).values()) {
			for (let i = 1; i < events.length; i++) {
				const prev = events[i - 1].stageId;
				const next = events[i].stageId;
				// Backward moves only happen when a closed deal is reopened.
				if (kind.get(prev) === 'open' && kind.get(next) === 'open') {
					expect(order.get(next)!).toBeGreaterThan(order.get(prev)!);
					if (order.get(next)! - order.get(prev)! > 1) skips++;
				}
			}
		}
		expect(skips).toBeGreaterThan(20);
	});

	it('has realistic gaps between moves: days to weeks, not all the same', () => {
		const gaps: number[] = [];
		for (const events of historyByLead(s.stageEvents).values()) {
			for (let i = 1; i < events.length; i++) {
				gaps.push((ms(events[i].at) - ms(events[i - 1].at)) / 86_400_000);
			}
		}
		gaps.sort((a, b) => a - b);
		const median = gaps[gaps.length >> 1];
		expect(median).toBeGreaterThan(1);
		expect(median).toBeLessThan(30);
		expect(gaps[Math.floor(gaps.length * 0.9)]).toBeGreaterThan(14);
	});

	it('has a believable outcome: win rate 0.2-0.5 of closed, open leads, reopened deals', () => {
		const won = s.leads.filter((l) => l.stageId === 'won').length;
		const lost = s.leads.filter((l) => l.stageId === 'lost').length;
		const open = s.leads.length - won - lost;
		expect(won / (won + lost)).toBeGreaterThan(0.2);
		expect(won / (won + lost)).toBeLessThan(0.5);
		expect(open / s.leads.length).toBeGreaterThan(0.1);
		expect(open / s.leads.length).toBeLessThan(0.45);
		let reopened = 0;
		for (const events of historyByLead(s.stageEvents).values()) {
			const closedAt = events.findIndex((e) => e.stageId === 'won' || e.stageId === 'lost');
			if (closedAt >= 0 && closedAt < events.length - 1) reopened++;
		}
		expect(reopened).toBeGreaterThan(5);
	});

	it('gives lost leads a reason (withdrawn by customer among them), open ones a future close date', () => {
		const today = toIsoDateInZone(NOW_MS, 'Europe/Copenhagen');
		const reasons = new Set<string>();
		for (const l of s.leads) {
			if (l.stageId === 'lost') {
				expect(l.lostReason).toBeTruthy();
				reasons.add(l.lostReason!);
			} else expect(l.lostReason).toBeUndefined();
			if (l.stageId === 'won' || l.stageId === 'lost') expect(l.expectedCloseDate).toBeUndefined();
			else expect(l.expectedCloseDate! > today).toBe(true);
		}
		expect(reasons.has('withdrawn by customer')).toBe(true);
		expect(reasons.size).toBeGreaterThanOrEqual(4);
	});

	it('gives most leads a value and leaves some without', () => {
		const withValue = s.leads.filter((l) => l.value !== undefined);
		expect(withValue.length / s.leads.length).toBeGreaterThan(0.6);
		expect(withValue.length).toBeLessThan(s.leads.length);
		expect(new Set(withValue.map((l) => l.value)).size).toBeGreaterThan(50);
	});

	it('takes origin from the campaign, most marketing leads having one', () => {
		const campaigns = new Map(s.campaigns.map((c) => [c.id, c]));
		for (const l of s.leads) {
			if (l.campaignId) expect(l.origin).toBe(campaigns.get(l.campaignId)!.origin);
		}
		const marketing = s.leads.filter((l) => l.origin === 'marketing');
		const sales = s.leads.filter((l) => l.origin === 'sales');
		expect(marketing.length).toBeGreaterThan(0);
		expect(sales.length).toBeGreaterThan(0);
		expect(marketing.filter((l) => l.campaignId).length / marketing.length).toBeGreaterThan(0.7);
		// A lead joins a campaign only while it runs.
		for (const l of s.leads) {
			if (!l.campaignId) continue;
			const c = campaigns.get(l.campaignId)!;
			const day = toIsoDateInZone(ms(l.createdAt), 'Europe/Copenhagen');
			expect(day >= c.startDate!).toBe(true);
			if (c.endDate) expect(day <= c.endDate).toBe(true);
		}
	});

	it('gives campaigns channels, both origins, budgets and start dates', () => {
		const live = s.campaigns.filter((c) => !c.deletedAt);
		expect(new Set(live.map((c) => c.origin))).toEqual(new Set(['marketing', 'sales']));
		for (const c of live) {
			expect(c.channel).toBeTruthy();
			expect(c.budget).toBeGreaterThan(0);
			expect(c.startDate).toBeTruthy();
		}
		expect(live.filter((c) => c.endDate).length).toBeGreaterThan(live.length / 2);
	});

	it('makes customers of won leads at the win, some of whom churn later', () => {
		const history = historyByLead(s.stageEvents);
		const leads = new Map(s.leads.map((l) => [l.id, l]));
		for (const c of s.customers) {
			const lead = leads.get(c.leadId!)!;
			expect(lead.stageId).toBe('won');
			const events = history.get(lead.id)!;
			expect(c.since).toBe(events[events.length - 1].at);
			expect(c.ownerId).toBe(lead.ownerId);
			if (c.churnedAt) expect(ms(c.churnedAt)).toBeGreaterThan(ms(c.since));
		}
		expect(s.customers.length).toBe(s.leads.filter((l) => l.stageId === 'won').length);
		expect(s.customers.filter((c) => c.churnedAt).length).toBeGreaterThan(5);
	});

	it('logs activities of every type and response, some without a lead', () => {
		const types = new Set(s.activities.map((a) => a.type));
		expect(types).toEqual(new Set(['call', 'email', 'meeting', 'other']));
		const responses = s.activities.map((a) => a.response);
		for (const r of ['positive', 'negative', 'neutral']) expect(responses).toContain(r);
		expect(responses).toContain(undefined);
		const noLead = s.activities.filter((a) => !a.leadId).length;
		expect(noLead).toBeGreaterThan(0.02 * s.activities.length);
		expect(noLead).toBeLessThan(0.15 * s.activities.length);
	});

	it('logs activities mostly after the lead exists, a few before (bad data)', () => {
		const created = new Map(s.leads.map((l) => [l.id, ms(l.createdAt)]));
		let before = 0;
		let total = 0;
		for (const a of s.activities) {
			if (!a.leadId) continue;
			total++;
			if (ms(a.at) < created.get(a.leadId)!) before++;
		}
		expect(before).toBeGreaterThan(0);
		expect(before / total).toBeLessThan(0.05);
	});

	it('leaves some leads without any activity and answers most within days', () => {
		const first = new Map<string, number>();
		for (const a of s.activities) {
			if (!a.leadId) continue;
			const t = ms(a.at);
			if (!first.has(a.leadId) || t < first.get(a.leadId)!) first.set(a.leadId, t);
		}
		const unanswered = s.leads.filter((l) => !first.has(l.id)).length;
		expect(unanswered).toBeGreaterThan(0);
		expect(unanswered / s.leads.length).toBeLessThan(0.25);
		const hours = s.leads
			.filter((l) => first.has(l.id))
			.map((l) => (first.get(l.id)! - ms(l.createdAt)) / 3_600_000)
			.sort((a, b) => a - b);
		const median = hours[hours.length >> 1];
		expect(median).toBeGreaterThan(0.5);
		expect(median).toBeLessThan(72);
	});

	it('follows the seasons: fewer activities in July and at Christmas, fewer at weekends', () => {
		const byMonth = new Array(13).fill(0);
		let weekend = 0;
		let lateDecember = 0;
		let earlyDecember = 0;
		for (const a of s.activities) {
			const date = toIsoDateInZone(ms(a.at), 'Europe/Copenhagen');
			const month = Number(date.slice(5, 7));
			const day = Number(date.slice(8, 10));
			byMonth[month]++;
			const wd = new Date(date + 'T12:00:00Z').getUTCDay();
			if (wd === 0 || wd === 6) weekend++;
			if (month === 12 && day >= 21) lateDecember++;
			if (month === 12 && day >= 1 && day <= 11) earlyDecember++;
		}
		expect(byMonth[7]).toBeLessThan(byMonth[10]);
		expect(byMonth[7]).toBeLessThan(byMonth[9]);
		expect(byMonth[11]).toBeGreaterThan(byMonth[6]);
		// Uniform days would put 2/7 (29 %) on weekends.
		expect(weekend / s.activities.length).toBeLessThan(0.1);
		expect(lateDecember).toBeLessThan(earlyDecember / 2);
	});

	it('has monthly forecasts for the rep and a few quarterly and yearly team forecasts', () => {
		const repMonthly = s.forecasts.filter((f) => f.repId && /^\d{4}-\d{2}$/.test(f.period));
		expect(repMonthly.length).toBeGreaterThanOrEqual(20);
		const team = s.forecasts.filter((f) => f.repId === undefined);
		expect(team.some((f) => /-Q[1-4]$/.test(f.period))).toBe(true);
		expect(team.some((f) => /^\d{4}$/.test(f.period))).toBe(true);
		expect(team.length).toBeLessThan(12);
		expect(repMonthly.some((f) => f.amount > 0)).toBe(true);
	});

	it("has this month's won-value target per rep, a team won target and this quarter's new leads", () => {
		// DEMO_DEFAULT_NOW is 2026-11-27.
		const month = { from: '2026-11-01', to: '2026-11-30' };
		const shape = s.targets.map(({ metric, repId, from, to }) => ({ metric, repId, from, to }));
		expect(shape).toEqual([
			{ metric: 'wonValue', repId: s.reps[0].id, ...month },
			{ metric: 'won', repId: undefined, ...month },
			{ metric: 'newLeads', repId: undefined, from: '2026-10-01', to: '2026-12-31' }
		]);
		for (const t of s.targets) expect(t.amount).toBeGreaterThan(0);
		expect(s.targets[0].amount % 5_000).toBe(0);
		expect(Number.isInteger(s.targets[1].amount)).toBe(true);
		for (const t of s.targets) expect(Date.parse(t.updatedAt)).toBeLessThanOrEqual(NOW_MS);
	});

	it('puts a handful of records in the bin', () => {
		const deleted = RECORD_LIST_NAMES.flatMap((n) => s[n].filter((r) => r.deletedAt));
		expect(deleted.length).toBeGreaterThanOrEqual(3);
		expect(deleted.length).toBeLessThan(30);
		expect(s.leads.some((l) => l.deletedAt)).toBe(true);
		expect(s.activities.some((a) => a.deletedAt)).toBe(true);
		for (const r of deleted) expect(r.updatedAt).toBe(r.deletedAt);
	});
});

describe('generateDemo: options', () => {
	it('ends the data at the given now, in the given time zone', () => {
		const now = '2025-06-01T00:00:00Z';
		const f = generateDemo({ size: { reps: 3, leads: 300, campaigns: 4 }, now, timeZone: 'UTC' });
		expect(f.workspace.timeZone).toBe('UTC');
		expect(f.exportedAt).toBe(now);
		expect(f.reps).toHaveLength(3);
		expect(f.leads).toHaveLength(300);
		expect(problems(f)).toEqual([]);
		const limit = Date.parse(now);
		for (const a of f.activities) expect(Date.parse(a.at)).toBeLessThanOrEqual(limit);
		for (const l of f.leads) {
			expect(Date.parse(l.createdAt)).toBeGreaterThanOrEqual(limit - 731 * 86_400_000);
			if (l.expectedCloseDate) expect(l.expectedCloseDate > '2025-06-01').toBe(true);
		}
	});

	it('stays valid and consistent for any small size, seed, zone and end instant', () => {
		fc.assert(
			fc.property(
				fc.record({
					reps: fc.integer({ min: 1, max: 6 }),
					leads: fc.integer({ min: 1, max: 80 }),
					campaigns: fc.integer({ min: 0, max: 6 })
				}),
				fc.integer({ min: -1_000_000, max: 1_000_000 }),
				fc.constantFrom('UTC', 'Europe/Copenhagen', 'America/New_York', 'Pacific/Auckland'),
				fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2031, 0, 1) }),
				(size, seed, timeZone, nowMs) => {
					const now = new Date(nowMs).toISOString();
					const f = generateDemo({ size, seed, timeZone, now });
					expect(problems(f)).toEqual([]);
					expect(f.leads).toHaveLength(size.leads);
					expect(f.reps).toHaveLength(size.reps);
					const history = historyByLead(f.stageEvents);
					const end = Math.floor(nowMs / 1000) * 1000;
					for (const l of f.leads) {
						const events = history.get(l.id)!;
						expect(events[events.length - 1].stageId).toBe(l.stageId);
						if (l.expectedCloseDate) {
							expect(l.expectedCloseDate > toIsoDateInZone(end, timeZone)).toBe(true);
						}
					}
					for (const a of f.activities) expect(Date.parse(a.at)).toBeLessThanOrEqual(end);
				}
			),
			{ numRuns: 15, seed: 20261127 }
		);
	}, 30_000);

	it('refuses bad options with a message that names the value', () => {
		expect(() => generateDemo({ size: 'XL' as 'S' })).toThrow(/XL/);
		expect(() => generateDemo({ size: 'S', now: 'yesterday' })).toThrow(/yesterday/);
		expect(() => generateDemo({ size: 'S', timeZone: 'Mars/Olympus' })).toThrow(/Mars/);
		expect(() => generateDemo({ size: 'S', seed: 1.5 })).toThrow(/seed/);
		expect(() => generateDemo({ size: { reps: 0, leads: 10, campaigns: 1 } })).toThrow(/reps/);
	});
});

describe('generateDemo: size M', () => {
	it('has 5 reps, 10,000 leads, about 100,000 activities and 30,000 stage events', () => {
		const m = generateDemo({ size: 'M' });
		expect(m.reps).toHaveLength(5);
		expect(m.leads).toHaveLength(10_000);
		expect(m.activities.length).toBeGreaterThan(90_000);
		expect(m.activities.length).toBeLessThan(110_000);
		expect(m.stageEvents.length).toBeGreaterThan(25_000);
		expect(m.stageEvents.length).toBeLessThan(38_000);
		// Targets for the reps on the team now, with statuses that differ (spec: `targets`).
		const active = m.reps.filter((r) => r.active).map((r) => r.id);
		const repTargets = m.targets.filter((t) => t.metric === 'wonValue');
		expect(repTargets.map((t) => t.repId)).toEqual(active);
		const result = computeKpis(datasetFromRecords(m, m.workspace.timeZone), {
			from: Date.parse('2026-10-31T23:00:00Z'),
			to: Date.parse('2026-11-30T23:00:00Z'),
			now: Date.parse(DEMO_DEFAULT_NOW)
		});
		const statuses = new Set(result.targets.rows.map((r) => r.status));
		expect(result.targets.rows).toHaveLength(m.targets.length);
		expect(statuses.size).toBeGreaterThanOrEqual(2);
		// Every rep has leads and forecasts; someone left the team and is inactive.
		for (const r of m.reps) {
			expect(m.forecasts.some((f) => f.repId === r.id)).toBe(true);
			expect(m.activities.some((a) => a.repId === r.id)).toBe(true);
		}
		// Someone left the team (inactive, stamped when they left) and did no work after that.
		const left = m.reps.filter((r) => !r.active);
		expect(left.length).toBeGreaterThan(0);
		for (const rep of left) {
			const leftAt = Date.parse(rep.updatedAt);
			const late = [...m.activities, ...m.stageEvents].filter(
				(x) => x.repId === rep.id && Date.parse(x.at) > leftAt
			);
			expect(late).toEqual([]);
			// Their open leads passed to a colleague.
			const open = m.leads.filter(
				(l) => l.ownerId === rep.id && l.stageId !== 'won' && l.stageId !== 'lost'
			);
			expect(open).toEqual([]);
		}
		const leads = new Set(m.leads.map((l) => l.id));
		expect(m.stageEvents.every((e) => leads.has(e.leadId))).toBe(true);
	}, 30_000);
});
