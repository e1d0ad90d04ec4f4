import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_LIST_NAMES, SHARED_FILE_VERSION } from '../domain/types';
import {
	formatProblem,
	parseSharedFile,
	serializeSharedFile,
	toSharedFile,
	checkFileSize,
	utf8Length
} from './shared-file';
import { instantArb, sampleFile, validRecordsArb } from './test-data';

type Json = Record<string, unknown>;

function parseObject(obj: unknown, name = 'team-a.json') {
	return parseSharedFile(JSON.stringify(obj), name);
}

/** The formatted problems of a file that must fail. */
function problemsOf(obj: unknown, name = 'team-a.json'): string[] {
	const r = parseObject(obj, name);
	if (r.ok) throw new Error('expected the file to be refused');
	return r.problems.map(formatProblem);
}

/** The sample file with one field of one record replaced (undefined removes it). */
function withField(list: string, index: number, field: string, value: unknown): Json {
	const f = sampleFile() as unknown as Json;
	const rec = (f[list] as Json[])[index];
	if (value === undefined) delete rec[field];
	else rec[field] = value;
	return f;
}

describe('parseSharedFile: a valid file', () => {
	it('reads every list and the workspace, with no warnings for a complete file', () => {
		const r = parseObject(sampleFile());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.file).toEqual(sampleFile());
		expect(r.warnings).toEqual([]);
	});

	it('accepts a byte order mark before the JSON', () => {
		expect(parseSharedFile('\uFEFF' + JSON.stringify(sampleFile()), 'a.json').ok).toBe(true);
	});

	it('reads a missing list as empty and says so', () => {
		const f = sampleFile() as unknown as Json;
		delete f.forecasts;
		const r = parseObject(f);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.file.forecasts).toEqual([]);
		expect(r.warnings).toContain('team-a.json: no "forecasts" list; read as empty');
	});

	it('drops unknown fields with one warning per list and field', () => {
		const f = sampleFile() as unknown as Json;
		const reps = f.reps as Json[];
		reps.push({ ...reps[0], id: 'r2' });
		reps[0].color = 'red';
		reps[1].color = 'blue';
		f.extra = 1;
		(f.workspace as Json).logo = 'x';
		const r = parseObject(f);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.file.reps[0]).not.toHaveProperty('color');
		expect(r.file).not.toHaveProperty('extra');
		expect(r.file.workspace).toEqual(sampleFile().workspace);
		expect(r.warnings).toEqual([
			'team-a.json: workspace: unknown field "logo" dropped',
			'team-a.json: unknown field "extra" dropped',
			'team-a.json: reps: unknown field "color" dropped (2 records, first reps[0])'
		]);
	});

	it('treats null in an optional field as absent', () => {
		const r = parseObject(withField('activities', 0, 'leadId', null));
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.file.activities[0]).not.toHaveProperty('leadId');
	});

	it('treats an empty optional reference as absent, but not an empty required one', () => {
		const r = parseObject(withField('leads', 0, 'campaignId', ''));
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.file.leads[0]).not.toHaveProperty('campaignId');
		expect(problemsOf(withField('leads', 0, 'stageId', ''))).toEqual([
			'team-a.json: leads[0].stageId: is empty'
		]);
	});

	it('allows references to records that are not in the file, with a warning', () => {
		const r = parseObject(withField('leads', 0, 'ownerId', 'ghost'));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.warnings).toEqual([
			'team-a.json: leads: 1 record has ownerId not found in reps (first leads[0]: "ghost")'
		]);
	});

	it('warns when a won stage does not have probability 1', () => {
		const r = parseObject(withField('stages', 1, 'probability', 0.9));
		expect(r.ok).toBe(true);
		if (r.ok)
			expect(r.warnings).toEqual([
				'team-a.json: stages[1].probability: a won stage should have probability 1, not 0.9'
			]);
	});

	it('accepts instants with offsets, fractions and date-only values where allowed', () => {
		const f = sampleFile();
		f.leads[0].createdAt = '2026-10-05T08:30:00.123+02:00';
		f.activities[0].at = '2026-10-06';
		f.customers[0].since = '2026-11-01T00:00:00-05:00';
		expect(parseObject(f).ok).toBe(true);
	});
});

