import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RECORD_LIST_NAMES, emptyRecords } from '../domain/types';
import { csvCell, parseCsvTable, recordsToCsvTables, toCsv } from './csv-export';
import { formatProblem } from './problems';
import { sampleFile, validRecordsArb } from './test-data';

describe('toCsv', () => {
	it('writes a header and rows with CRLF line ends, RFC 4180 quoting', () => {
		const csv = toCsv(
			[
				{ a: 'plain', b: 'with, comma', c: 'say "hi"' },
				{ a: 'two\nlines', b: 3, c: true }
			],
			['a', 'b', 'c']
		);
		expect(csv).toBe('a,b,c\r\nplain,"with, comma","say ""hi"""\r\n"two\nlines",3,true\r\n');
	});

	it('escapes text that a spreadsheet would run as a formula', () => {
		const row = {
			eq: '=HYPERLINK("http://evil","x")',
			plus: '+45 1234',
			minus: '-2+3',
			at: '@SUM(A1)',
			tab: '\tx',
			cr: '\rx',
			apostrophe: "'kept",
			safe: 'a=b'
		};
		const cols = Object.keys(row);
		const [, line] = Papa.parse<string[]>(toCsv([row], cols), { newline: '\r\n' }).data;
		expect(line).toEqual([
			`'=HYPERLINK("http://evil","x")`,
			"'+45 1234",
			"'-2+3",
			"'@SUM(A1)",
			"'\tx",
			"'\rx",
			"''kept",
			'a=b'
		]);
	});

	it('writes numbers as numbers, negative ones too, without the escape', () => {
		expect(toCsv([{ n: -5, m: 1.5, big: 1e21, bad: NaN }], ['n', 'm', 'big', 'bad'])).toBe(
			'n,m,big,bad\r\n-5,1.5,1e+21,\r\n'
		);
	});

	it('leaves absent values empty and can start with a byte order mark', () => {
		expect(toCsv([{ a: undefined, b: null }], ['a', 'b'], { bom: true })).toBe(
			'\uFEFFa,b\r\n,\r\n'
		);
	});

	it('escapes headers and other values that are not text too', () => {
		expect(csvCell('=x')).toBe("'=x");
		expect(csvCell(['=1'])).toBe('"[""=1""]"');
		expect(csvCell(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00.000Z');
	});
});

describe('recordsToCsvTables', () => {
	it('gives one table per list with a fixed column order and a byte order mark', () => {
		const tables = recordsToCsvTables(sampleFile());
		expect(Object.keys(tables)).toEqual([...RECORD_LIST_NAMES]);
		expect(tables.reps).toBe(
			'\uFEFFid,updatedAt,deletedAt,name,email,active\r\nr1,2026-11-01T09:00:00Z,,Ann,ann@x.dk,true\r\n'
		);
		expect(tables.forecasts.split('\r\n')[0]).toBe(
			'\uFEFFid,updatedAt,deletedAt,period,repId,amount'
		);
		expect(tables.targets).toBe(
			'\uFEFFid,updatedAt,deletedAt,metric,repId,from,to,amount\r\n' +
				't1,2026-11-01T09:00:00Z,,wonValue,r1,2026-10-01,2026-12-31,250000\r\n'
		);
		expect(tables.leads).toContain(",'+45 1234,");
		expect(recordsToCsvTables(emptyRecords(), { bom: false }).stages).toBe(
			'id,updatedAt,deletedAt,name,order,kind,probability,qualified\r\n'
		);
	});
});

describe('parseCsvTable', () => {
	it('reads back what recordsToCsvTables wrote, for every list', () => {
		const f = sampleFile();
		const tables = recordsToCsvTables(f);
		for (const list of RECORD_LIST_NAMES) {
			const r = parseCsvTable(list, tables[list]);
			expect(r.ok && r.records).toEqual(f[list]);
		}
	});

	it('takes the columns in any order and what a spreadsheet does to booleans', () => {
		const r = parseCsvTable(
			'reps',
			'active, name ,id,updatedAt\nTRUE,Ann,r1,2026-11-01T00:00:00Z\n'
		);
		expect(r.ok && r.records).toEqual([
			{ id: 'r1', updatedAt: '2026-11-01T00:00:00Z', name: 'Ann', active: true }
		]);
	});

	it('names a missing column once, not once per row', () => {
		const r = parseCsvTable('reps', 'id,updatedAt,name\nr1,2026-11-01T00:00:00Z,Ann\n', 'reps.csv');
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			'reps.csv: reps.active: column is missing'
		]);
	});

	it('checks values as the JSON file does, naming the row', () => {
		const text =
			'id,updatedAt,period,amount\r\nf1,2026-11-01T00:00:00Z,2026-Q4,-5\r\nf2,2026-11-01T00:00:00Z,Q4,ten\r\n';
		const r = parseCsvTable('forecasts', text, 'f.csv');
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			'f.csv: forecasts[0].amount: -5 is negative (amounts are 0 or more)',
			'f.csv: forecasts[1].period: "Q4" is not a period (use YYYY-MM, YYYY-Qn or YYYY)',
			'f.csv: forecasts[1].amount: "ten" is not a number'
		]);
	});

	it('escapes a formula in a target cell and reads it back; refuses a window that ends first', () => {
		const f = sampleFile();
		f.targets[0].id = '=HYPERLINK("x")';
		const table = recordsToCsvTables(f).targets;
		expect(table).toContain(`"'=HYPERLINK(""x"")"`);
		const back = parseCsvTable('targets', table);
		expect(back.ok && back.records).toEqual(f.targets);
		const bad =
			'id,updatedAt,metric,from,to,amount\r\nt1,2026-11-01T00:00:00Z,won,2026-11-30,2026-11-01,3\r\n';
		const r = parseCsvTable('targets', bad, 't.csv');
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			't.csv: targets[0].to: "2026-11-01" is before from ("2026-11-30")'
		]);
	});

	it('refuses a row with more cells than the header, and warns of unknown columns', () => {
		const r = parseCsvTable(
			'reps',
			'id,updatedAt,name,active\nr1,2026-11-01T00:00:00Z,A,true,extra\n',
			'r.csv'
		);
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			'r.csv: reps[0]: has 5 cells; the header has 4'
		]);
		const w = parseCsvTable(
			'reps',
			'id,updatedAt,name,active,color\nr1,2026-11-01T00:00:00Z,A,true,red\n',
			'r.csv'
		);
		expect(w.ok && w.warnings).toEqual(['r.csv: unknown column "color" ignored']);
	});

	it('undoes exactly one formula escape', () => {
		const r = parseCsvTable(
			'reps',
			"id,updatedAt,name,email,active\r\nr1,2026-11-01T00:00:00Z,'=1+2,''x,true\r\n"
		);
		expect(r.ok && r.records[0]).toMatchObject({ name: '=1+2', email: "'x" });
	});

	it('export then import is an identity on records', () => {
		fc.assert(
			fc.property(validRecordsArb, fc.boolean(), (records, bom) => {
				const tables = recordsToCsvTables(records, { bom });
				for (const list of RECORD_LIST_NAMES) {
					const r = parseCsvTable(list, tables[list]);
					if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
					expect(r.records).toEqual(records[list]);
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('never throws on random text', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...RECORD_LIST_NAMES),
				fc.string({ maxLength: 200 }),
				(list, text) => {
					const r = parseCsvTable(list, 'id,updatedAt,name,active\r\n' + text);
					expect(typeof r.ok).toBe('boolean');
					const q = parseCsvTable(list, text);
					expect(typeof q.ok).toBe('boolean');
				}
			),
			{ numRuns: 300 }
		);
	});
});
