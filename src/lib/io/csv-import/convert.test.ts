import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { MAVEN_PIPELINE } from '../../../../tests/fixtures/external-data';
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../domain/default-pipeline';
import {
	BUILT_IN_PRESETS,
	convertTable,
	describeProblem,
	deleteUserPreset,
	loadUserPresets,
	presetMappingFor,
	problemsToCsv,
	readCsv,
	saveUserPreset,
	suggestMapping,
	type ImportContext,
	type ImportSettings
} from './index';

const NOW = '2026-11-27T10:00:00.000Z';
const ctx: ImportContext = {
	timeZone: 'UTC',
	now: NOW,
	stages: defaultStages(NOW),
	reps: [{ id: 'r1', updatedAt: NOW, name: 'Ole Hansen', active: true }],
	campaigns: [],
	meRepId: 'r1'
};
const leadSettings = (mapping: ImportSettings['mapping']): ImportSettings => ({
	kind: 'leads',
	dateOrder: 'ymd',
	decimalComma: false,
	mapping
});

function deals(n: number, bad?: { row: number; value: string }): string {
	const lines = ['deal,owner,stage,created,closed,amount'];
	for (let i = 2; i <= n + 1; i++) {
		const created = bad?.row === i ? bad.value : '2024-03-01';
		lines.push(`Deal ${i},Ole Hansen,Won,${created},2024-04-01,100`);
	}
	return lines.join('\n') + '\n';
}

const dealMapping = {
	name: 'deal',
	owner: 'owner',
	stage: 'stage',
	createdAt: 'created',
	closedAt: 'closed',
	value: 'amount'
};

describe('validation of the whole file', () => {
	it('names the row (as a spreadsheet counts it) and the column of an invalid date', () => {
		const read = readCsv(deals(6000, { row: 5012, value: '2024-02-30' }));
		const r = convertTable(read.table, leadSettings(dealMapping), ctx);
		expect(r.problems).toEqual([
			{
				row: 5012,
				column: 'created',
				value: '2024-02-30',
				message: expect.stringContaining('is not a date')
			}
		]);
		expect(describeProblem(r.problems[0])).toMatch(
			/^Row 5,012, column created: "2024-02-30" is not a date/
		);
	});

	it('reports every problem, not just the first, and the report downloads as CSV', () => {
		const csv =
			'deal,owner,stage,created,closed,amount\nA,Ole Hansen,Won,2024-01-01,,5\nB,Ole Hansen,Weird,2024-01-01,,-3\n';
		const r = convertTable(readCsv(csv).table, leadSettings(dealMapping), ctx);
		expect(r.problems.map((p) => [p.row, p.column])).toEqual([
			[2, 'closed'],
			[3, 'amount'],
			[3, 'stage']
		]);
		const report = problemsToCsv(r.problems);
		expect(report.split('\r\n')[0]).toBe('\uFEFFrow,column,value,problem');
		// Exports escape formulas: a value starting with - gets a leading '.
		expect(report).toContain("3,amount,'-3,is negative");
	});

	it('refuses a duplicate id, naming both rows', () => {
		const csv = 'id,deal\nX1,A\nX2,B\nX1,C\n';
		const r = convertTable(readCsv(csv).table, leadSettings({ id: 'id', name: 'deal' }), ctx);
		expect(r.problems).toEqual([
			{ row: 4, column: 'id', value: 'X1', message: 'is also the id of row 2' }
		]);
	});
});

describe('conversion', () => {
	it('creates missing reps once, matches existing ones by name, and is stable on re-import', () => {
		const csv = 'deal,owner\nA,ole hansen\nB,Mette\nC,Mette\n';
		const s = leadSettings({ name: 'deal', owner: 'owner' });
		const r = convertTable(readCsv(csv).table, s, ctx);
		expect(r.problems).toEqual([]);
		expect(r.records.reps.map((x) => x.name)).toEqual(['Mette']);
		expect(r.records.leads.map((l) => l.ownerId)).toEqual([
			'r1',
			r.records.reps[0].id,
			r.records.reps[0].id
		]);
		const again = convertTable(readCsv(csv).table, s, ctx);
		expect(again.records.leads.map((l) => l.id)).toEqual(r.records.leads.map((l) => l.id));
		// Two rows with the same natural key still get two ids.
		expect(new Set(r.records.leads.map((l) => l.id)).size).toBe(3);
	});

	it('lets the person map a stage value and the engaged stage of closed deals', () => {
		const csv = 'deal,stage,created,closed\nA,Fase 9,2024-01-01,\nB,Tabt,2024-01-01,2024-02-01\n';
		const s: ImportSettings = {
			...leadSettings({ name: 'deal', stage: 'stage', createdAt: 'created', closedAt: 'closed' }),
			stageMap: { 'Fase 9': 'proposal' },
			closedFromStageId: 'contacted'
		};
		const r = convertTable(readCsv(csv).table, s, ctx);
		expect(r.problems).toEqual([]);
		expect(r.records.leads.map((l) => l.stageId)).toEqual(['proposal', 'lost']);
		expect(r.records.stageEvents.map((e) => [e.stageId, e.at])).toEqual([
			['proposal', '2024-01-01'],
			['contacted', '2024-01-01'],
			['lost', '2024-02-01']
		]);
	});

	it('reads semicolon files with decimal commas and day-first dates', () => {
		const csv = 'Navn;Beløb;Oprettet\nHansen ApS;1.234,50;25/03/2024\n';
		const read = readCsv(csv);
		expect(read.summary.decimalComma).toBe(true);
		expect(read.summary.dateOrder).toBe('dmy');
		const mapping = suggestMapping(read.table.headers, 'leads');
		expect(mapping).toMatchObject({ name: 'Navn', value: 'Beløb', createdAt: 'Oprettet' });
		const r = convertTable(
			read.table,
			{ ...leadSettings(mapping), dateOrder: 'dmy', decimalComma: true },
			ctx
		);
		expect(r.records.leads[0]).toMatchObject({
			name: 'Hansen ApS',
			value: 1234.5,
			createdAt: '2024-03-25'
		});
	});

	it('imports campaigns, customers and forecasts', () => {
		const c = convertTable(
			readCsv('Name,Budget,Start,End\nSpring,"5,000",2024-03-01,2024-05-31\n').table,
			{
				kind: 'campaigns',
				dateOrder: 'ymd',
				decimalComma: false,
				mapping: suggestMapping(['Name', 'Budget', 'Start', 'End'], 'campaigns')
			},
			ctx
		);
		expect(c.problems).toEqual([]);
		expect(c.records.campaigns[0]).toMatchObject({
			name: 'Spring',
			budget: 5000,
			startDate: '2024-03-01',
			endDate: '2024-05-31',
			origin: 'marketing'
		});
		const f = convertTable(
			readCsv('period,rep,amount\n2024-Q1,Ole Hansen,1000\n2024-13,,5\n').table,
			{
				kind: 'forecasts',
				dateOrder: 'ymd',
				decimalComma: false,
				mapping: { period: 'period', owner: 'rep', amount: 'amount' }
			},
			ctx
		);
		expect(f.problems).toEqual([
			{
				row: 3,
				column: 'period',
				value: '2024-13',
				message: expect.stringContaining('is not a period')
			}
		]);
	});
});