describe('parseSharedFile: problems name file, list, index and field', () => {
	const cases: [string, number, string, unknown, string][] = [
		[
			'leads',
			0,
			'createdAt',
			'2026-13-01',
			'"2026-13-01" is not a date (use YYYY-MM-DD or an ISO instant)'
		],
		[
			'leads',
			0,
			'createdAt',
			'2026-11-01T10:00:00',
			'"2026-11-01T10:00:00" is not a date (use YYYY-MM-DD or an ISO instant)'
		],
		['leads', 0, 'name', undefined, 'is missing'],
		['leads', 0, 'name', 42, '42 is not text'],
		['leads', 0, 'ownerId', '', 'is empty'],
		['leads', 0, 'origin', 'partner', '"partner" is not one of marketing, sales'],
		['leads', 0, 'value', -5, '-5 is negative (amounts are 0 or more)'],
		['leads', 0, 'value', '5000', '"5000" is not a number'],
		[
			'leads',
			0,
			'expectedCloseDate',
			'2026-12-01T00:00:00Z',
			'"2026-12-01T00:00:00Z" is not a date (use YYYY-MM-DD)'
		],
		['leads', 0, 'id', '', 'is empty'],
		['leads', 0, 'id', 7, '7 is not text'],
		[
			'leads',
			0,
			'updatedAt',
			'2026-11-02',
			'"2026-11-02" is not an instant (use an ISO 8601 time with an offset, e.g. 2026-11-27T10:00:00Z)'
		],
		[
			'leads',
			0,
			'deletedAt',
			'yesterday',
			'"yesterday" is not an instant (use an ISO 8601 time with an offset, e.g. 2026-11-27T10:00:00Z)'
		],
		['reps', 0, 'active', 'yes', '"yes" is not true or false'],
		['reps', 0, 'email', false, 'false is not text'],
		['stages', 0, 'order', 1.5, '1.5 is not a whole number'],
		['stages', 0, 'kind', 'closed', '"closed" is not one of open, won, lost'],
		['stages', 0, 'probability', 1.2, '1.2 is not between 0 and 1'],
		['stages', 0, 'probability', -0.1, '-0.1 is not between 0 and 1'],
		['stages', 0, 'qualified', null, 'is missing'],
		['campaigns', 0, 'budget', -1, '-1 is negative (amounts are 0 or more)'],
		['campaigns', 0, 'startDate', '2026-02-30', '"2026-02-30" is not a date (use YYYY-MM-DD)'],
		['campaigns', 0, 'origin', 'Marketing', '"Marketing" is not one of marketing, sales'],
		['stageEvents', 0, 'at', 'soon', '"soon" is not a date (use YYYY-MM-DD or an ISO instant)'],
		['stageEvents', 0, 'leadId', undefined, 'is missing'],
		['activities', 0, 'type', 'visit', '"visit" is not one of call, email, meeting, other'],
		['activities', 0, 'response', 'maybe', '"maybe" is not one of positive, negative, neutral'],
		['activities', 0, 'repId', ['r1'], 'a list is not text'],
		[
			'customers',
			0,
			'churnedAt',
			'2026/11/20',
			'"2026/11/20" is not a date (use YYYY-MM-DD or an ISO instant)'
		],
		['customers', 0, 'since', undefined, 'is missing'],
		[
			'forecasts',
			0,
			'period',
			'2026-13',
			'"2026-13" is not a period (use YYYY-MM, YYYY-Qn or YYYY)'
		],
		[
			'forecasts',
			0,
			'period',
			'2026-Q5',
			'"2026-Q5" is not a period (use YYYY-MM, YYYY-Qn or YYYY)'
		],
		['forecasts', 0, 'amount', -100, '-100 is negative (amounts are 0 or more)'],
		['forecasts', 0, 'amount', { n: 1 }, 'an object is not a number'],
		[
			'targets',
			0,
			'metric',
			'revenue',
			'"revenue" is not one of wonValue, won, newLeads, opportunities, activities'
		],
		['targets', 0, 'metric', undefined, 'is missing'],
		['targets', 0, 'from', '2026-10', '"2026-10" is not a date (use YYYY-MM-DD)'],
		['targets', 0, 'to', undefined, 'is missing'],
		['targets', 0, 'to', '2026-09-30', '"2026-09-30" is before from ("2026-10-01")'],
		['targets', 0, 'amount', -1, '-1 is negative (amounts are 0 or more)'],
		['targets', 0, 'amount', '100', '"100" is not a number'],
		['targets', 0, 'repId', 5, '5 is not text']
	];
	it.each(cases)('%s[%i].%s = %j', (list, index, field, value, message) => {
		expect(problemsOf(withField(list, index, field, value))).toEqual([
			`team-a.json: ${list}[${index}].${field}: ${message}`
		]);
	});

	it('reads a target with no rep, a null rep or an empty rep as a team target', () => {
		for (const repId of [undefined, null, '']) {
			const r = parseObject(withField('targets', 0, 'repId', repId));
			expect(r.ok).toBe(true);
			if (r.ok) expect(r.file.targets[0]).not.toHaveProperty('repId');
		}
		// A one-day window (to = from) is valid.
		const f = withField('targets', 0, 'to', '2026-10-01');
		expect(parseObject(f).ok).toBe(true);
	});

	it('refuses a number too large to be finite', () => {
		const text = JSON.stringify(sampleFile()).replace('"amount":20000', '"amount":1e400');
		const r = parseSharedFile(text, 'big.json');
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems.map(formatProblem)).toEqual([
				'big.json: forecasts[0].amount: Infinity is not a finite number'
			]);
	});

	it('refuses a duplicate id, naming both places', () => {
		const f = sampleFile();
		f.reps.push({ ...f.reps[0], name: 'Other' });
		expect(problemsOf(f)).toEqual([
			'team-a.json: reps[1].id: "r1" is used twice in reps (also at reps[0])'
		]);
	});

	it('allows the same id in different lists', () => {
		const f = sampleFile();
		f.reps[0].id = 'x';
		f.customers[0].id = 'x';
		f.customers[0].ownerId = 'x';
		f.leads[0].ownerId = 'x';
		f.activities[0].repId = 'x';
		f.stageEvents[0].repId = 'x';
		f.forecasts[0].repId = 'x';
		f.targets[0].repId = 'x';
		expect(parseObject(f).ok).toBe(true);
	});

	it('refuses a record that is not an object and a list that is not a list', () => {
		const f = sampleFile() as unknown as Json;
		(f.leads as unknown[])[0] = 'lead';
		f.customers = {};
		expect(problemsOf(f)).toEqual([
			'team-a.json: leads[0]: "lead" is not a record (an object)',
			'team-a.json: customers: an object is not a list'
		]);
	});

	it('checks the workspace', () => {
		const f = sampleFile() as unknown as Json;
		f.workspace = { name: 5, currency: 'dkk', timeZone: 'Europe/Atlantis' };
		expect(problemsOf(f)).toEqual([
			'team-a.json: workspace.name: 5 is not text',
			'team-a.json: workspace.currency: "dkk" is not a currency code (use 3 capital letters of ISO 4217, e.g. DKK)',
			'team-a.json: workspace.timeZone: "Europe/Atlantis" is not a time zone (use an IANA name, e.g. Europe/Copenhagen)'
		]);
		delete f.workspace;
		expect(problemsOf(f)).toEqual(['team-a.json: workspace: is missing']);
		f.workspace = { name: 'n', currency: 'EUR', timeZone: '' };
		expect(problemsOf(f)).toEqual([
			'team-a.json: workspace.timeZone: "" is not a time zone (use an IANA name, e.g. Europe/Copenhagen)'
		]);
	});

	it('checks exportedAt', () => {
		const f = sampleFile() as unknown as Json;
		f.exportedAt = '27/11/2026';
		expect(problemsOf(f)).toEqual([
			'team-a.json: exportedAt: "27/11/2026" is not an instant (use an ISO 8601 time with an offset, e.g. 2026-11-27T10:00:00Z)'
		]);
	});

	it('reports every problem of the file, not just the first', () => {
		const f = sampleFile() as unknown as Json;
		(f.leads as Json[])[0].value = -1;
		(f.activities as Json[])[0].type = 'fax';
		(f.forecasts as Json[])[0].period = 'Q4';
		expect(problemsOf(f)).toEqual([
			'team-a.json: leads[0].value: -1 is negative (amounts are 0 or more)',
			'team-a.json: activities[0].type: "fax" is not one of call, email, meeting, other',
			'team-a.json: forecasts[0].period: "Q4" is not a period (use YYYY-MM, YYYY-Qn or YYYY)'
		]);
	});

	it('caps the report at 1,000 problems and counts the rest', () => {
		const f = sampleFile();
		const act = f.activities[0];
		f.activities = Array.from({ length: 1200 }, (_, i) => ({
			...act,
			id: 'a' + i,
			type: 'fax' as 'call'
		}));
		const p = problemsOf(f);
		expect(p).toHaveLength(1001);
		expect(p[999]).toBe(
			'team-a.json: activities[999].type: "fax" is not one of call, email, meeting, other'
		);
		expect(p[1000]).toBe('team-a.json has 200 more problems');
	});
});

