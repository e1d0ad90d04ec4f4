// Real CRM exports through detection, a preset and conversion: the Maven CRM and Salesforce
// files kept in tests/fixtures/external, and the Olist set (not redistributable) from
// ../shared/data/external when it is there. Expected figures are the data sets' published facts
// (see tests/fixtures/external/README.md), not output of this code.
import { describe, expect, it } from 'vitest';
import {
	fixtureBytes,
	HAS_OLIST,
	OLIST_SKIPPED,
	olistBytes
} from '../../../../tests/fixtures/external-data';
import { defaultStages } from '../../domain/default-pipeline';
import { computeKpis, datasetFromRecords } from '../../kpi';
import { parseSharedFile, serializeSharedFile, toSharedFile } from '../shared-file';
import {
	BUILT_IN_PRESETS,
	convertTable,
	matchingPresets,
	presetMappingFor,
	readCsv,
	type ImportContext,
	type ImportPreset,
	type ImportSettings
} from './index';

const bytes = fixtureBytes;
if (!HAS_OLIST) console.warn(OLIST_SKIPPED);
const NOW = '2026-11-27T10:00:00.000Z';

function context(): ImportContext {
	return {
		timeZone: 'UTC',
		now: NOW,
		stages: defaultStages(NOW),
		reps: [{ id: 'me', updatedAt: NOW, name: 'Me', active: true }],
		campaigns: [],
		meRepId: 'me'
	};
}

function settingsFrom(
	preset: ImportPreset,
	headers: string[],
	order: ImportSettings['dateOrder']
): ImportSettings {
	return {
		kind: preset.kind,
		dateOrder: order,
		decimalComma: false,
		mapping: presetMappingFor(preset, headers),
		stageMap: preset.stageMap,
		typeMap: preset.typeMap,
		closedFromStageId: preset.closedFromStageId,
		defaultOrigin: preset.defaultOrigin
	};
}

function importWith(rel: string, presetId?: string) {
	const read = readCsv(bytes(rel));
	const preset = presetId
		? BUILT_IN_PRESETS.find((p) => p.id === presetId)!
		: matchingPresets(read.table.headers, BUILT_IN_PRESETS)[0];
	const result = convertTable(
		read.table,
		settingsFrom(preset, read.table.headers, read.summary.dateOrder),
		context()
	);
	return { read, preset, result };
}

/** The records must also pass the shared file's own whole-file check. */
function expectValidFile(records: ReturnType<typeof importWith>['result']['records']) {
	const file = toSharedFile(records, { name: 't', currency: 'USD', timeZone: 'UTC' }, NOW);
	const parsed = parseSharedFile(serializeSharedFile(file), 't.json');
	expect(parsed.ok ? [] : parsed.problems).toEqual([]);
}

