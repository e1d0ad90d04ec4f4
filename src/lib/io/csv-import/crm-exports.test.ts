// Real CRM export shapes (tests/fixtures/crm: written by hand from the vendors' documented
// columns and values) through detection, the preset the wizard picks and its defaults, to the
// win rate, won value and counts counted by hand from each file. Nothing is changed from the
// defaults the wizard offers: that is the promise to a person who brings such a file.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../domain/default-pipeline';
import type { Records } from '../../domain/types';
import { computeKpis, datasetFromRecords } from '../../kpi';
import {
	BUILT_IN_PRESETS,
	convertTable,
	guessStage,
	matchingPresets,
	presetMappingFor,
	readCsv,
	tableFromRows,
	type ImportContext,
	type ImportSettings
} from './index';
import { cellText } from './workbook';

const DIR = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../../tests/fixtures/crm'
);
const NOW = '2026-11-27T10:00:00.000Z';
const TZ = 'Europe/Copenhagen';
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));

function context(): ImportContext {
	return {
		timeZone: TZ,
		now: NOW,
		stages: defaultStages(NOW),
		reps: [{ id: 'me', updatedAt: NOW, name: 'Me', active: true }],
		campaigns: [],
		meRepId: 'me'
	};
}

/** What the wizard sets up for a file: the first matching preset and what detection found. */
function wizardDefaults(read: ReturnType<typeof readCsv>, excelDates = false) {
	const preset = matchingPresets(read.table.headers, BUILT_IN_PRESETS)[0];
	const settings: ImportSettings = {
		kind: preset.kind,
		dateOrder: read.summary.dateOrder,
		decimalComma: read.summary.decimalComma,
		mapping: presetMappingFor(preset, read.table.headers),
		stageMap: preset.stageMap,
		typeMap: preset.typeMap,
		closedFromStageId: preset.closedFromStageId,
		defaultOrigin: preset.defaultOrigin,
		excelDates
	};
	return { preset, settings };
}

function importFile(name: string) {
	const read = readCsv(bytes(name));
	const { preset, settings } = wizardDefaults(read);
	const result = convertTable(read.table, settings, context());
	return { read, preset, settings, result };
}

/** Win/loss over all of 2024 in the workspace zone, as the dashboard would show it. */
function winLoss(records: Records) {
	// The workspace the records are written into: its stages and reps, and these records.
	const ctx = context();
	const file = {
		...records,
		stages: [...ctx.stages],
		reps: [...ctx.reps, ...records.reps],
		workspace: { name: 't', currency: 'DKK', timeZone: TZ }
	};
	const r = computeKpis(datasetFromRecords(file as never, TZ), {
		from: Date.parse('2023-12-31T23:00:00Z'),
		to: Date.parse('2024-12-31T23:00:00Z'),
		now: Date.parse(NOW),
		timeZone: TZ,
		granularity: 'month',
		pipelineMode: 'configured'
	});
	return r.winLoss;
}

const count = (records: Records, stageId: string) =>
	records.leads.filter((l) => l.stageId === stageId).length;

