// Commands around imports. An import (a CSV file, or a teammate's Tragt file merged in) is
// written by the import worker in one transaction of its own, not as an undo step: its before
// images would be up to 1.4M rows. What it must not do is leave older steps on the stack: their
// before images predate the import, and undoing one after it would write them back with a fresh
// `updatedAt`, silently reverting what the import brought in. So after an import the page runs
// forgetHistory(), and says beside the Import and Merge buttons that an import cannot be undone.

import type { Command } from './commands';

/** Writes nothing and clears the undo and redo stacks (CommandHistory does so for any command
 * that marks itself not undoable). */
export function forgetHistory(): Command<void> {
	return {
		label: 'loadRecords',
		run: async (ctx) => {
			ctx.undoable = false;
		}
	};
}
