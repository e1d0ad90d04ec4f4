import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead, Stage } from '../domain/types';
import {
	boardOrder,
	buildBoard,
	instantFromWallInput,
	patchBoard,
	visibleWindow,
	wallInputAt,
	type LeadChange
} from './board-columns';

const T = '2026-11-01T00:00:00Z';
function stage(id: string, order: number, kind: Stage['kind'], probability: number): Stage {
	return { id, name: id, order, kind, probability, qualified: false, updatedAt: T };
}
function lead(id: string, stageId: string, value?: number, extra: Partial<Lead> = {}): Lead {
	return {
		id,
		name: id,
		ownerId: 'r1',
		origin: 'sales',
		createdAt: T,
		stageId,
		updatedAt: T,
		...(value === undefined ? {} : { value }),
		...extra
	};
}

const stages = [
	stage('lost', 9, 'lost', 0),
	stage('won', 8, 'won', 1),
	stage('proposal', 3, 'open', 0.5),
	stage('lead', 1, 'open', 0.1),
	{ ...stage('old', 2, 'open', 0.2), deletedAt: T }
];

describe('buildBoard', () => {
	it('orders open stages by order, then won, then lost, without deleted stages', () => {
		const cols = buildBoard([], stages, { repId: '', campaignId: '' });
		expect(cols.map((c) => c.stage.id)).toEqual(['lead', 'proposal', 'won', 'lost']);
		expect(cols.every((c) => c.count === 0 && c.total === 0)).toBe(true);
	});

	it('counts, sums and weights each column (a missing value counts as 0)', () => {
		const leads = [
			lead('a', 'proposal', 1000),
			lead('b', 'proposal', 3000),
			lead('c', 'proposal'),
			lead('d', 'lead', 200),
			lead('e', 'won', 500),
			lead('f', 'proposal', 9999, { deletedAt: T })
		];
		const cols = buildBoard(leads, stages, { repId: '', campaignId: '' });
		const proposal = cols.find((c) => c.stage.id === 'proposal')!;
		expect(proposal.count).toBe(3);
		expect(proposal.total).toBe(4000);
		expect(proposal.weighted).toBe(2000);
		// Highest value first.
		expect(proposal.leads.map((l) => l.id)).toEqual(['b', 'a', 'c']);
		const first = cols.find((c) => c.stage.id === 'lead')!;
		expect(first.weighted).toBeCloseTo(20);
		expect(cols.find((c) => c.stage.id === 'won')!.weighted).toBe(500);
	});

	it('filters by rep and by campaign', () => {
		const leads = [
			lead('a', 'lead', 1, { ownerId: 'r1', campaignId: 'c1' }),
			lead('b', 'lead', 2, { ownerId: 'r2', campaignId: 'c1' }),
			lead('c', 'lead', 4, { ownerId: 'r2' })
		];
		const count = (repId: string, campaignId: string) =>
			buildBoard(leads, stages, { repId, campaignId })[0].total;
		expect(count('', '')).toBe(7);
		expect(count('r2', '')).toBe(6);
		expect(count('', 'c1')).toBe(3);
		expect(count('r2', 'c1')).toBe(2);
	});
});

describe('boardOrder', () => {
	// The plain definition: a stable sort by value (highest first, none = 0), then name.
	const reference = (leads: Lead[]) =>
		leads
			.map((l, i) => ({ l, i }))
			.sort((a, b) => (b.l.value ?? 0) - (a.l.value ?? 0) || a.l.name.localeCompare(b.l.name))
			.map((x) => x.i);

	it('orders by value, then name, ties kept as given, like a stable comparator sort', () => {
		const leadArb = fc.record({
			value: fc.option(
				fc.integer({ min: -5, max: 5 }).map((v) => v * 250.5),
				{ nil: undefined }
			),
			name: fc.constantFrom('Åse', 'anna', 'Anna', 'Bo', 'bo', 'Zoë', 'Émile', '')
		});
		fc.assert(
			fc.property(fc.array(leadArb, { maxLength: 60 }), (rows) => {
				const leads = rows.map((r, i) => lead(`l${i}`, 'lead', r.value, { name: r.name }));
				expect(Array.from(boardOrder(leads))).toEqual(reference(leads));
			}),
			{ numRuns: 300 }
		);
	});

	it('orders thousands of leads with few distinct values and names (the demo data shape)', () => {
		const names = ['Helle Madsen', 'Jens Sørensen', 'Julie Hussain', 'Ærø Bo', 'anders'];
		const leads = Array.from({ length: 5000 }, (_, i) =>
			lead(`l${i}`, 'lead', i % 7 === 0 ? undefined : ((i * 7919) % 97) * 500, {
				name: names[(i * 31) % names.length]
			})
		);
		expect(Array.from(boardOrder(leads))).toEqual(reference(leads));
	});
});