describe('Pipedrive deals with only Won time and Lost time', () => {
	it('imports with the defaults: 5 won (76,900), 3 lost, 4 open, win rate 62.5 %', () => {
		const { preset, settings, result } = importFile('pipedrive-deals.csv');
		expect(preset.id).toBe('pipedrive-deals');
		// The close comes from the won time for won deals and the lost time for lost ones.
		expect(settings.mapping.wonAt).toBe('Deal - Won time');
		expect(settings.mapping.lostAt).toBe('Deal - Lost time');
		expect(settings.mapping.closedAt).toBeUndefined();
		expect(result.problems).toEqual([]);
		expect(result.records.leads).toHaveLength(12);
		expect(count(result.records, 'won')).toBe(5);
		expect(count(result.records, 'lost')).toBe(3);
		const wl = winLoss(result.records);
		expect(wl).toMatchObject({ won: 5, lost: 3, wonValue: 76_900 });
		expect(wl.winRate).toBeCloseTo(0.625, 10);
	});

	it("takes a won deal's close from its won time, even when it was lost once before", () => {
		const { result } = importFile('pipedrive-deals.csv');
		const events = result.records.stageEvents.filter((e) => e.leadId === '2');
		expect(events.at(-1)).toMatchObject({ stageId: 'won', at: '2024-03-01T10:30:00.000Z' });
		const lost = result.records.stageEvents.filter((e) => e.leadId === '3');
		expect(lost.at(-1)).toMatchObject({ stageId: 'lost', at: '2024-02-10T15:45:00.000Z' });
		// Open deals keep their stage: Pipedrive's default pipeline in its order.
		const stageOf = (id: string) => result.records.leads.find((l) => l.id === id)?.stageId;
		expect([stageOf('11'), stageOf('10'), stageOf('9'), stageOf('12')]).toEqual([
			'lead',
			'contacted',
			'proposal',
			'negotiation'
		]);
		expect(result.records.reps.map((r) => r.name).sort()).toEqual(['Anna Berg', 'Jonas Holm']);
	});

	it('the European-locale export (BOM, semicolons, dd.mm.yyyy, 12.000,00) gives the same deals', () => {
		const eu = importFile('pipedrive-deals-eu.csv');
		expect(eu.read.bom).toBe(true);
		expect(eu.read.table.delimiter).toBe(';');
		expect(eu.settings.dateOrder).toBe('dmy');
		expect(eu.settings.decimalComma).toBe(true);
		expect(eu.result.problems).toEqual([]);
		const us = importFile('pipedrive-deals.csv');
		// The European file has minutes, not seconds: compare to the minute.
		const shape = (r: Records) =>
			r.leads.map((l) => ({ ...l, createdAt: l.createdAt.slice(0, 16) }));
		expect(shape(eu.result.records)).toEqual(shape(us.result.records));
		expect(winLoss(eu.result.records)).toEqual(winLoss(us.result.records));
	});

	it('an open deal at an unknown stage is guessed from its name, and marked as a guess', () => {
		const stages = defaultStages(NOW);
		expect(guessStage('Demo Scheduled', stages)).toEqual({
			stageId: 'qualified',
			certainty: 'known'
		});
		expect(guessStage('Contract out for signature', stages)).toEqual({
			stageId: 'negotiation',
			certainty: 'guess'
		});
		expect(guessStage('Waiting', stages)).toEqual({ stageId: 'lead', certainty: 'guess' });
	});

	it('a deal whose status is won is won, whatever its stage is called', () => {
		const read = readCsv(
			'Deal - Title,Deal - Stage,Deal - Status,Deal - Won time,Deal - Lost time\n' +
				'A,Something custom,Won,2024-02-01 10:00:00,\n' +
				'B,Another custom,lost,,2024-02-02 10:00:00\n'
		);
		const { settings } = wizardDefaults(read);
		const r = convertTable(read.table, settings, context());
		expect(r.problems).toEqual([]);
		expect(r.records.leads.map((l) => l.stageId)).toEqual(['won', 'lost']);
	});

	it('a won deal with no close anywhere is named by row and column', () => {
		const read = readCsv(
			'Deal - Title,Deal - Stage,Deal - Status,Deal - Won time,Deal - Lost time\nA,Qualified,Won,,\n'
		);
		const { settings } = wizardDefaults(read);
		const r = convertTable(read.table, settings, context());
		expect(r.problems).toEqual([
			{ row: 2, column: 'Deal - Won time', value: '', message: 'is empty for a won deal' }
		]);
	});
});