describe('Maven CRM sales_pipeline.csv', () => {
	const { read, preset, result } = importWith('maven-crm-sales-opportunities/sales_pipeline.csv');

	it('is recognised as the Maven preset, comma, header, ISO dates, UTF-8 without BOM', () => {
		expect(preset.id).toBe('maven-crm');
		expect(read.table.delimiter).toBe(',');
		expect(read.table.hasHeader).toBe(true);
		expect(read.summary.dateOrder).toBe('ymd');
		expect(read.encoding).toBe('utf-8');
		expect(read.bom).toBe(false);
	});

	it('converts all 8,800 deals without a problem, with 30 reps', () => {
		expect(result.problems).toEqual([]);
		expect(result.records.leads).toHaveLength(8800);
		expect(result.records.reps).toHaveLength(30);
		const byStage = new Map<string, number>();
		for (const l of result.records.leads) byStage.set(l.stageId, (byStage.get(l.stageId) ?? 0) + 1);
		expect(Object.fromEntries(byStage)).toEqual({
			won: 4238,
			lost: 2473,
			qualified: 1589,
			lead: 500
		});
		expectValidFile(result.records);
	});

	it('gives the published win rate and won value for 2016-10-01..2018-01-01', () => {
		const file = toSharedFile(
			{ ...result.records, stages: defaultStages(NOW) },
			{ name: 'Maven', currency: 'USD', timeZone: 'UTC' },
			NOW
		);
		const r = computeKpis(datasetFromRecords(file, 'UTC'), {
			from: Date.UTC(2016, 9, 1),
			to: Date.UTC(2018, 0, 1),
			now: Date.UTC(2018, 0, 1)
		});
		expect(r.winLoss.won).toBe(4238);
		expect(r.winLoss.lost).toBe(2473);
		expect(Math.round(r.winLoss.winRate! * 1000) / 10).toBe(63.2);
		expect(r.winLoss.wonValue).toBe(10_005_534);
	});

	it('closed deals carry their history: the engaged stage at engage_date, then won/lost at close_date', () => {
		const events = result.records.stageEvents.filter((e) => e.leadId === '1C1I7A6R');
		expect(events.map((e) => [e.stageId, e.at])).toEqual([
			['qualified', '2016-10-20'],
			['won', '2017-03-01']
		]);
	});

	it('re-importing the same file gives the same ids (so a merge adds nothing)', () => {
		const again = importWith('maven-crm-sales-opportunities/sales_pipeline.csv').result;
		expect(again.records.leads.map((l) => l.id)).toEqual(result.records.leads.map((l) => l.id));
		expect(again.records.stageEvents.map((e) => e.id)).toEqual(
			result.records.stageEvents.map((e) => e.id)
		);
		expect(again.records.reps.map((r) => r.id)).toEqual(result.records.reps.map((r) => r.id));
	});
});

describe('Salesforce export (BOM, 1/empty booleans, +0000 timestamps, 18-character ids)', () => {
	it('Opportunity.csv: 50 deals with their 18-character ids; 12 won, 3 lost from IsClosed/IsWon', () => {
		const { read, preset, result } = importWith('salesforce-data-cloud-workshop/Opportunity.csv');
		expect(read.bom).toBe(true);
		expect(read.table.headers[0]).toBe('Id');
		expect(preset.id).toBe('salesforce-opportunity');
		expect(result.problems).toEqual([]);
		expect(result.records.leads).toHaveLength(50);
		expect(result.records.leads.every((l) => l.id.length === 18 && l.id.startsWith('006'))).toBe(
			true
		);
		const count = (s: string) => result.records.leads.filter((l) => l.stageId === s).length;
		expect(count('won')).toBe(12);
		expect(count('lost')).toBe(3);
		// One owner across the org: one new rep named by its id.
		expect(result.records.reps.map((r) => r.name)).toEqual(['005Ec000004oBPNIA2']);
		const first = result.records.leads.find((l) => l.id === '006Ec00000AieKFIAZ')!;
		expect(first.createdAt).toBe('2024-01-22T16:14:25.000Z');
		expect(first.value).toBe(1124741.15);
		expect(first.stageId).toBe('qualified');
		// Closed before "created" (the load date): the close stays the last event.
		for (const l of result.records.leads) {
			const evs = result.records.stageEvents.filter((e) => e.leadId === l.id);
			expect(evs[evs.length - 1].stageId).toBe(l.stageId);
		}
		expectValidFile(result.records);
	});

	it('Lead.csv: 60 leads, statuses mapped, sources kept', () => {
		const { preset, result } = importWith('salesforce-data-cloud-workshop/Lead.csv');
		expect(preset.id).toBe('salesforce-lead');
		expect(result.problems).toEqual([]);
		expect(result.records.leads).toHaveLength(60);
		const sources = new Map<string, number>();
		for (const l of result.records.leads) sources.set(l.source!, (sources.get(l.source!) ?? 0) + 1);
		expect(Object.fromEntries(sources)).toEqual({
			'Cold Call': 25,
			Referral: 22,
			'Online Form': 13
		});
		expect(result.records.leads.find((l) => l.id === '00QEc00000BBaeXMAT')?.name).toBe(
			'William Lee'
		);
		expectValidFile(result.records);
	});

	it('Task.csv: 75 activities typed from Type__c', () => {
		const { preset, result } = importWith('salesforce-data-cloud-workshop/Task.csv');
		expect(preset.id).toBe('salesforce-task');
		expect(result.problems).toEqual([]);
		expect(result.records.activities).toHaveLength(75);
		const first = result.records.activities.find((a) => a.id === '00TEc00000Co1WhMAJ')!;
		expect(first).toMatchObject({ type: 'other', at: '2023-12-25', note: 'Customer Onboarding' });
		expect(new Set(result.records.activities.map((a) => a.type))).toEqual(
			new Set(['call', 'email', 'meeting', 'other'])
		);
		expectValidFile(result.records);
	});
});

