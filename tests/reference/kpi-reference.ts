// Reference implementation of ../shared/spec/kpis.md, written straight from the text with
// record objects and plain loops, sharing nothing with src/lib/kpi except the time helpers and
// the types. Slow on purpose (Intl per row): it exists to check the engine.
//
// Arithmetic conventions shared with the engine (where the spec leaves the order open):
// durations are summed as integer milliseconds, then divided (mean = sum / n / unit); the
// median of an even count is (a / unit + b / unit) / 2; money is summed in record order,
// except KPI 11's actuals (in closedAt order, ties in record order); forecast rows in id order.
//
// Those of ../shared/spec/targets-and-forecast.md: sums over leads in lead record order; a
// variance term is p * (1 - p) * v * v (left to right); projected = actual + (the sum over the
// kept open leads); fromNew = actual - fromPipeline; target rows in id order; 1.2816 and the
// Wilson z 1.6449 exactly.

import {
	MS_PER_DAY,
	MS_PER_HOUR,
	isIsoDate,
	parseInstant,
	toIsoDateInZone,
	zonedTimeToMs
} from '../../src/lib/domain/time';
import type {
	Activity,
	Lead,
	Records,
	Stage,
	StageEvent,
	Target
} from '../../src/lib/domain/types';
import type { KpiResult } from '../../src/lib/kpi/result-types';

export interface ReferenceOptions {
	from: number;
	to: number;
	now: number;
	timeZone: string;
	reps?: string[];
	/** Extension beyond the spec (docs/kpis.md): campaign ids, '' for "no campaign". */
	campaigns?: string[];
	/** Extension beyond the spec: lead origins. */
	origins?: ('marketing' | 'sales')[];
	granularity?: 'day' | 'week' | 'month';
	pipelineMode?: 'configured' | 'historical';
}

interface Ev {
	id: string;
	stage: Stage | null;
	at: number;
}

interface LeadFacts {
	lead: Lead;
	created: number;
	value: number;
	history: Ev[];
	closedAt: number | null;
	won: boolean;
	firstContact: number | null;
	cycleStart: number;
	opportunityAt: number | null;
}

/** The 10 % and 90 % points of a normal distribution, in standard deviations. */
const Z10 = 1.2816;
/** The z of the 90 % Wilson score interval. */
const Z_WILSON = 1.6449;

const nul = (num: number, den: number): number | null => (den === 0 ? null : num / den);

function stats(spans: number[], unit: number) {
	if (spans.length === 0) return { count: 0, mean: null, median: null };
	const s = [...spans].sort((a, b) => a - b);
	let sum = 0;
	for (const v of s) sum += v;
	const n = s.length;
	const median = n % 2 === 1 ? s[(n - 1) / 2] / unit : (s[n / 2 - 1] / unit + s[n / 2] / unit) / 2;
	return { count: n, mean: sum / n / unit, median };
}

function dayStats(spans: number[]) {
	const s = stats(spans, MS_PER_DAY);
	return { count: s.count, meanDays: s.mean, medianDays: s.median };
}

function hourStats(spans: number[]) {
	const s = stats(spans, MS_PER_HOUR);
	return { count: s.count, meanHours: s.mean, medianHours: s.median };
}

function addDays(date: string, n: number): string {
	const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + n));
	return d.toISOString().slice(0, 10);
}

/** The key of the bucket holding calendar date `date` (YYYY-MM-DD). */
function bucketKeyOfDate(date: string, granularity: string): string {
	if (granularity === 'day') return date;
	if (granularity === 'month') return date.slice(0, 8) + '01';
	const dow = new Date(date + 'T00:00:00Z').getUTCDay(); // 0 = Sunday
	return addDays(date, -((dow + 6) % 7));
}

function bucketKeysOver(from: number, to: number, tz: string, granularity: string): string[] {
	if (!(to > from)) return [];
	const first = bucketKeyOfDate(toIsoDateInZone(from, tz), granularity);
	const last = bucketKeyOfDate(toIsoDateInZone(to - 1, tz), granularity);
	const keys: string[] = [];
	let k = first;
	while (k <= last) {
		keys.push(k);
		if (granularity === 'day') k = addDays(k, 1);
		else if (granularity === 'week') k = addDays(k, 7);
		else {
			const y = +k.slice(0, 4);
			const m = +k.slice(5, 7);
			k = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
		}
	}
	return keys;
}