describe('Pipedrive activities', () => {
	it('link to the deals by the export’s own deal ids, with their types', () => {
		const { preset, result } = importFile('pipedrive-activities.csv');
		expect(preset.id).toBe('pipedrive-activities');
		expect(result.problems).toEqual([]);
		const acts = result.records.activities;
		expect(acts.map((a) => [a.id, a.type, a.leadId])).toEqual([
			['101', 'call', '1'],
			['102', 'meeting', '1'],
			['103', 'meeting', '3'],
			['104', 'email', '5'],
			['105', 'call', '9'],
			['106', 'other', '12']
		]);
		// Done: when it was marked done; not done: its due date.
		expect(acts[0].at).toBe('2024-01-09T09:25:00.000Z');
		expect(acts[5].at).toBe('2024-04-20');
		// The deals' ids are the same ids: an activity import after the deals links them.
		const deals = importFile('pipedrive-deals.csv').result.records.leads.map((l) => l.id);
		for (const a of acts) expect(deals).toContain(a.leadId);
	});
});

describe('HubSpot deals', () => {
	for (const file of ['hubspot-deals.csv', 'hubspot-deals-ids.csv']) {
		it(`${file}: 4 won (44,500), 2 lost, 4 open, win rate 66.7 %, with the defaults`, () => {
			const { preset, result } = importFile(file);
			expect(preset.id).toBe('hubspot-deals');
			expect(result.problems).toEqual([]);
			expect(count(result.records, 'won')).toBe(4);
			expect(count(result.records, 'lost')).toBe(2);
			const wl = winLoss(result.records);
			expect(wl).toMatchObject({ won: 4, lost: 2, wonValue: 44_500 });
			expect(wl.winRate).toBeCloseTo(4 / 6, 10);
			const stages = result.records.leads
				.filter((l) => l.stageId !== 'won' && l.stageId !== 'lost')
				.map((l) => l.stageId);
			expect(stages).toEqual(['contacted', 'qualified', 'proposal', 'negotiation']);
		});
	}
});

describe('Salesforce opportunity report', () => {
	for (const [file, order] of [
		['salesforce-opportunity-report.csv', 'mdy'],
		['salesforce-opportunity-report-de.csv', 'dmy']
	] as const) {
		it(`${file}: 3 won (46,500), 2 lost, 3 open, win rate 60 %, with the defaults`, () => {
			const { preset, settings, result } = importFile(file);
			expect(preset.id).toBe('salesforce-opportunity-report');
			expect(settings.dateOrder).toBe(order);
			expect(result.problems).toEqual([]);
			expect(result.records.leads).toHaveLength(8);
			const wl = winLoss(result.records);
			expect(wl).toMatchObject({ won: 3, lost: 2, wonValue: 46_500 });
			expect(wl.winRate).toBeCloseTo(0.6, 10);
			// 12-hour and 24-hour created times read as the same wall time.
			const globex = result.records.leads.find((l) => l.name === 'Globex - Platform')!;
			expect(globex.createdAt).toBe('2024-01-12T08:30:00.000Z');
			expect(globex.id).toBe('0065g00000AbCdEAAA');
		});
	}
});

