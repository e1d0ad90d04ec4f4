import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemList } from './problems';
import { activityArb, stageEventArb } from './test-data';
import { emptyRecords } from '../domain/types';
import { referenceWarnings, validateList } from './validate';

// Records as a file may hold them: valid ones, and ones with a field made null, empty, of the
// wrong type or type value, removed, or an unknown or forbidden-looking field added.
const mutation = fc.oneof(
	fc.constant(undefined),
	fc.tuple(
		fc.constantFrom(
			'id',
			'updatedAt',
			'deletedAt',
			'leadId',
			'repId',
			'stageId',
			'type',
			'at',
			'response',
			'note',
			'extra',
			'__proto__'
		),
		fc.constantFrom<unknown>(null, '', 7, true, 'meeting', 'positive', '2026-02-30', {}, undefined)
	)
);

function mutate(r: object, m: [string, unknown] | undefined): Record<string, unknown> {
	if (!m) return { ...r };
	const out: Record<string, unknown> = JSON.parse(JSON.stringify(r));
	if (m[1] === undefined) delete out[m[0]];
	else Object.defineProperty(out, m[0], { value: m[1], enumerable: true, writable: true });
	return out;
}

function run(list: 'activities' | 'stageEvents', rows: unknown[], fast: boolean) {
	const problems = new ProblemList('f.json');
	const warnings: string[] = [];
	const out = validateList(list, rows, problems, warnings, { fast });
	return { out, problems: problems.result(), warnings };
}

describe('validateList: the fast checks of the logs', () => {
	for (const [list, arb] of [
		['activities', activityArb],
		['stageEvents', stageEventArb]
	] as const) {
		it(`give exactly the generic loop's records, problems and warnings (${list})`, () => {
			fc.assert(
				fc.property(fc.array(fc.tuple(arb, mutation), { maxLength: 12 }), (pairs) => {
					const rows = pairs.map(([r, m]) => mutate(r, m as [string, unknown] | undefined));
					expect(run(list, rows, true)).toEqual(run(list, rows, false));
				}),
				{ numRuns: 400 }
			);
		});
	}

	it('still names the list, index and field of a bad activity', () => {
		const ok = {
			id: 'a1',
			updatedAt: '2026-11-03T09:00:00Z',
			repId: 'r1',
			type: 'call',
			at: '2026-11-03'
		};
		const bad = { ...ok, id: 'a2', type: 'fax' };
		const { problems } = run('activities', [ok, bad, { ...ok }], true);
		expect(problems.map((p) => [p.list, p.index, p.field])).toEqual([
			['activities', 1, 'type'],
			['activities', 2, 'id']
		]);
	});
});

describe('referenceWarnings', () => {
	it('counts every dangling reference and names the first, also among repeated values', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('r1', 'r2', 'ghost', 'gone', ''), { maxLength: 30 }),
				(refs) => {
					const records = emptyRecords();
					records.reps = [{ id: 'r1', updatedAt: '2026-01-01T00:00:00Z', name: 'A', active: true }];
					records.forecasts = refs.map((repId, i) => ({
						id: `f${i}`,
						updatedAt: '2026-01-01T00:00:00Z',
						period: '2026',
						amount: 1,
						...(repId === 'r2' ? {} : { repId })
					}));
					const missing = refs.flatMap((r, i) => (r === 'ghost' || r === 'gone' ? [i] : []));
					const out = referenceWarnings(records, 'f.json');
					if (missing.length === 0) expect(out).toEqual([]);
					else {
						const what = missing.length === 1 ? '1 record has' : `${missing.length} records have`;
						expect(out).toEqual([
							`f.json: forecasts: ${what} repId not found in reps (first forecasts[${missing[0]}]: "${refs[missing[0]]}")`
						]);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