function periodBounds(period: string, tz: string): [number, number] | null {
	let m = /^(\d{4})-(\d{2})$/.exec(period);
	if (m) {
		const y = +m[1];
		const mo = +m[2];
		if (mo < 1 || mo > 12) return null;
		return [
			zonedTimeToMs(y, mo, 1, tz),
			zonedTimeToMs(mo === 12 ? y + 1 : y, (mo % 12) + 1, 1, tz)
		];
	}
	m = /^(\d{4})-Q([1-4])$/.exec(period);
	if (m) {
		const y = +m[1];
		const q = +m[2];
		const startMonth = (q - 1) * 3 + 1;
		return [
			zonedTimeToMs(y, startMonth, 1, tz),
			q === 4 ? zonedTimeToMs(y + 1, 1, 1, tz) : zonedTimeToMs(y, startMonth + 3, 1, tz)
		];
	}
	m = /^(\d{4})$/.exec(period);
	if (m) return [zonedTimeToMs(+m[1], 1, 1, tz), zonedTimeToMs(+m[1] + 1, 1, 1, tz)];
	return null;
}

export function referenceKpis(
	records: Records & { targets?: Target[] },
	options: ReferenceOptions
): KpiResult {
	const tz = options.timeZone;
	const { from, to, now } = options;
	const asOf = Math.min(to, now);
	const granularity = options.granularity ?? 'month';
	const mode = options.pipelineMode ?? 'configured';
	const inP = (t: number | null) => t !== null && t >= from && t < to;
	const repOk = (id: string | undefined | null) =>
		!options.reps || (id !== undefined && id !== null && options.reps.includes(id));
	const t = (v: string) => parseInstant(v, tz);

	const stages = records.stages.filter((s) => !s.deletedAt);
	const stageById = new Map(stages.map((s) => [s.id, s]));
	const liveLeads = records.leads.filter((l) => !l.deletedAt);
	const leadIds = new Set(liveLeads.map((l) => l.id));
	const acts = records.activities.filter(
		(a) => !a.deletedAt && (!a.leadId || leadIds.has(a.leadId))
	);
	const events = records.stageEvents.filter(
		(e) => !e.deletedAt && leadIds.has(e.leadId) && stageById.has(e.stageId)
	);
	const eventsByLead = new Map<string, StageEvent[]>();
	for (const e of events) {
		const list = eventsByLead.get(e.leadId) ?? [];
		list.push(e);
		eventsByLead.set(e.leadId, list);
	}
	const actsByLead = new Map<string, Activity[]>();
	for (const a of acts) {
		if (!a.leadId) continue;
		const list = actsByLead.get(a.leadId) ?? [];
		list.push(a);
		actsByLead.set(a.leadId, list);
	}

	const facts: LeadFacts[] = liveLeads.map((lead) => {
		const created = t(lead.createdAt);
		const evs = eventsByLead.get(lead.id) ?? [];
		let history: Ev[] = evs.map((e) => ({
			id: e.id,
			stage: stageById.get(e.stageId)!,
			at: t(e.at)
		}));
		history.sort((a, b) => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		if (history.length === 0) {
			history = [{ id: '', stage: stageById.get(lead.stageId) ?? null, at: created }];
		}
		const last = history[history.length - 1];
		const closed = last.stage !== null && last.stage.kind !== 'open';
		let firstContact: number | null = null;
		for (const a of actsByLead.get(lead.id) ?? []) {
			const at = t(a.at);
			if (firstContact === null || at < firstContact) firstContact = at;
		}
		let opportunityAt: number | null = null;
		for (const e of history) {
			if (!e.stage) continue;
			if ((e.stage.kind === 'open' && e.stage.qualified) || e.stage.kind === 'won') {
				if (opportunityAt === null || e.at < opportunityAt) opportunityAt = e.at;
			}
		}
		return {
			lead,
			created,
			value: lead.value ?? 0,
			history,
			closedAt: closed ? last.at : null,
			won: closed && last.stage!.kind === 'won',
			firstContact,
			cycleStart: firstContact ?? created,
			opportunityAt
		};
	});
	const reached = (f: LeadFacts, s: Stage) =>
		f.history.some(
			(e) =>
				e.stage !== null &&
				(e.stage.kind === 'won' || (e.stage.kind === 'open' && e.stage.order >= s.order))
		);
	const reachedWon = (f: LeadFacts) => f.history.some((e) => e.stage?.kind === 'won');
	const stageAt = (f: LeadFacts, at: number): Stage | null => {
		let cur = f.history[0];
		for (const e of f.history) if (e.at < at) cur = e;
		return cur.stage;
	};

	// Extensions beyond the spec: the campaign filter reads a lead's campaign as '' unless it
	// names a live campaign; activities and customers follow their lead.
	const liveCampaigns = records.campaigns.filter((c) => !c.deletedAt);
	const liveCampaignIds = new Set(liveCampaigns.map((c) => c.id));
	const byFilters = options.campaigns !== undefined || options.origins !== undefined;
	const passes = (lead: Lead | undefined): boolean => {
		if (!lead) return false;
		const campaign = lead.campaignId && liveCampaignIds.has(lead.campaignId) ? lead.campaignId : '';
		if (options.campaigns && !options.campaigns.includes(campaign)) return false;
		if (options.origins && !options.origins.includes(lead.origin)) return false;
		return true;
	};
	const liveLeadById = new Map(liveLeads.map((l) => [l.id, l]));
	const leadOfOk = (leadId: string | null | undefined) =>
		!byFilters || (!!leadId && passes(liveLeadById.get(leadId)));

	const repLeads = facts.filter((f) => repOk(f.lead.ownerId));
	const leads = repLeads.filter((f) => !byFilters || passes(f.lead));
	const cohort = leads.filter((f) => inP(f.created));
	const byStageOrder = (a: Stage, b: Stage) =>
		a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	const openStages = stages.filter((s) => s.kind === 'open').sort(byStageOrder);

	// 1. salesCycle
	const closedInP = leads.filter((f) => inP(f.closedAt));
	let clamped = 0;
	const spanOf = (f: LeadFacts) => {
		const raw = f.closedAt! - f.cycleStart;
		if (raw < 0) clamped++;
		return Math.max(0, raw);
	};
	const allSpans = closedInP.map(spanOf);
	const salesCycle = {
		...dayStats(allSpans),
		clamped,
		won: dayStats(
			closedInP.filter((f) => f.won).map((f) => Math.max(0, f.closedAt! - f.cycleStart))
		),
		lost: dayStats(
			closedInP.filter((f) => !f.won).map((f) => Math.max(0, f.closedAt! - f.cycleStart))
		)
	};

	// 2. winLoss
	let won = 0;
	let lost = 0;
	let wonValue = 0;
	let lostValue = 0;
	for (const f of closedInP) {
		if (f.won) {
			won++;
			wonValue += f.value;
		} else {
			lost++;
			lostValue += f.value;
		}
	}
	const winLoss = {
		won,
		lost,
		ratio: nul(won, lost),
		winRate: nul(won, won + lost),
		wonValue,
		lostValue
	};

	// 3. costPerLead
	const byCampaign: KpiResult['costPerLead']['byCampaign'] = {};
	const overlapping: string[] = [];
	let budgetSum = 0;
	let leadSum = 0;
	for (const c of liveCampaigns) {
		if (options.campaigns && !options.campaigns.includes(c.id)) continue;
		if (options.origins && !options.origins.includes(c.origin)) continue;
		const mine = facts.filter((f) => f.lead.campaignId === c.id);
		const opps = mine.filter((f) => f.opportunityAt !== null).length;
		const wonLeads = mine.filter((f) => f.closedAt !== null && f.won);
		let wv = 0;
		for (const f of wonLeads) wv += f.value;
		byCampaign[c.id] = {
			budget: c.budget,
			leads: mine.length,
			cpl: nul(c.budget, mine.length),
			opportunities: opps,
			costPerOpportunity: nul(c.budget, opps),
			won: wonLeads.length,
			costPerWon: nul(c.budget, wonLeads.length),
			wonValue: wv,
			roi: nul(wv - c.budget, c.budget)
		};
		const start = c.startDate ? t(c.startDate) : -Infinity;
		const end = c.endDate
			? isIsoDate(c.endDate)
				? t(addDays(c.endDate, 1))
				: t(c.endDate) + MS_PER_DAY
			: Infinity;
		if (start < to && end > from) {
			overlapping.push(c.id);
			budgetSum += c.budget;
			leadSum += mine.length;
		}
	}

	// 4. stageDistribution
	const snapshot = leads.filter((f) => f.created < asOf);
	const snapStages = snapshot.map((f) => stageAt(f, asOf));
	const openCount = snapStages.filter((s) => s !== null && s.kind === 'open').length;
	const byStage: KpiResult['stageDistribution']['byStage'] = {};
	for (const s of stages) {
		const count = snapStages.filter((x) => x === s).length;
		byStage[s.id] = { count, share: nul(count, snapshot.length) };
		if (s.kind === 'open') byStage[s.id].openShare = nul(count, openCount);
	}
	const funnel = openStages.map((s) => {
		const r = cohort.filter((f) => reached(f, s)).length;
		return { stageId: s.id, reached: r, rate: nul(r, cohort.length) };
	});
	const wonStages = stages.filter((s) => s.kind === 'won').sort(byStageOrder);
	if (wonStages.length > 0) {
		const r = cohort.filter(reachedWon).length;
		funnel.push({ stageId: wonStages[0].id, reached: r, rate: nul(r, cohort.length) });
	}
	const avgDaysInStage: Record<string, number | null> = {};
	for (const s of openStages) {
		let sum = 0;
		let count = 0;
		for (const f of leads) {
			for (let k = 0; k + 1 < f.history.length; k++) {
				const end = f.history[k + 1].at;
				if (f.history[k].stage === s && inP(end)) {
					sum += end - f.history[k].at;
					count++;
				}
			}
		}
		avgDaysInStage[s.id] = count === 0 ? null : sum / count / MS_PER_DAY;
	}

	// 5. activities and 9. responses
	const filteredActs = acts.filter((a) => repOk(a.repId) && leadOfOk(a.leadId));
	const actsInP = filteredActs.filter((a) => inP(t(a.at)));
	const keys = bucketKeysOver(from, to, tz, granularity);
	const series: Record<string, number> = {};
	for (const k of keys) series[k] = 0;
	const byType = { call: 0, email: 0, meeting: 0, other: 0 };
	const actByRep: Record<string, number> = {};
	const respByRep: Record<string, { positive: number; negative: number; neutral: number }> = {};
	const resp = { positive: 0, negative: 0, neutral: 0 };
	for (const a of actsInP) {
		byType[a.type]++;
		actByRep[a.repId] = (actByRep[a.repId] ?? 0) + 1;
		series[bucketKeyOfDate(toIsoDateInZone(t(a.at), tz), granularity)]++;
		if (a.response) {
			resp[a.response]++;
			respByRep[a.repId] ??= { positive: 0, negative: 0, neutral: 0 };
			respByRep[a.repId][a.response]++;
		}
	}
	const seasonality: Record<string, number> = {};
	for (let m = 1; m <= 12; m++) seasonality[String(m)] = 0;
	for (const a of filteredActs) {
		seasonality[String(Number(toIsoDateInZone(t(a.at), tz).slice(5, 7)))]++;
	}
	const figures = (r: { positive: number; negative: number; neutral: number }) => ({
		...r,
		positiveShare: nul(r.positive, r.positive + r.negative),
		ratio: nul(r.positive, r.negative)
	});
	const responsesByRep: KpiResult['responses']['byRep'] = {};
	for (const [rep, r] of Object.entries(respByRep)) responsesByRep[rep] = figures(r);

	// 6. opportunities
	const conv = (origin?: string) => {
		const c = cohort.filter((f) => !origin || f.lead.origin === origin);
		const converted = c.filter((f) => f.opportunityAt !== null).length;
		return {
			created: leads.filter((f) => (!origin || f.lead.origin === origin) && inP(f.opportunityAt))
				.length,
			cohort: c.length,
			converted,
			rate: nul(converted, c.length)
		};
	};

	// 7. responseTime and 8. followUp
	const owners = [...new Set(cohort.map((f) => f.lead.ownerId))];
	let rtClamped = 0;
	const rtSpan = (f: LeadFacts) => {
		const raw = f.firstContact! - f.created;
		return Math.max(0, raw);
	};
	for (const f of cohort)
		if (f.firstContact !== null && f.firstContact - f.created < 0) rtClamped++;
	const rtByRep: KpiResult['responseTime']['byRep'] = {};
	const fuByRep: KpiResult['followUp']['byRep'] = {};
	for (const o of owners) {
		const mine = cohort.filter((f) => f.lead.ownerId === o);
		const answered = mine.filter((f) => f.firstContact !== null);
		rtByRep[o] = hourStats(answered.map(rtSpan));
		fuByRep[o] = {
			total: mine.length,
			followedUp: answered.length,
			rate: nul(answered.length, mine.length)
		};
	}
	const answered = cohort.filter((f) => f.firstContact !== null);

	// 10. leadOrigin
	const originSeries: Record<string, { marketing: number; sales: number }> = {};
	for (const k of keys) originSeries[k] = { marketing: 0, sales: 0 };
	for (const f of cohort) {
		originSeries[bucketKeyOfDate(toIsoDateInZone(f.created, tz), granularity)][f.lead.origin]++;
	}
	const marketing = cohort.filter((f) => f.lead.origin === 'marketing').length;
	const sales = cohort.filter((f) => f.lead.origin === 'sales').length;

	// 11. forecastAccuracy
	const rows: KpiResult['forecastAccuracy']['rows'] = [];
	const forecasts = records.forecasts
		.filter((f) => !f.deletedAt && repOk(f.repId))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const f of forecasts) {
		const b = periodBounds(f.period, tz);
		if (!b || b[0] < from || b[1] > to || b[1] > asOf) continue;
		// Summed in closedAt order, ties in record order (the engine's documented order).
		// Forecasts name no campaign or origin: only the rep filter applies.
		const wonInPeriod = repLeads
			.map((l, order) => ({ l, order }))
			.filter(({ l }) => l.won && l.closedAt !== null && l.closedAt >= b[0] && l.closedAt < b[1])
			.filter(({ l }) => !f.repId || l.lead.ownerId === f.repId)
			.sort((x, y) => x.l.closedAt! - y.l.closedAt! || x.order - y.order);
		let actual = 0;
		for (const { l } of wonInPeriod) actual += l.value;
		const error = f.amount - actual;
		rows.push({
			id: f.id,
			period: f.period,
			repId: f.repId ?? null,
			amount: f.amount,
			actual,
			error,
			accuracy: actual === 0 ? (f.amount === 0 ? 1 : 0) : Math.max(0, 1 - Math.abs(error) / actual)
		});
	}
	let sumAbs = 0;
	let sumErr = 0;
	let sumActual = 0;
	let sumAmount = 0;
	for (const r of rows) {
		sumAbs += Math.abs(r.error);
		sumErr += r.error;
		sumActual += r.actual;
		sumAmount += r.amount;
	}

	// 12. weightedPipeline
	const closedBefore = leads.filter((f) => f.closedAt !== null && f.closedAt < asOf);
	const wonBefore = closedBefore.filter((f) => f.won);
	const valuedWon = wonBefore.filter((f) => f.value > 0);
	let vs = 0;
	for (const f of valuedWon) vs += f.value;
	const meanWonValue = valuedWon.length ? vs / valuedWon.length : 0;
	let cs = 0;
	for (const f of wonBefore) cs += Math.max(0, f.closedAt! - f.cycleStart);
	const meanCycleMs = wonBefore.length ? cs / wonBefore.length : 0;
	const probability = (s: Stage) => {
		if (mode === 'configured') return s.probability;
		const r = closedBefore.filter((f) => reached(f, s));
		const w = r.filter((f) => f.won).length;
		return r.length === 0 ? s.probability : w / r.length;
	};
	const pByStage: KpiResult['weightedPipeline']['byStage'] = {};
	for (const s of openStages) {
		pByStage[s.id] = { count: 0, total: 0, weighted: 0, probability: probability(s) };
	}
	const pByRep: KpiResult['weightedPipeline']['byRep'] = {};
	const projection: Record<string, number> = {};
	const asOfMonth = toIsoDateInZone(asOf, tz).slice(0, 7);
	let pCount = 0;
	let pTotal = 0;
	let pWeighted = 0;
	// The open leads at asOf with their value_i and p_i, in lead order (the range, `targets`).
	const openAtAsOf: { f: LeadFacts; v: number; p: number; month: string }[] = [];
	for (const f of snapshot) {
		const s = stageAt(f, asOf);
		if (!s || s.kind !== 'open') continue;
		const v = f.value > 0 ? f.value : meanWonValue;
		const w = v * pByStage[s.id].probability;
		pCount++;
		pTotal += v;
		pWeighted += w;
		pByStage[s.id].count++;
		pByStage[s.id].total += v;
		pByStage[s.id].weighted += w;
		const r = (pByRep[f.lead.ownerId] ??= { count: 0, total: 0, weighted: 0 });
		r.count++;
		r.total += v;
		r.weighted += w;
		const ecd = f.lead.expectedCloseDate;
		let month: string;
		if (ecd && isIsoDate(ecd)) month = ecd.slice(0, 7);
		else if (ecd && !Number.isNaN(t(ecd))) month = toIsoDateInZone(t(ecd), tz).slice(0, 7);
		else month = toIsoDateInZone(f.cycleStart + meanCycleMs, tz).slice(0, 7);
		if (month < asOfMonth) month = asOfMonth;
		projection[month] = (projection[month] ?? 0) + w;
		openAtAsOf.push({ f, v, p: pByStage[s.id].probability, month });
	}
	// weightedPipeline.range (spec/targets-and-forecast.md): variances summed in lead order.
	let pVar = 0;
	const monthVar: Record<string, number> = {};
	for (const o of openAtAsOf) {
		const x = o.p * (1 - o.p) * o.v * o.v;
		pVar += x;
		monthVar[o.month] = (monthVar[o.month] ?? 0) + x;
	}
	const spread = (expected: number, variance: number) => {
		const sd = Math.sqrt(variance);
		return { sd, low: Math.max(0, expected - Z10 * sd), high: expected + Z10 * sd };
	};
	const projectionRange: KpiResult['weightedPipeline']['range']['projectionRange'] = {};
	for (const m of Object.keys(projection)) {
		projectionRange[m] = { expected: projection[m], ...spread(projection[m], monthVar[m]) };
	}
	const range = { ...spread(pWeighted, pVar), projectionRange };

	// The expected close instant of KPI 12's projection, reckoned from `at` (asOf, or `from` for
	// the pipeline forecast): the start of expectedCloseDate, else cycle start + the mean cycle;
	// an instant before `at` counts as `at`.
	const expectedClose = (f: LeadFacts, at: number, meanCycle: number) => {
		const ecd = f.lead.expectedCloseDate;
		let x: number;
		if (ecd && isIsoDate(ecd)) x = t(ecd);
		else if (ecd && !Number.isNaN(t(ecd))) x = t(toIsoDateInZone(t(ecd), tz));
		else x = f.cycleStart + meanCycle;
		return x < at ? at : x;
	};

	// targets
	const targetRows: KpiResult['targets']['rows'] = [];
	const liveTargets = (records.targets ?? [])
		.filter((x) => !x.deletedAt && isIsoDate(x.from) && isIsoDate(x.to) && x.to >= x.from)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const g of liveTargets) {
		const repId = g.repId ? g.repId : null;
		if (options.reps && (repId === null || !options.reps.includes(repId))) continue;
		const ws = t(g.from);
		const we = t(addDays(g.to, 1));
		if (!(ws < to && we > from)) continue;
		const inW = (x: number | null) => x !== null && x >= ws && x < Math.min(we, asOf);
		const mine = repId === null ? leads : leads.filter((f) => f.lead.ownerId === repId);
		let actual = 0;
		if (g.metric === 'wonValue') {
			for (const f of mine) if (f.won && inW(f.closedAt)) actual += f.value;
		} else if (g.metric === 'won') {
			for (const f of mine) if (f.won && inW(f.closedAt)) actual++;
		} else if (g.metric === 'newLeads') {
			for (const f of mine) if (inW(f.created)) actual++;
		} else if (g.metric === 'opportunities') {
			for (const f of mine) if (inW(f.opportunityAt)) actual++;
		} else {
			for (const a of filteredActs) {
				if ((repId === null || a.repId === repId) && inW(t(a.at))) actual++;
			}
		}
		const elapsed = Math.min(1, Math.max(0, (asOf - ws) / (we - ws)));
		const expectedByNow = g.amount * elapsed;
		const pace = nul(actual, expectedByNow);
		let projected: number | null;
		let projectedSd: number | null = null;
		if (g.metric === 'wonValue' || g.metric === 'won') {
			let sum = 0;
			let variance = 0;
			for (const o of openAtAsOf) {
				if (repId !== null && o.f.lead.ownerId !== repId) continue;
				const x = expectedClose(o.f, asOf, meanCycleMs);
				if (!(x >= Math.max(ws, asOf) && x < we)) continue;
				if (g.metric === 'wonValue') {
					sum += o.p * o.v;
					variance += o.p * (1 - o.p) * o.v * o.v;
				} else {
					sum += o.p;
					variance += o.p * (1 - o.p);
				}
			}
			projected = actual + sum;
			projectedSd = Math.sqrt(variance);
		} else {
			projected = nul(actual, elapsed);
		}
		const wide = projected !== null && projectedSd !== null && projectedSd !== 0;
		targetRows.push({
			id: g.id,
			metric: g.metric,
			repId,
			from: g.from,
			to: g.to,
			amount: g.amount,
			actual,
			elapsed,
			expectedByNow,
			attainment: nul(actual, g.amount),
			pace,
			projected,
			projectedSd,
			projectedLow: wide ? Math.max(actual, projected! - Z10 * projectedSd!) : projected,
			projectedHigh: wide ? projected! + Z10 * projectedSd! : projected,
			status:
				actual >= g.amount
					? 'met'
					: elapsed === 0
						? 'upcoming'
						: pace !== null && pace >= 1
							? 'ahead'
							: 'behind'
		});
	}

	// calibration
	const calByStage: KpiResult['calibration']['byStage'] = {};
	for (const s of openStages) {
		const r = closedBefore.filter((f) => reached(f, s));
		const n = r.length;
		const w = r.filter((f) => f.won).length;
		if (n === 0) {
			calByStage[s.id] = {
				configured: s.probability,
				n,
				won: w,
				historical: null,
				lower: null,
				upper: null,
				fits: null
			};
			continue;
		}
		const h = w / n;
		const z = Z_WILSON;
		const centre = (h + (z * z) / (2 * n)) / (1 + (z * z) / n);
		const half = (z * Math.sqrt((h * (1 - h)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
		const lower = centre - half;
		const upper = centre + half;
		calByStage[s.id] = {
			configured: s.probability,
			n,
			won: w,
			historical: h,
			lower,
			upper,
			fits: s.probability >= lower && s.probability <= upper
		};
	}
	let brierSum = 0;
	let brierCount = 0;
	for (const f of closedInP) {
		const s = stageAt(f, f.closedAt!);
		if (!s || s.kind !== 'open') continue;
		const d = s.probability - (f.won ? 1 : 0);
		brierSum += d * d;
		brierCount++;
	}
	const calibration = {
		n: openStages.length ? closedBefore.filter((f) => reached(f, openStages[0])).length : 0,
		brier: nul(brierSum, brierCount),
		brierCount,
		byStage: calByStage
	};

	// pipelineForecast: KPI 12 rebuilt at `from`.
	let pipelineForecast: KpiResult['pipelineForecast'] = {
		reconstructed: true,
		count: null,
		forecast: null,
		sd: null,
		low: null,
		high: null,
		actual: null,
		fromPipeline: null,
		fromNew: null,
		accuracy: null,
		bias: null
	};
	if (from < asOf) {
		const closedBeforeFrom = leads.filter((f) => f.closedAt !== null && f.closedAt < from);
		const wonBeforeFrom = closedBeforeFrom.filter((f) => f.won);
		let vsum = 0;
		let vn = 0;
		let csum = 0;
		for (const f of wonBeforeFrom) {
			if (f.value > 0) {
				vsum += f.value;
				vn++;
			}
			csum += Math.max(0, f.closedAt! - f.cycleStart);
		}
		const meanValueAtFrom = vn ? vsum / vn : 0;
		const meanCycleAtFrom = wonBeforeFrom.length ? csum / wonBeforeFrom.length : 0;
		const pAtFrom = (s: Stage) => {
			if (mode === 'configured') return s.probability;
			const r = closedBeforeFrom.filter((f) => reached(f, s));
			return r.length === 0 ? s.probability : r.filter((f) => f.won).length / r.length;
		};
		const openAtFrom = new Set<LeadFacts>();
		let count = 0;
		let forecast = 0;
		let variance = 0;
		for (const f of leads) {
			if (!(f.created < from)) continue;
			const s = stageAt(f, from);
			if (!s || s.kind !== 'open') continue;
			openAtFrom.add(f);
			const x = expectedClose(f, from, meanCycleAtFrom);
			if (!inP(x)) continue;
			const v = f.value > 0 ? f.value : meanValueAtFrom;
			const p = pAtFrom(s);
			count++;
			forecast += p * v;
			variance += p * (1 - p) * v * v;
		}
		let fromPipeline = 0;
		for (const f of closedInP) if (f.won && openAtFrom.has(f)) fromPipeline += f.value;
		const sd = Math.sqrt(variance);
		const actual = wonValue;
		pipelineForecast = {
			reconstructed: true,
			count,
			forecast,
			sd,
			low: Math.max(0, forecast - Z10 * sd),
			high: Math.max(0, forecast + Z10 * sd),
			actual,
			fromPipeline,
			fromNew: actual - fromPipeline,
			accuracy:
				actual === 0
					? forecast === 0
						? 1
						: 0
					: Math.max(0, 1 - Math.abs(forecast - actual) / actual),
			bias: nul(forecast - actual, actual)
		};
	}

	// 13. churn
	let atStart = 0;
	let churned = 0;
	let fresh = 0;
	let activeAtEnd = 0;
	for (const c of records.customers) {
		if (c.deletedAt || !repOk(c.ownerId) || !leadOfOk(c.leadId)) continue;
		const since = t(c.since);
		const ch = c.churnedAt ? t(c.churnedAt) : null;
		if (since < from && (ch === null || ch >= from)) {
			atStart++;
			if (inP(ch)) churned++;
		}
		if (inP(since)) fresh++;
		if (since < to && (ch === null || ch >= to)) activeAtEnd++;
	}

	return {
		salesCycle,
		winLoss,
		costPerLead: {
			cpl: nul(budgetSum, leadSum),
			budget: budgetSum,
			leads: leadSum,
			campaigns: overlapping,
			byCampaign
		},
		stageDistribution: {
			total: snapshot.length,
			openTotal: openCount,
			byStage,
			cohort: cohort.length,
			funnel,
			avgDaysInStage
		},
		activities: { total: actsInP.length, byType, byRep: actByRep, series, seasonality },
		opportunities: {
			...conv(),
			byOrigin: { marketing: conv('marketing'), sales: conv('sales') }
		},
		responseTime: {
			...hourStats(answered.map(rtSpan)),
			unanswered: cohort.length - answered.length,
			clamped: rtClamped,
			byRep: rtByRep
		},
		followUp: {
			total: cohort.length,
			followedUp: answered.length,
			rate: nul(answered.length, cohort.length),
			byRep: fuByRep
		},
		responses: { ...figures(resp), byRep: responsesByRep },
		leadOrigin: {
			cohort: cohort.length,
			marketing,
			sales,
			marketingShare: nul(marketing, cohort.length),
			salesShare: nul(sales, cohort.length),
			series: originSeries
		},
		forecastAccuracy: {
			count: rows.length,
			accuracy: sumActual === 0 ? null : Math.max(0, 1 - sumAbs / sumActual),
			bias: nul(sumErr, sumActual),
			amount: sumAmount,
			actual: sumActual,
			rows,
			...(byFilters
				? {
						unfilteredBy: [
							...(options.campaigns ? (['campaigns'] as const) : []),
							...(options.origins ? (['origins'] as const) : [])
						]
					}
				: {})
		},
		weightedPipeline: {
			mode,
			count: pCount,
			total: pTotal,
			weighted: pWeighted,
			meanWonValue,
			meanCycleDays: wonBefore.length ? meanCycleMs / MS_PER_DAY : null,
			byStage: pByStage,
			byRep: pByRep,
			projection,
			range
		},
		churn: { atStart, churned, rate: nul(churned, atStart), new: fresh, activeAtEnd },
		targets: { rows: targetRows },
		calibration,
		pipelineForecast
	};
}