describe('contacts, people and activities of HubSpot and Pipedrive', () => {
	it('HubSpot contacts import as leads at their lifecycle stage; customers are won', () => {
		const read = readCsv(
			'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Contact owner,Create Date,Lifecycle Stage,Became a Customer Date,Original Source\n' +
				'501,Ida,Berg,ida@berg.dk,+45 1234,Berg A/S,Maja Skov,2024-01-05 09:00,Lead,,Organic Search\n' +
				'502,Ole,Dahl,ole@dahl.dk,,Dahl ApS,Emil Dahl,2024-01-10 11:20,Sales Qualified Lead,,Paid Search\n' +
				'503,Eva,Sø,eva@so.dk,,Sø I/S,Maja Skov,2024-01-12 14:00,customer,2024-03-01 10:00,Referrals\n'
		);
		const { preset, settings } = wizardDefaults(read);
		expect(preset.id).toBe('hubspot-contacts');
		const r = convertTable(read.table, settings, context());
		expect(r.problems).toEqual([]);
		expect(r.records.leads.map((l) => [l.name, l.stageId, l.origin])).toEqual([
			['Ida Berg', 'lead', 'marketing'],
			['Ole Dahl', 'qualified', 'marketing'],
			['Eva Sø', 'won', 'marketing']
		]);
		const won = r.records.stageEvents.filter((e) => e.leadId === '503').at(-1);
		expect(won).toMatchObject({ stageId: 'won', at: '2024-03-01T09:00:00.000Z' });
	});

	it('HubSpot activities import with their types and the deal they belong to', () => {
		const read = readCsv(
			'Record ID,Activity date,Activity type,Activity assigned to,Associated Deal IDs,Call outcome,Call title\n' +
				'7001,2024-02-01 10:00,Call,Maja Skov,9001234501,Positive,Kick-off call\n' +
				'7002,2024-02-03 13:30,MEETING,Emil Dahl,9001234502,,Demo\n' +
				'7003,2024-02-05 09:15,Email,Maja Skov,9001234501,,\n'
		);
		const { preset, settings } = wizardDefaults(read);
		expect(preset.id).toBe('hubspot-activities');
		const r = convertTable(read.table, settings, context());
		expect(r.problems).toEqual([]);
		expect(r.records.activities.map((a) => [a.type, a.leadId, a.response ?? ''])).toEqual([
			['call', '9001234501', 'positive'],
			['meeting', '9001234502', ''],
			['email', '9001234501', '']
		]);
	});

	it('Pipedrive people import as leads with their organisation', () => {
		const read = readCsv(
			'Person - ID,Person - Name,Person - Organization,Person - Email,Person - Phone,Person - Owner,Person - Person created\n' +
				'31,Mette Lund,Acme A/S,mette@acme.dk,+45 1111,Anna Berg,2024-01-02 08:00:00\n' +
				'32,Ole Birk,Birk ApS,ole@birk.dk,,Jonas Holm,2024-01-03 09:00:00\n'
		);
		const { preset, settings } = wizardDefaults(read);
		expect(preset.id).toBe('pipedrive-persons');
		const r = convertTable(read.table, settings, context());
		expect(r.problems).toEqual([]);
		expect(r.records.leads.map((l) => [l.id, l.name, l.company, l.stageId])).toEqual([
			['31', 'Mette Lund', 'Acme A/S', 'lead'],
			['32', 'Ole Birk', 'Birk ApS', 'lead']
		]);
	});
});

describe('any order of columns and any header casing', () => {
	it('imports the same records (fast-check)', () => {
		const base = readCsv(bytes('pipedrive-deals.csv'));
		const want = convertTable(base.table, wizardDefaults(base).settings, context()).records;
		const width = base.table.headers.length;
		fc.assert(
			fc.property(
				fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width }),
				fc.array(fc.constantFrom('lower', 'upper', 'same', 'spaced'), {
					minLength: width,
					maxLength: width
				}),
				(order, casing) => {
					const header = order.map((i, k) => {
						const h = base.table.headers[i];
						const c = casing[k];
						return c === 'lower'
							? h.toLowerCase()
							: c === 'upper'
								? h.toUpperCase()
								: c === 'spaced'
									? ` ${h} `
									: h;
					});
					const rows = [header, ...base.table.rows.map((r) => order.map((i) => r[i] ?? ''))];
					const table = { ...tableFromRows(rows), delimiter: ',' as const, csvErrors: [] };
					const read = { ...base, table };
					const { preset, settings } = wizardDefaults(read);
					expect(preset.id).toBe('pipedrive-deals');
					const got = convertTable(table, settings, context());
					expect(got.problems).toEqual([]);
					expect(got.records).toEqual(want);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('workbook cells as text', () => {
	it('dates as ISO (with a time only when there is one), numbers plainly, booleans as TRUE/FALSE', () => {
		expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
		expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 22, 10)))).toBe('2024-03-05 14:22:10');
		// Excel's binary fractions of a day: 10:20 read back a hair early is still 10:20.
		expect(cellText(new Date(Date.UTC(2024, 1, 5, 10, 19, 59, 999)))).toBe('2024-02-05 10:20:00');
		expect(cellText(1234.5)).toBe('1234.5');
		expect(cellText(true)).toBe('TRUE');
		expect(cellText(null)).toBe('');
	});
});