describe.skipIf(!HAS_OLIST)(
	'Olist marketing funnel (tests only: CC BY-NC-SA; read from ../shared)',
	() => {
		it('MQLs import as 8,000 leads by origin, with the published counts per source', () => {
			const read = readCsv(olistBytes('olist_marketing_qualified_leads_dataset.csv'));
			const result = convertTable(
				read.table,
				{
					kind: 'leads',
					dateOrder: read.summary.dateOrder,
					decimalComma: false,
					mapping: { id: 'mql_id', createdAt: 'first_contact_date', source: 'origin' },
					defaultOrigin: 'marketing'
				},
				context()
			);
			expect(result.problems).toEqual([]);
			expect(result.records.leads).toHaveLength(8000);
			const n = (s: string | undefined) =>
				result.records.leads.filter((l) => l.source === s).length;
			expect(n('organic_search')).toBe(2296);
			expect(n('paid_search')).toBe(1586);
			expect(n(undefined)).toBe(60);
			expect(
				result.records.leads.every((l) => l.origin === 'marketing' && l.stageId === 'lead')
			).toBe(true);
		});

		it('closed deals import as 842 won deals with wall-clock won dates read in the workspace zone', () => {
			const read = readCsv(olistBytes('olist_closed_deals_dataset.csv'));
			const ctx = { ...context(), timeZone: 'America/Sao_Paulo' };
			const result = convertTable(
				read.table,
				{
					kind: 'leads',
					dateOrder: read.summary.dateOrder,
					decimalComma: read.summary.decimalComma,
					mapping: { id: 'mql_id', closedAt: 'won_date', owner: 'sr_id', outcome: 'lead_type' },
					stageMap: {}
				},
				ctx
			);
			// lead_type is not an outcome: every row is named, by row and column.
			expect(result.problemCount).toBe(842 - read.table.rows.filter((r) => r[6] === '').length);
			expect(result.problems[0]).toMatchObject({
				row: 2,
				column: 'lead_type',
				value: 'online_medium'
			});
			const ok = convertTable(
				read.table,
				{
					kind: 'leads',
					dateOrder: read.summary.dateOrder,
					decimalComma: false,
					mapping: { id: 'mql_id', closedAt: 'won_date', owner: 'sr_id', isClosed: 'mql_id' },
					stageMap: {}
				},
				ctx
			);
			expect(ok.problems.length).toBeGreaterThan(0); // an id is not a yes/no
			const won = convertTable(
				read.table,
				{
					kind: 'leads',
					dateOrder: 'ymd',
					decimalComma: false,
					mapping: { id: 'mql_id', closedAt: 'won_date', owner: 'sr_id', stage: 'lead_type' },
					stageMap: Object.fromEntries(
						[
							'online_medium',
							'online_big',
							'online_small',
							'online_beginner',
							'online_top',
							'industry',
							'offline',
							'other'
						].map((v) => [v, 'won'])
					)
				},
				ctx
			);
			expect(won.problems).toEqual([]);
			expect(won.records.leads).toHaveLength(842);
			expect(won.records.reps).toHaveLength(22);
			const first = won.records.leads.find((l) => l.id === '5420aad7fec3549a85876ba1c529bd84')!;
			// 2018-02-26 19:58:54 in São Paulo (UTC-3 that day) is 22:58:54 UTC.
			expect(first.createdAt).toBe('2018-02-26T22:58:54.000Z');
			expect(first.stageId).toBe('won');
		});
	}
);
