// Test data for the io tests: one hand-written valid file and fast-check generators of valid
// records. Imported by *.test.ts only.

import fc from 'fast-check';
import type {
	Activity,
	Campaign,
	Customer,
	Forecast,
	Lead,
	Records,
	Rep,
	SharedFile,
	Stage,
	StageEvent,
	Target
} from '../domain/types';

/** A valid file holding one record of every list, every field filled. */
export function sampleFile(): SharedFile {
	return {
		format: 'tragt',
		version: 2,
		exportedAt: '2026-11-27T10:00:00Z',
		workspace: { name: 'Nordic team', currency: 'DKK', timeZone: 'Europe/Copenhagen' },
		reps: [
			{ id: 'r1', updatedAt: '2026-11-01T09:00:00Z', name: 'Ann', email: 'ann@x.dk', active: true }
		],
		stages: [
			{
				id: 'lead',
				updatedAt: '2026-11-01T09:00:00Z',
				name: 'Lead',
				order: 0,
				kind: 'open',
				probability: 0.1,
				qualified: false
			},
			{
				id: 'won',
				updatedAt: '2026-11-01T09:00:00Z',
				name: 'Won',
				order: 5,
				kind: 'won',
				probability: 1,
				qualified: true
			}
		],
		campaigns: [
			{
				id: 'c1',
				updatedAt: '2026-11-01T09:00:00Z',
				name: 'Fair',
				channel: 'events',
				origin: 'marketing',
				budget: 1000,
				startDate: '2026-10-01',
				endDate: '2026-10-31'
			}
		],
		leads: [
			{
				id: 'l1',
				updatedAt: '2026-11-02T09:00:00+01:00',
				name: 'Acme deal',
				company: 'Acme',
				email: 'a@acme.dk',
				phone: '+45 1234',
				ownerId: 'r1',
				campaignId: 'c1',
				origin: 'marketing',
				source: 'fair',
				createdAt: '2026-10-05',
				stageId: 'lead',
				value: 5000,
				expectedCloseDate: '2026-12-01',
				lostReason: 'n/a'
			}
		],
		stageEvents: [
			{
				id: 'e1',
				updatedAt: '2026-11-01T09:00:00Z',
				leadId: 'l1',
				stageId: 'lead',
				at: '2026-10-05',
				repId: 'r1'
			}
		],
		activities: [
			{
				id: 'a1',
				updatedAt: '2026-11-01T09:00:00Z',
				leadId: 'l1',
				repId: 'r1',
				type: 'call',
				at: '2026-10-06T10:00:00Z',
				response: 'positive',
				note: 'ok'
			}
		],
		customers: [
			{
				id: 'k1',
				updatedAt: '2026-11-01T09:00:00Z',
				name: 'Acme',
				ownerId: 'r1',
				leadId: 'l1',
				since: '2026-11-01',
				churnedAt: '2026-11-20T00:00:00Z'
			}
		],
		forecasts: [
			{ id: 'f1', updatedAt: '2026-11-01T09:00:00Z', period: '2026-Q4', repId: 'r1', amount: 20000 }
		],
		targets: [
			{
				id: 't1',
				updatedAt: '2026-11-01T09:00:00Z',
				metric: 'wonValue',
				repId: 'r1',
				from: '2026-10-01',
				to: '2026-12-31',
				amount: 250000
			}
		]
	};
}

// Small pools so that generated lists share ids and merges have real conflicts.
const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const refArb = fc.constantFrom('a', 'b', 'c', 'r1', 'lead', 'x-y');

const BASE_MS = Date.UTC(2026, 10, 1);
/** Instants in a few spellings; the same instant can appear as `Z` and as `+01:00`. */
export const instantArb = fc
	.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('Z', '+01:00', '.000Z', '-05:30'))
	.map(([h, form]) => {
		const ms = BASE_MS + h * 3_600_000;
		const iso = new Date(ms).toISOString().slice(0, 19); // UTC wall time
		if (form === 'Z') return iso + 'Z';
		if (form === '.000Z') return iso + '.000Z';
		const offMin = form === '+01:00' ? 60 : -330;
		return new Date(ms + offMin * 60_000).toISOString().slice(0, 19) + form;
	});
const dateArb = fc
	.integer({ min: 0, max: 900 })
	.map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const dateOrInstantArb = fc.oneof(dateArb, instantArb);
/** Text with the characters that matter to CSV and spreadsheets. */
const textArb = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.constantFrom(
		'=1+2',
		'-5',
		'+45 1234',
		'@SUM(A1)',
		'\tx',
		'\rx',
		"'quoted",
		"''",
		'a,b',
		'say "hi"',
		'two\nlines',
		'crlf\r\nx',
		'æøå €',
		' padded '
	)
);
/** Optional text is never empty: CSV cannot tell "" from absent (see csv-export.ts). */
const optTextArb = textArb.filter((s) => s !== '');
const moneyArb = fc
	.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }))
	.map((x) => x + 0);