describe('presets', () => {
	it('saves, edits and deletes named presets in storage', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		};
		const base = BUILT_IN_PRESETS[0];
		saveUserPreset(storage, { ...base, id: 'mine', name: 'Mine', builtIn: true });
		saveUserPreset(storage, { ...base, id: 'mine', name: 'Mine', mapping: { name: 'x' } });
		const list = loadUserPresets(storage);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ id: 'mine', builtIn: false, mapping: { name: 'x' } });
		expect(deleteUserPreset(storage, 'mine')).toEqual([]);
		store.set('tragt.import-presets', '{not json');
		expect(loadUserPresets(storage)).toEqual([]);
	});

	it('keeps only the mapping entries whose columns the file has', () => {
		const hubspot = BUILT_IN_PRESETS.find((p) => p.id === 'hubspot-deals')!;
		const headers = [
			'Record ID',
			'Deal Name',
			'Deal Stage',
			'Amount',
			'Deal owner',
			'Close Date',
			'Create Date',
			'Pipeline'
		];
		expect(presetMappingFor(hubspot, headers)).toEqual({
			id: 'Record ID',
			name: 'Deal Name',
			stage: 'Deal Stage',
			value: 'Amount',
			owner: 'Deal owner',
			closedAt: 'Close Date',
			createdAt: 'Create Date'
		});
	});

	it('HubSpot and Pipedrive deal exports convert with their presets', () => {
		const hub =
			'Record ID,Deal Name,Deal Stage,Amount,Deal owner,Close Date,Create Date,Pipeline\n101,Acme,closedwon,5000,Ole Hansen,2024-05-02 10:00,2024-03-01 09:00,Sales\n102,Beta,Qualified To Buy,,Ole Hansen,,2024-04-01 09:00,Sales\n';
		const pipe =
			'Deal - ID,Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on\n7,Gamma,"1,200",Ole Hansen,Proposal Made,won,2024-01-05 08:00:00,2024-02-05 08:00:00\n8,Delta,300,Ole Hansen,Lead In,open,2024-01-06 08:00:00,\n';
		for (const [csv, id, stages] of [
			[hub, 'hubspot-deals', ['won', 'qualified']],
			[pipe, 'pipedrive-deals', ['won', 'lead']]
		] as const) {
			const read = readCsv(csv);
			const p = BUILT_IN_PRESETS.find((x) => x.id === id)!;
			const r = convertTable(
				read.table,
				{
					kind: 'leads',
					dateOrder: read.summary.dateOrder,
					decimalComma: false,
					mapping: presetMappingFor(p, read.table.headers),
					stageMap: p.stageMap,
					closedFromStageId: p.closedFromStageId
				},
				ctx
			);
			expect(r.problems).toEqual([]);
			expect(r.records.leads.map((l) => l.stageId)).toEqual(stages);
		}
	});
});

describe('robustness (fast-check)', () => {
	const settings = leadSettings(dealMapping);
	it('random bytes never crash detection or conversion', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
				const read = readCsv(bytes);
				const r = convertTable(read.table, settings, ctx);
				expect(r.problemCount).toBeGreaterThanOrEqual(r.problems.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('mutated real files never crash, and every record that comes out is well formed', () => {
		const maven = readFileSync(MAVEN_PIPELINE, 'utf8').slice(0, 3000);
		const preset = BUILT_IN_PRESETS.find((p) => p.id === 'maven-crm')!;
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(maven.length), fc.nat(5), fc.string({ maxLength: 4 })), {
					maxLength: 8
				}),
				(edits) => {
					let text = maven;
					for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
					const read = readCsv(text);
					const r = convertTable(
						read.table,
						{
							...settings,
							mapping: presetMappingFor(preset, read.table.headers),
							stageMap: preset.stageMap
						},
						ctx
					);
					for (const l of r.records.leads) expect(typeof l.createdAt).toBe('string');
				}
			),
			{ numRuns: 100 }
		);
	});
});