describe('patchBoard', () => {
	// What a person sees of a column: its count, total and the cards' values and names in order
	// (leads that tie on both may stand in either order).
	const view = (cols: ReturnType<typeof buildBoard>) =>
		cols.map((c) => ({
			stage: c.stage.id,
			count: c.count,
			total: c.total,
			weighted: c.weighted,
			cards: c.leads.map((l) => `${l.value ?? 0}|${l.name}`),
			ids: c.leads.map((l) => l.id).sort()
		}));

	const stageIds = ['lead', 'proposal', 'won', 'lost', 'old'];
	const edit = fc.record({
		id: fc.integer({ min: 0, max: 14 }),
		stageId: fc.constantFrom(...stageIds),
		value: fc.option(
			fc.integer({ min: 0, max: 4 }).map((v) => v * 100),
			{ nil: undefined }
		),
		name: fc.constantFrom('Ann', 'Bo', 'åse'),
		ownerId: fc.constantFrom('r1', 'r2'),
		gone: fc.boolean()
	});

	it('gives what building the board afresh gives, after any edits, moves, adds and deletes', () => {
		fc.assert(
			fc.property(
				fc.array(edit, { maxLength: 15 }),
				fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
				fc.constantFrom('', 'r2'),
				(initial, batches, repId) => {
					const filter = { repId, campaignId: '' };
					const leads = new Map<string, Lead>();
					const put = (e: (typeof initial)[number]): LeadChange => {
						const id = `l${e.id}`;
						const before = leads.get(id);
						if (e.gone) leads.delete(id);
						else leads.set(id, lead(id, e.stageId, e.value, { name: e.name, ownerId: e.ownerId }));
						return { before, after: leads.get(id) };
					};
					initial.forEach(put);
					let cols = buildBoard(leads.values(), stages, filter);
					for (const batch of batches) {
						const changes = batch.map(put);
						cols = patchBoard(cols, changes, filter);
						expect(view(cols)).toEqual(view(buildBoard(leads.values(), stages, filter)));
						// Again: a column built from the newer leads already holds these changes.
						expect(view(patchBoard(cols, changes, filter))).toEqual(view(cols));
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('keeps the columns a move did not touch', () => {
		const a = lead('a', 'lead', 10);
		const cols = buildBoard([a, lead('b', 'won', 5)], stages, { repId: '', campaignId: '' });
		const moved = { ...a, stageId: 'proposal' };
		const out = patchBoard(cols, [{ before: a, after: moved }], { repId: '', campaignId: '' });
		expect(out.find((c) => c.stage.id === 'won')).toBe(cols.find((c) => c.stage.id === 'won'));
		expect(out.find((c) => c.stage.id === 'proposal')!.total).toBe(10);
		expect(out.find((c) => c.stage.id === 'proposal')!.weighted).toBe(5);
		expect(out.find((c) => c.stage.id === 'lead')!.count).toBe(0);
	});
});

describe('visibleWindow', () => {
	it('renders only the rows in view plus the overscan', () => {
		// 5000 cards of 80 px, scrolled to 8000 px in a 400 px column: rows 100..105 in view.
		expect(visibleWindow(5000, 8000, 400, 80, 2)).toEqual({ start: 98, end: 107 });
		expect(visibleWindow(3, 0, 400, 80, 2)).toEqual({ start: 0, end: 3 });
		expect(visibleWindow(0, 0, 400, 80)).toEqual({ start: 0, end: 0 });
	});
});

describe('the time of a move from a datetime-local field', () => {
	it('reads the wall time in the workspace zone, summer and winter', () => {
		// Copenhagen is UTC+2 in summer (CEST) and UTC+1 in winter (CET).
		expect(instantFromWallInput('2026-07-01T14:30', 'Europe/Copenhagen')).toBe(
			'2026-07-01T12:30:00.000Z'
		);
		expect(instantFromWallInput('2026-11-27T09:05', 'Europe/Copenhagen')).toBe(
			'2026-11-27T08:05:00.000Z'
		);
		expect(instantFromWallInput('2026-11-27T09:05', 'America/New_York')).toBe(
			'2026-11-27T14:05:00.000Z'
		);
	});

	it('means "now" (undefined) when empty or malformed', () => {
		expect(instantFromWallInput('', 'UTC')).toBeUndefined();
		expect(instantFromWallInput('2026-11-27', 'UTC')).toBeUndefined();
		expect(instantFromWallInput('2026-13-01T10:00', 'UTC')).toBeUndefined();
	});

	it('writes an instant back as the field shows it in the zone', () => {
		expect(wallInputAt(Date.parse('2026-07-01T12:30:00Z'), 'Europe/Copenhagen')).toBe(
			'2026-07-01T14:30'
		);
		expect(wallInputAt(Date.parse('2026-01-02T23:59:00Z'), 'UTC')).toBe('2026-01-02T23:59');
	});
});
