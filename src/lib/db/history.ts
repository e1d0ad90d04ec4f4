// Undo and redo as data-layer history (after Actual Budget's undo.ts): each command's
// transaction records the before and after image of every row it touched; undo writes the
// before images back in one transaction, redo writes the after images. The grid, the board and
// the forms all share this one history, and an undo is as durable as the edit it reverts.

import type { Command, CommandLabel } from './commands';
import type { TragtDatabase } from './database';
import { nowIso } from '../domain/time';
import { runWrite, type RowChange, type WriteContext } from './write-context';

export interface HistoryStep {
	label: CommandLabel;
	changes: RowChange[];
}

async function apply(ctx: WriteContext, changes: RowChange[], side: 'before' | 'after') {
	const ordered = side === 'before' ? [...changes].reverse() : changes;
	const logs: Parameters<WriteContext['replayLogRows']>[0][number][] = [];
	for (const c of ordered) {
		const image = c[side];
		const other = side === 'before' ? c.after : c.before;
		const hint = other?.leadId as string | null | undefined;
		// An undo or redo is a new change to the data: it gets a fresh `updatedAt`, so that in a
		// teammate's merge it wins over the edit it reverts (the old stamp would lose to it).
		const stamped = image ? { ...image, updatedAt: nowIso() } : undefined;
		if (c.list === 'activities' || c.list === 'stageEvents') {
			// Log rows go in one batch: replayed one by one, a paste of 1,000 rows into blocks
			// already read makes no IndexedDB request for so long that the transaction commits.
			logs.push({ list: c.list, id: c.id, image: stamped, leadHints: [hint] });
		} else if (stamped) await ctx.put(c.list, stamped, { leadHints: [hint] });
		else await ctx.remove(c.list, c.id, hint);
	}
	await ctx.replayLogRows(logs);
}

export class CommandHistory {
	readonly db: TragtDatabase;
	readonly limit: number;
	private done: HistoryStep[] = [];
	private undone: HistoryStep[] = [];
	private listeners = new Set<() => void>();
	/** Commands, undos and redos run one after another, in the order they were asked for. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(db: TragtDatabase, limit = 200) {
		this.db = db;
		this.limit = limit;
	}

	get canUndo(): boolean {
		return this.done.length > 0;
	}
	get canRedo(): boolean {
		return this.undone.length > 0;
	}
	get undoLabel(): CommandLabel | undefined {
		return this.done.at(-1)?.label;
	}
	get redoLabel(): CommandLabel | undefined {
		return this.undone.at(-1)?.label;
	}
	get undoDepth(): number {
		return this.done.length;
	}

	/** Calls `fn` after every change of the stacks; returns the unsubscribe function. */
	subscribe(fn: () => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	private notify() {
		for (const fn of this.listeners) fn();
	}

	private enqueue<T>(job: () => Promise<T>): Promise<T> {
		const p = this.queue.then(job, job);
		this.queue = p.catch(() => undefined);
		return p;
	}

	/** Runs a command as one undo step. A command that throws leaves no data and no step. */
	run<R>(cmd: Command<R>): Promise<R> {
		return this.enqueue(async () => {
			const out = await runWrite(this.db, (ctx) => cmd.run(ctx));
			if (!out.undoable) {
				this.done = [];
				this.undone = [];
			} else if (out.changes.length > 0) {
				this.done.push({ label: cmd.label, changes: out.changes });
				if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
				this.undone = [];
			}
			this.notify();
			return out.result;
		});
	}

	/** Reverts the last step; false when there is none. */
	undo(): Promise<boolean> {
		return this.enqueue(async () => {
			const step = this.done.at(-1);
			if (!step) return false;
			await runWrite(this.db, (ctx) => apply(ctx, step.changes, 'before'));
			this.done.pop();
			this.undone.push(step);
			this.notify();
			return true;
		});
	}

	/** Re-applies the last undone step; false when there is none. */
	redo(): Promise<boolean> {
		return this.enqueue(async () => {
			const step = this.undone.at(-1);
			if (!step) return false;
			await runWrite(this.db, (ctx) => apply(ctx, step.changes, 'after'));
			this.undone.pop();
			this.done.push(step);
			this.notify();
			return true;
		});
	}

	/** Forgets every step (e.g. after switching workspace). */
	clear(): void {
		this.done = [];
		this.undone = [];
		this.notify();
	}
}