function base() {
	return { id: idArb, updatedAt: instantArb, deletedAt: instantArb };
}
const BASE_REQUIRED = ['id', 'updatedAt'] as const;

export const repArb: fc.Arbitrary<Rep> = fc.record(
	{ ...base(), name: textArb, email: optTextArb, active: fc.boolean() },
	{ requiredKeys: [...BASE_REQUIRED, 'name', 'active'] }
);
export const stageArb: fc.Arbitrary<Stage> = fc.record(
	{
		...base(),
		name: textArb,
		order: fc.integer({ min: -3, max: 20 }),
		kind: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
		probability: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
		qualified: fc.boolean()
	},
	{ requiredKeys: [...BASE_REQUIRED, 'name', 'order', 'kind', 'probability', 'qualified'] }
);
export const campaignArb: fc.Arbitrary<Campaign> = fc.record(
	{
		...base(),
		name: textArb,
		channel: optTextArb,
		origin: fc.constantFrom('marketing' as const, 'sales' as const),
		budget: moneyArb,
		startDate: dateArb,
		endDate: dateArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'name', 'origin', 'budget'] }
);
export const leadArb: fc.Arbitrary<Lead> = fc.record(
	{
		...base(),
		name: textArb,
		company: optTextArb,
		email: optTextArb,
		phone: optTextArb,
		ownerId: refArb,
		campaignId: refArb,
		origin: fc.constantFrom('marketing' as const, 'sales' as const),
		source: optTextArb,
		createdAt: dateOrInstantArb,
		stageId: refArb,
		value: moneyArb,
		expectedCloseDate: dateArb,
		lostReason: optTextArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'name', 'ownerId', 'origin', 'createdAt', 'stageId'] }
);
export const stageEventArb: fc.Arbitrary<StageEvent> = fc.record(
	{ ...base(), leadId: refArb, stageId: refArb, at: dateOrInstantArb, repId: refArb },
	{ requiredKeys: [...BASE_REQUIRED, 'leadId', 'stageId', 'at'] }
);
export const activityArb: fc.Arbitrary<Activity> = fc.record(
	{
		...base(),
		leadId: refArb,
		repId: refArb,
		type: fc.constantFrom('call' as const, 'email' as const, 'meeting' as const, 'other' as const),
		at: dateOrInstantArb,
		response: fc.constantFrom('positive' as const, 'negative' as const, 'neutral' as const),
		note: optTextArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'repId', 'type', 'at'] }
);
export const customerArb: fc.Arbitrary<Customer> = fc.record(
	{
		...base(),
		name: textArb,
		ownerId: refArb,
		leadId: refArb,
		since: dateOrInstantArb,
		churnedAt: dateOrInstantArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'name', 'since'] }
);
export const forecastArb: fc.Arbitrary<Forecast> = fc.record(
	{
		...base(),
		period: fc.constantFrom('2026', '2026-01', '2026-12', '2026-Q1', '2026-Q4', '2025-07'),
		repId: refArb,
		amount: moneyArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'period', 'amount'] }
);

// Every `to` below is after every `from`: a valid window.
export const targetArb: fc.Arbitrary<Target> = fc.record(
	{
		...base(),
		metric: fc.constantFrom(
			'wonValue' as const,
			'won' as const,
			'newLeads' as const,
			'opportunities' as const,
			'activities' as const
		),
		repId: refArb,
		from: fc.constantFrom('2026-01-01', '2026-10-01', '2026-11-01'),
		to: fc.constantFrom('2026-11-30', '2026-12-31', '2027-03-31'),
		amount: moneyArb
	},
	{ requiredKeys: [...BASE_REQUIRED, 'metric', 'from', 'to', 'amount'] }
);

const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 6 });
const uniqueList = <T extends { id: string }>(arb: fc.Arbitrary<T>) =>
	fc.uniqueArray(arb, { maxLength: 6, selector: (r) => r.id });

/** Records whose lists may repeat an id (merge input). */
export const recordsArb: fc.Arbitrary<Records> = fc.record({
	reps: list(repArb),
	stages: list(stageArb),
	campaigns: list(campaignArb),
	leads: list(leadArb),
	stageEvents: list(stageEventArb),
	activities: list(activityArb),
	customers: list(customerArb),
	forecasts: list(forecastArb),
	targets: list(targetArb)
});

/** Records as a valid file holds them: ids unique within each list. */
export const validRecordsArb: fc.Arbitrary<Records> = fc.record({
	reps: uniqueList(repArb),
	stages: uniqueList(stageArb),
	campaigns: uniqueList(campaignArb),
	leads: uniqueList(leadArb),
	stageEvents: uniqueList(stageEventArb),
	activities: uniqueList(activityArb),
	customers: uniqueList(customerArb),
	forecasts: uniqueList(forecastArb),
	targets: uniqueList(targetArb)
});