describe('parseSharedFile: the file as a whole', () => {
	it('gives the line and column of a JSON syntax error', () => {
		const text = '{\n  "format": "tragt",\n  "version": 1,,\n}';
		const r = parseSharedFile(text, 'broken.json');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems).toHaveLength(1);
		expect(formatProblem(r.problems[0])).toMatch(
			/^broken\.json is not valid JSON: .+ at line 3, column 16$/
		);
	});

	it('says where a truncated file ends', () => {
		const r = parseSharedFile('{"format": "tragt",\n"reps": [', 'cut.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(formatProblem(r.problems[0])).toMatch(/at line 2, column 10$/);
	});

	it('refuses an empty file and a file of another format', () => {
		const empty = parseSharedFile('  \n', 'e.json');
		expect(empty.ok ? [] : empty.problems.map(formatProblem)).toEqual(['e.json is empty']);
		expect(problemsOf({ format: 'other', version: 1 }, 'o.json')).toEqual([
			'o.json is not a Tragt file (it has format "other", not "tragt")'
		]);
		expect(problemsOf([1, 2], 'o.json')).toEqual([
			'o.json is not a Tragt file (it holds no object)'
		]);
		expect(problemsOf({ reps: [] }, 'o.json')).toEqual([
			'o.json is not a Tragt file (it has no "format": "tragt")'
		]);
	});

	it('refuses a newer version, naming both versions', () => {
		const f = { ...sampleFile(), version: SHARED_FILE_VERSION + 2 };
		expect(problemsOf(f, 'file.json')).toEqual([
			`file.json is version ${SHARED_FILE_VERSION + 2}; this Tragt reads up to version ${SHARED_FILE_VERSION} — update Tragt`
		]);
	});

	it('reads a version-1 file as version 2 with no targets, and says it was upgraded', () => {
		const v1 = sampleFile() as unknown as Json;
		v1.version = 1;
		delete v1.targets;
		const r = parseObject(v1, 'old.json');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.file).toEqual({ ...sampleFile(), targets: [] });
		expect(r.warnings).toEqual(['old.json: upgraded from version 1 to 2']);
	});

	it('refuses a version no Tragt wrote and a version that is not a number', () => {
		expect(problemsOf({ ...sampleFile(), version: 0 }, 'old.json')).toEqual([
			'old.json is version 0, which this Tragt cannot read (it reads versions 1 to 2)'
		]);
		expect(problemsOf({ ...sampleFile(), version: '1' }, 'v.json')).toEqual([
			'v.json: version: "1" is not a whole number'
		]);
	});

	it('refuses a file over the size limit before parsing it', () => {
		const text = JSON.stringify(sampleFile()).padEnd(2100, ' '); // 2,100 bytes: 3 kB rounded up
		const r = parseSharedFile(text, 'big.json', { maxBytes: 1024 });
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			'big.json is 3 kB; Tragt reads files up to 1 kB'
		]);
		expect(checkFileSize(500 * 1024 * 1024, 'huge.json')).toEqual({
			file: 'huge.json',
			message: 'is 500 MB; Tragt reads files up to 400 MB'
		});
		expect(checkFileSize(1000, 'small.json')).toBeUndefined();
	});

	it('counts UTF-8 bytes, not characters, against the limit', () => {
		const f = sampleFile();
		f.reps[0].name = 'ø'.repeat(600); // 600 characters, 1,200 bytes
		const text = JSON.stringify(f);
		const bytes = new TextEncoder().encode(text).length;
		expect(parseSharedFile(text, 'a.json', { maxBytes: bytes }).ok).toBe(true);
		expect(parseSharedFile(text, 'a.json', { maxBytes: bytes - 1 }).ok).toBe(false);
		expect(text.length).toBeLessThan(bytes - 1);
	});
});

