import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createLead } from './commands';
import { initializeWorkspace } from './first-run';
import { CommandHistory } from './history';
import { errorText, isDatabaseClosedError, isQuotaError, storageProblem } from './storage-errors';
import { closeAll, freshDb } from './test-util';

const FULL = /^Storage full: nothing was saved\./;

afterEach(closeAll);

describe('quota errors in the shapes browsers and Dexie report them', () => {
	const domQuota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

	it('recognises the DOMException itself', () => {
		expect(isQuotaError(domQuota())).toBe(true);
		expect(errorText(domQuota())).toMatch(FULL);
	});

	it("recognises Dexie's own QuotaExceededError and an AbortError wrapping the DOMException", () => {
		expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
		const abort = new Dexie.AbortError('Transaction aborted', domQuota());
		expect(isQuotaError(abort)).toBe(true);
		expect(errorText(abort)).toMatch(FULL);
	});

	it("recognises Chrome's AbortError that only mentions the quota in its message", () => {
		const chrome = new DOMException(
			'Transaction was aborted: the quota has been exceeded.',
			'AbortError'
		);
		expect(isQuotaError(chrome)).toBe(true);
		expect(isQuotaError({ name: 'UnknownError', message: 'Disk is full' })).toBe(true);
	});

	it('finds the quota error among the failures of a bulk write', () => {
		const bulk = new Dexie.BulkError('3 of 1000 operations failed', {
			5: domQuota()
		} as unknown as Error[]);
		expect(isQuotaError(bulk)).toBe(true);
	});

	it('recognises the error as it arrives from the import worker (name and message only)', () => {
		const dexie = new Dexie.AbortError('Transaction aborted', domQuota());
		// What Comlink rebuilds on the page side of a worker call.
		const copied = Object.assign(new Error(dexie.message), { name: dexie.name });
		expect(isQuotaError(copied)).toBe(true);
		expect(errorText(copied)).toMatch(FULL);
	});

	it('leaves other errors as they are', () => {
		const plain = new DOMException('Transaction was aborted', 'AbortError');
		expect(isQuotaError(plain)).toBe(false);
		expect(errorText(plain)).toBe('Transaction was aborted');
		expect(errorText(new Error('Name is required'))).toBe('Name is required');
		expect(errorText('odd')).toBe('odd');
		expect(storageProblem(new TypeError('x'))).toBeUndefined();
	});

	it('tells a closed database (another tab upgraded it) apart', () => {
		const closed = new Dexie.DatabaseClosedError('Database has been closed');
		expect(isDatabaseClosedError(closed)).toBe(true);
		expect(isQuotaError(closed)).toBe(false);
		expect(errorText(closed)).toMatch(/updated in another tab/);
	});
});

describe('a command that runs out of space', () => {
	/** A database whose writes to `changes` (the last write of every command) fail while `full`. */
	async function fullableDb() {
		const state = { full: false };
		const db = freshDb();
		db.use({
			stack: 'dbcore',
			name: 'forced-quota',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return {
						...table,
						mutate: (req) =>
							state.full && name === 'changes'
								? Promise.reject(
										new DOMException('The quota has been exceeded.', 'QuotaExceededError')
									)
								: table.mutate(req)
					};
				}
			})
		});
		await initializeWorkspace(db, { repName: 'Me', currency: 'DKK', timeZone: 'UTC' });
		return { db, state };
	}

	it('rolls back everything it wrote, adds no undo step and says storage is full', async () => {
		const { db, state } = await fullableDb();
		const history = new CommandHistory(db);
		const leadsBefore = await db.leads.count();
		const changesBefore = await db.changes.count();

		state.full = true;
		const failure = await history.run(createLead({ name: 'Acme' })).catch((e: unknown) => e);
		expect(isQuotaError(failure)).toBe(true);
		expect(errorText(failure)).toMatch(FULL);
		// The lead row was written before the change row failed: the abort took it back too.
		expect(await db.leads.count()).toBe(leadsBefore);
		expect(await db.changes.count()).toBe(changesBefore);
		expect(history.canUndo).toBe(false);

		// Space freed: the app keeps working on the same connection.
		state.full = false;
		const lead = await history.run(createLead({ name: 'Acme' }));
		expect((await db.leads.get(lead.id))?.name).toBe('Acme');
		expect(history.canUndo).toBe(true);
	});
});