describe('parseSharedFile: keys that could alter prototypes', () => {
	const base = JSON.stringify(sampleFile());
	const cases: [string, string, string][] = [
		[
			'top level',
			base.replace('{"format"', '{"__proto__":{"polluted":true},"format"'),
			'team-a.json: __proto__: key "__proto__" is not allowed'
		],
		[
			'workspace',
			base.replace('"workspace":{', '"workspace":{"constructor":{},'),
			'team-a.json: workspace.constructor: key "constructor" is not allowed'
		],
		[
			'a record',
			base.replace('{"id":"l1"', '{"prototype":1,"id":"l1"'),
			'team-a.json: leads[0].prototype: key "prototype" is not allowed'
		],
		[
			'deep inside a record',
			base.replace('{"id":"l1"', '{"x":[{"y":{"__proto__":{"isAdmin":true}}}],"id":"l1"'),
			'team-a.json: leads[0].x[0].y.__proto__: key "__proto__" is not allowed'
		],
		[
			'written with a \\u escape',
			base.replace('{"id":"a1"', '{"\\u005f_proto__":{},"id":"a1"'),
			'team-a.json: activities[0].__proto__: key "__proto__" is not allowed'
		]
	];
	it.each(cases)('refuses one at %s, naming the path', (_where, text, message) => {
		const r = parseSharedFile(text, 'team-a.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems.map(formatProblem)).toEqual([message]);
		expect(({} as Json).polluted).toBeUndefined();
		expect(({} as Json).isAdmin).toBeUndefined();
	});

	it('allows those words as values', () => {
		const f = sampleFile();
		f.reps[0].name = '__proto__';
		f.activities[0].note = 'constructor prototype';
		expect(parseObject(f).ok).toBe(true);
	});
});

describe('serializeSharedFile and toSharedFile', () => {
	it('writes a stable key order, one record per line, and no undefined or extra fields', () => {
		const f = sampleFile();
		const recs = {
			...f,
			reps: [
				{
					active: true,
					name: 'Bo',
					updatedAt: '2026-11-01T00:00:00Z',
					id: 'r2',
					email: undefined,
					cache: 1
				}
			]
		};
		const text = serializeSharedFile(
			toSharedFile(recs, { ...f.workspace, extra: 1 } as never, '2026-11-27T12:00:00Z')
		);
		const lines = text.split('\n');
		expect(lines.slice(0, 7)).toEqual([
			'{',
			'\t"format": "tragt",',
			'\t"version": 2,',
			'\t"exportedAt": "2026-11-27T12:00:00Z",',
			'\t"workspace": {"name":"Nordic team","currency":"DKK","timeZone":"Europe/Copenhagen"},',
			'\t"reps": [',
			'\t\t{"id":"r2","updatedAt":"2026-11-01T00:00:00Z","name":"Bo","active":true}'
		]);
		expect(
			text.endsWith(
				'\t"forecasts": [\n\t\t{"id":"f1","updatedAt":"2026-11-01T09:00:00Z","period":"2026-Q4","repId":"r1","amount":20000}\n\t],\n' +
					'\t"targets": [\n\t\t{"id":"t1","updatedAt":"2026-11-01T09:00:00Z","metric":"wonValue","repId":"r1","from":"2026-10-01","to":"2026-12-31","amount":250000}\n\t]\n}\n'
			)
		).toBe(true);
	});

	it('gives the same text whatever the key order of the records', () => {
		const a = sampleFile();
		const b = sampleFile();
		b.leads = b.leads.map((l) => Object.fromEntries(Object.entries(l).reverse()) as typeof l);
		expect(serializeSharedFile(b)).toBe(serializeSharedFile(a));
	});

	it('parses back to the same file', () => {
		const r = parseSharedFile(serializeSharedFile(sampleFile()), 'x.json');
		expect(r.ok && r.file).toEqual(sampleFile());
	});
});

describe('shared file properties', () => {
	const workspaceArb = fc.record({
		name: fc.string({ maxLength: 10 }),
		currency: fc.constantFrom('DKK', 'EUR', 'USD'),
		timeZone: fc.constantFrom('UTC', 'Europe/Copenhagen', 'America/New_York', 'Asia/Kolkata')
	});
	const fileArb = fc
		.tuple(validRecordsArb, workspaceArb, instantArb)
		.map(([records, ws, at]) => toSharedFile(records, ws, at));

	it('serialize then parse is an identity', () => {
		fc.assert(
			fc.property(fileArb, (file) => {
				const r = parseSharedFile(serializeSharedFile(file), 'x.json');
				if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
				expect(r.file).toEqual(file);
			}),
			{ numRuns: 150 }
		);
	});

	it('never throws on random text', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
				(text) => {
					const r = noCrash(parseSharedFile(text, 'random.json'));
					expect(r.ok).toBe(false);
					if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('never throws on random JSON, even shaped like a Tragt file', () => {
		fc.assert(
			fc.property(
				fc.jsonValue({ maxDepth: 4 }),
				fc.dictionary(
					fc.constantFrom(...RECORD_LIST_NAMES, 'workspace', 'exportedAt', 'version'),
					fc.jsonValue({ maxDepth: 3 })
				),
				(json, fields) => {
					expect(typeof noCrash(parseObject(json)).ok).toBe('boolean');
					const r = noCrash(parseObject({ format: 'tragt', version: 1, ...fields }));
					expect(typeof r.ok).toBe('boolean');
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never throws on a mutated valid file, and whatever it accepts is valid', () => {
		const mutation = fc.oneof(
			fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
			fc.record({
				kind: fc.constant('insert' as const),
				at: fc.nat(),
				text: fc.constantFrom(
					'"',
					',',
					'{',
					'}',
					'[',
					']',
					':',
					'-',
					'0',
					'e',
					'\\',
					'null',
					'"__proto__":1,'
				)
			}),
			fc.record({
				kind: fc.constant('field' as const),
				at: fc.nat(),
				key: fc.constantFrom(
					'id',
					'updatedAt',
					'deletedAt',
					'name',
					'amount',
					'at',
					'type',
					'period',
					'constructor',
					'extra'
				),
				value: fc.jsonValue({ maxDepth: 2 })
			})
		);
		fc.assert(
			fc.property(
				fileArb,
				fc.array(mutation, { minLength: 1, maxLength: 4 }),
				(file, mutations) => {
					let text = serializeSharedFile(file);
					for (const m of mutations) {
						if (m.kind === 'delete') {
							const i = m.at % text.length;
							text = text.slice(0, i) + text.slice(i + 1);
						} else if (m.kind === 'insert') {
							const i = m.at % (text.length + 1);
							text = text.slice(0, i) + m.text + text.slice(i);
						} else {
							const parsed = safeParse(text);
							const lists =
								parsed &&
								RECORD_LIST_NAMES.map((l) => parsed[l]).filter(
									(v): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0
								);
							if (!lists || lists.length === 0) continue;
							const list = lists[m.at % lists.length];
							const rec = list[m.at % list.length];
							if (rec && typeof rec === 'object') rec[m.key] = m.value;
							text = JSON.stringify(parsed);
						}
					}
					const r = noCrash(parseSharedFile(text, 'mutated.json'));
					if (r.ok) {
						const again = parseSharedFile(serializeSharedFile(r.file), 'again.json');
						expect(again.ok && again.file).toEqual(r.file);
					} else {
						expect(r.problems.length).toBeGreaterThan(0);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

/** A result, asserting that no internal error was caught by parseSharedFile's safety net. */
function noCrash(r: ReturnType<typeof parseSharedFile>): typeof r {
	if (!r.ok) for (const p of r.problems) expect(p.message).not.toMatch(/^could not be read/);
	return r;
}

function safeParse(text: string): Record<string, unknown> | undefined {
	try {
		const v = JSON.parse(text);
		return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
	} catch {
		return undefined;
	}
}

describe('utf8Length', () => {
	it('counts the bytes TextEncoder writes for any well-formed text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
				expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
			}),
			{ numRuns: 2000 }
		);
		expect(utf8Length('a€😀æ')).toBe(1 + 3 + 4 + 2);
	});
});
